package io.gxpflow.integration.qms;

import io.gxpflow.integration.ExternalSystem;
import io.gxpflow.integration.SystemApi;
import io.gxpflow.integration.SystemCalls;
import io.gxpflow.integration.contract.QmsOperations;
import io.gxpflow.integration.qms.QmsApi.CapaActions;
import io.gxpflow.integration.qms.QmsApi.CapaClosure;
import io.gxpflow.integration.qms.QmsApi.DeviationClosure;
import io.gxpflow.integration.qms.QmsApi.DeviationRequest;
import io.gxpflow.integration.qms.QmsApi.DeviationUpdate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@link QmsPort} over HTTP/JSON (docs/integration/qms.md): {@link QmsApi} through {@link
 * SystemCalls}.
 */
@Component
public class HttpQmsClient implements QmsPort {

  private final SystemApi<QmsApi> qms;

  public HttpQmsClient(SystemCalls calls) {
    this.qms = calls.api(ExternalSystem.QMS, QmsApi.class);
  }

  @Override
  public String createDeviation(NewDeviation deviation, String idempotencyKey) {
    DeviationRequest request = DeviationRequest.of(deviation);
    return qms.write(
            QmsOperations.CREATE_DEVIATION,
            idempotencyKey,
            api -> api.createDeviation(idempotencyKey, request))
        .id();
  }

  @Override
  public Deviation updateDeviation(
      String deviationId,
      Classification classification,
      DeviationStatus status,
      String idempotencyKey) {
    DeviationUpdate request =
        new DeviationUpdate(
            classification == null ? null : classification.name(),
            status == null ? null : status.name());
    return qms.write(
        QmsOperations.UPDATE_DEVIATION,
        idempotencyKey,
        api -> api.updateDeviation(deviationId, idempotencyKey, request));
  }

  @Override
  public Deviation closeDeviation(
      String deviationId, String closureSummary, String idempotencyKey) {
    DeviationClosure request = new DeviationClosure(closureSummary == null ? "" : closureSummary);
    return qms.write(
        QmsOperations.CLOSE_DEVIATION,
        idempotencyKey,
        api -> api.closeDeviation(deviationId, idempotencyKey, request));
  }

  @Override
  public String createCapa(String deviationId, NewCapa capa, String idempotencyKey) {
    return qms.write(
            QmsOperations.CREATE_CAPA,
            idempotencyKey,
            api -> api.createCapa(deviationId, idempotencyKey, capa))
        .id();
  }

  @Override
  public Capa updateCapa(String capaId, List<CapaAction> actions, String idempotencyKey) {
    return qms.write(
        QmsOperations.UPDATE_CAPA,
        idempotencyKey,
        api -> api.updateCapa(capaId, idempotencyKey, new CapaActions(actions)));
  }

  @Override
  public Capa closeCapa(String capaId, String effectivenessCheck, String idempotencyKey) {
    CapaClosure request = new CapaClosure(effectivenessCheck == null ? "" : effectivenessCheck);
    return qms.write(
        QmsOperations.CLOSE_CAPA,
        idempotencyKey,
        api -> api.closeCapa(capaId, idempotencyKey, request));
  }

  @Override
  public BatchQualityEvents batchQualityEvents(String batchNumber) {
    return qms.read(QmsOperations.BATCH_QUALITY_EVENTS, api -> api.batchQualityEvents(batchNumber));
  }

  @Override
  public QcResults qcResults(String batchNumber) {
    return qms.read(QmsOperations.QC_RESULTS, api -> api.qcResults(batchNumber));
  }
}
