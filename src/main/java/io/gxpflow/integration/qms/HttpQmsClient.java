package io.gxpflow.integration.qms;

import io.gxpflow.integration.ExternalSystem;
import io.gxpflow.integration.SystemCalls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** {@link QmsPort} over HTTP/JSON (docs/integration/qms.md). */
@Component
public class HttpQmsClient implements QmsPort {

  static final String CREATE_DEVIATION = "create-deviation";
  static final String UPDATE_DEVIATION = "update-deviation";
  static final String CLOSE_DEVIATION = "close-deviation";
  static final String CREATE_CAPA = "create-capa";
  static final String UPDATE_CAPA = "update-capa";
  static final String CLOSE_CAPA = "close-capa";
  static final String BATCH_QUALITY_EVENTS = "batch-quality-events";
  static final String QC_RESULTS = "qc-results";

  private final SystemCalls calls;

  public HttpQmsClient(SystemCalls calls) {
    this.calls = calls;
  }

  @Override
  public String createDeviation(NewDeviation deviation, String idempotencyKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", deviation.title());
    body.put("description", deviation.description());
    body.put("site", deviation.site());
    body.put("product", deviation.product());
    body.put("batchNumbers", deviation.batchNumbers());
    body.put("category", deviation.category());
    // a string, not left to the converter's date settings: the API wants ISO-8601 with Z
    body.put("occurredAt", deviation.occurredAt() == null ? null : deviation.occurredAt().toString());
    return write(CREATE_DEVIATION, HttpMethod.POST, idempotencyKey, body, Deviation.class, "/deviations").id();
  }

  @Override
  public Deviation updateDeviation(String deviationId, Classification classification, DeviationStatus status,
      String idempotencyKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (classification != null) {
      body.put("classification", classification.name());
    }
    if (status != null) {
      body.put("status", status.name());
    }
    return write(UPDATE_DEVIATION, HttpMethod.PATCH, idempotencyKey, body, Deviation.class,
        "/deviations/{id}", deviationId);
  }

  @Override
  public Deviation closeDeviation(String deviationId, String closureSummary, String idempotencyKey) {
    return write(CLOSE_DEVIATION, HttpMethod.POST, idempotencyKey,
        Map.of("closureSummary", closureSummary == null ? "" : closureSummary), Deviation.class,
        "/deviations/{id}/close", deviationId);
  }

  @Override
  public String createCapa(String deviationId, NewCapa capa, String idempotencyKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", capa.title());
    body.put("description", capa.description());
    body.put("owner", capa.owner());
    return write(CREATE_CAPA, HttpMethod.POST, idempotencyKey, body, Capa.class,
        "/deviations/{id}/capas", deviationId).id();
  }

  @Override
  public Capa updateCapa(String capaId, List<CapaAction> actions, String idempotencyKey) {
    return write(UPDATE_CAPA, HttpMethod.PATCH, idempotencyKey, Map.of("actions", actions), Capa.class,
        "/capas/{id}", capaId);
  }

  @Override
  public Capa closeCapa(String capaId, String effectivenessCheck, String idempotencyKey) {
    return write(CLOSE_CAPA, HttpMethod.POST, idempotencyKey,
        Map.of("effectivenessCheck", effectivenessCheck == null ? "" : effectivenessCheck), Capa.class,
        "/capas/{id}/close", capaId);
  }

  @Override
  public BatchQualityEvents batchQualityEvents(String batchNumber) {
    return calls.call(ExternalSystem.QMS, BATCH_QUALITY_EVENTS, null, qms -> qms.get()
        .uri("/batches/{batchNumber}/quality-events", batchNumber)
        .accept(MediaType.APPLICATION_JSON)
        .retrieve()
        .body(BatchQualityEvents.class));
  }

  @Override
  public QcResults qcResults(String batchNumber) {
    return calls.call(ExternalSystem.QMS, QC_RESULTS, null, qms -> qms.get()
        .uri("/batches/{batchNumber}/qc-results", batchNumber)
        .accept(MediaType.APPLICATION_JSON)
        .retrieve()
        .body(QcResults.class));
  }

  private <T> T write(String operation, HttpMethod method, String idempotencyKey, Object body, Class<T> answer,
      String uri, Object... uriVariables) {
    return calls.call(ExternalSystem.QMS, operation, idempotencyKey, qms -> qms.method(method)
        .uri(uri, uriVariables)
        .header(SystemCalls.IDEMPOTENCY_KEY_HEADER, idempotencyKey)
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .body(answer));
  }
}
