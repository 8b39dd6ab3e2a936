package io.gxpflow.integration.mes;

import io.gxpflow.integration.ExternalSystem;
import io.gxpflow.integration.SystemApi;
import io.gxpflow.integration.SystemCalls;
import io.gxpflow.integration.contract.MesOperations;
import io.gxpflow.integration.mes.MesApi.StatusRequest;
import org.springframework.stereotype.Component;

/**
 * {@link MesPort} over HTTP/JSON (docs/integration/mes.md): {@link MesApi} through {@link
 * SystemCalls}.
 */
@Component
public class HttpMesClient implements MesPort {

  private final SystemApi<MesApi> mes;

  public HttpMesClient(SystemCalls calls) {
    this.mes = calls.api(ExternalSystem.MES, MesApi.class);
  }

  @Override
  public BatchRecordSummary batchRecord(String batchNumber) {
    return mes.read(MesOperations.BATCH_RECORD, api -> api.batchRecord(batchNumber));
  }

  @Override
  public BatchStatusChange setBatchStatus(
      String batchNumber, BatchStatus status, String reason, String idempotencyKey) {
    StatusRequest request = new StatusRequest(status.name(), reason == null ? "" : reason);
    return mes.write(
        MesOperations.SET_STATUS,
        idempotencyKey,
        api -> api.setStatus(batchNumber, idempotencyKey, request));
  }
}
