package io.gxpflow.integration.mes;

import io.gxpflow.integration.ExternalSystem;
import io.gxpflow.integration.SystemCalls;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** {@link MesPort} over HTTP/JSON (docs/integration/mes.md). */
@Component
public class HttpMesClient implements MesPort {

  static final String BATCH_RECORD = "batch-record";
  static final String SET_STATUS = "set-status";

  private final SystemCalls calls;

  public HttpMesClient(SystemCalls calls) {
    this.calls = calls;
  }

  @Override
  public BatchRecordSummary batchRecord(String batchNumber) {
    return calls.call(ExternalSystem.MES, BATCH_RECORD, null, mes -> mes.get()
        .uri("/batches/{batchNumber}/record", batchNumber)
        .accept(MediaType.APPLICATION_JSON)
        .retrieve()
        .body(BatchRecordSummary.class));
  }

  @Override
  public BatchStatusChange setBatchStatus(String batchNumber, BatchStatus status, String reason,
      String idempotencyKey) {
    return calls.call(ExternalSystem.MES, SET_STATUS, idempotencyKey, mes -> mes.put()
        .uri("/batches/{batchNumber}/status", batchNumber)
        .header(SystemCalls.IDEMPOTENCY_KEY_HEADER, idempotencyKey)
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON)
        .body(Map.of("status", status.name(), "reason", reason == null ? "" : reason))
        .retrieve()
        .body(BatchStatusChange.class));
  }
}
