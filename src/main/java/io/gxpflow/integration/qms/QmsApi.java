package io.gxpflow.integration.qms;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gxpflow.integration.contract.SystemHeaders;
import io.gxpflow.integration.qms.QmsPort.BatchQualityEvents;
import io.gxpflow.integration.qms.QmsPort.Capa;
import io.gxpflow.integration.qms.QmsPort.CapaAction;
import io.gxpflow.integration.qms.QmsPort.Deviation;
import io.gxpflow.integration.qms.QmsPort.NewCapa;
import io.gxpflow.integration.qms.QmsPort.NewDeviation;
import io.gxpflow.integration.qms.QmsPort.QcResults;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;

/** The QMS API of docs/integration/qms.md, as {@link HttpQmsClient} calls it. */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
interface QmsApi {

  String JSON = MediaType.APPLICATION_JSON_VALUE;

  @PostExchange(url = "/deviations", contentType = JSON)
  Deviation createDeviation(
      @RequestHeader(SystemHeaders.IDEMPOTENCY_KEY) String idempotencyKey,
      @RequestBody DeviationRequest request);

  @PatchExchange(url = "/deviations/{id}", contentType = JSON)
  Deviation updateDeviation(
      @PathVariable String id,
      @RequestHeader(SystemHeaders.IDEMPOTENCY_KEY) String idempotencyKey,
      @RequestBody DeviationUpdate request);

  @PostExchange(url = "/deviations/{id}/close", contentType = JSON)
  Deviation closeDeviation(
      @PathVariable String id,
      @RequestHeader(SystemHeaders.IDEMPOTENCY_KEY) String idempotencyKey,
      @RequestBody DeviationClosure request);

  @PostExchange(url = "/deviations/{id}/capas", contentType = JSON)
  Capa createCapa(
      @PathVariable String id,
      @RequestHeader(SystemHeaders.IDEMPOTENCY_KEY) String idempotencyKey,
      @RequestBody NewCapa request);

  @PatchExchange(url = "/capas/{id}", contentType = JSON)
  Capa updateCapa(
      @PathVariable String id,
      @RequestHeader(SystemHeaders.IDEMPOTENCY_KEY) String idempotencyKey,
      @RequestBody CapaActions request);

  @PostExchange(url = "/capas/{id}/close", contentType = JSON)
  Capa closeCapa(
      @PathVariable String id,
      @RequestHeader(SystemHeaders.IDEMPOTENCY_KEY) String idempotencyKey,
      @RequestBody CapaClosure request);

  @GetExchange("/batches/{batchNumber}/quality-events")
  BatchQualityEvents batchQualityEvents(@PathVariable String batchNumber);

  @GetExchange("/batches/{batchNumber}/qc-results")
  QcResults qcResults(@PathVariable String batchNumber);

  /**
   * {@code occurredAt} as text: the API wants ISO-8601 with Z, whatever the converter's date
   * settings.
   */
  record DeviationRequest(
      String title,
      String description,
      String site,
      String product,
      List<String> batchNumbers,
      String category,
      String occurredAt) {

    static DeviationRequest of(NewDeviation deviation) {
      return new DeviationRequest(
          deviation.title(),
          deviation.description(),
          deviation.site(),
          deviation.product(),
          deviation.batchNumbers(),
          deviation.category(),
          deviation.occurredAt() == null ? null : deviation.occurredAt().toString());
    }
  }

  /** Only what is given: an absent field leaves the QMS's value as it is. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DeviationUpdate(String classification, String status) {}

  record DeviationClosure(String closureSummary) {}

  record CapaActions(List<CapaAction> actions) {}

  record CapaClosure(String effectivenessCheck) {}
}
