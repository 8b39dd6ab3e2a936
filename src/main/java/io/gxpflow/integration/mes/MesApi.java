package io.gxpflow.integration.mes;

import io.gxpflow.integration.contract.SystemHeaders;
import io.gxpflow.integration.mes.MesPort.BatchRecordSummary;
import io.gxpflow.integration.mes.MesPort.BatchStatusChange;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PutExchange;

/** The MES API of docs/integration/mes.md, as {@link HttpMesClient} calls it. */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
interface MesApi {

  @GetExchange("/batches/{batchNumber}/record")
  BatchRecordSummary batchRecord(@PathVariable String batchNumber);

  @PutExchange(
      url = "/batches/{batchNumber}/status",
      contentType = MediaType.APPLICATION_JSON_VALUE)
  BatchStatusChange setStatus(
      @PathVariable String batchNumber,
      @RequestHeader(SystemHeaders.IDEMPOTENCY_KEY) String idempotencyKey,
      @RequestBody StatusRequest request);

  record StatusRequest(String status, String reason) {}
}
