package io.gxpflow.integration.mes;

import io.gxpflow.integration.IdempotencyKeys;
import io.gxpflow.integration.SystemCallDelegate;
import io.gxpflow.integration.mes.MesPort.BatchStatus;
import io.gxpflow.integration.mes.MesPort.BatchStatusChange;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code camunda:delegateExpression="${mesSetBatchStatus}"}: sets the MES status of {@code
 * batchNumber} to {@code targetBatchStatus} (ON_HOLD, RELEASED, REJECTED), with {@code
 * statusReason}. Writes back {@code mesBatchStatus}. A business rejection becomes a BPMN error
 * ({@code MES_BATCH_UNKNOWN}, …). A general delegate for any process that sets a batch's MES status
 * (batch-release, with its issue).
 */
@Component("mesSetBatchStatus")
public class SetBatchStatusDelegate implements SystemCallDelegate {

  private final MesPort mes;

  public SetBatchStatusDelegate(MesPort mes) {
    this.mes = mes;
  }

  @Override
  public void call(DelegateExecution execution) {
    String batchNumber = (String) execution.getVariable("batchNumber");
    BatchStatus status = BatchStatus.valueOf((String) execution.getVariable("targetBatchStatus"));
    BatchStatusChange change =
        mes.setBatchStatus(
            batchNumber,
            status,
            (String) execution.getVariable("statusReason"),
            IdempotencyKeys.of(execution));
    execution.setVariable("mesBatchStatus", change.status());
  }
}
