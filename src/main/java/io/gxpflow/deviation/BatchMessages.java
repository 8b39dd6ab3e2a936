package io.gxpflow.deviation;

import static io.gxpflow.deviation.DeviationVariables.*;

import io.gxpflow.compliance.EngineContext;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.integration.IdempotencyKeys;
import io.gxpflow.integration.SystemCallDelegate;
import io.gxpflow.integration.mes.MesPort;
import io.gxpflow.integration.mes.MesPort.BatchStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a deviation tells the batches it affects ({@code batchNumber}, one per multi-instance loop),
 * as the contract names the messages: {@code BatchHoldRequested} when the assessment finds batch
 * impact and {@code DeviationClosed} on closure or cancellation, each correlated by batch number to
 * a running {@code batch-release}. With no release running, a hold goes to the MES ({@code
 * ON_HOLD}); lifting it is then the batch release's disposition, not the deviation's. Every message
 * and its receivers are audited.
 */
@Configuration(proxyBeanMethods = false)
public class BatchMessages {

  public static final String BATCH_HOLD_REQUESTED = "BatchHoldRequested";
  public static final String DEVIATION_CLOSED = "DeviationClosed";

  /** {@code ${deviationHoldBatch}}. */
  @Bean
  public SystemCallDelegate deviationHoldBatch(MesPort mes, AuditTrail auditTrail) {
    return execution -> {
      String batchNumber = BATCH_NUMBER.from(execution);
      int received = correlate(execution, BATCH_HOLD_REQUESTED, batchNumber);
      if (received == 0) {
        mes.setBatchStatus(
            batchNumber,
            BatchStatus.ON_HOLD,
            "Deviation " + DEVIATION_ID.from(execution) + ": batch impact",
            IdempotencyKeys.of(execution));
      }
      audit(
          auditTrail,
          BATCH_HOLD_REQUESTED,
          batchNumber,
          received,
          received == 0 ? "MES ON_HOLD" : null);
    };
  }

  /** {@code ${deviationNotifyBatchRelease}}. */
  @Bean
  public JavaDelegate deviationNotifyBatchRelease(AuditTrail auditTrail) {
    return execution -> {
      String batchNumber = BATCH_NUMBER.from(execution);
      int received = correlate(execution, DEVIATION_CLOSED, batchNumber);
      audit(auditTrail, DEVIATION_CLOSED, batchNumber, received, null);
    };
  }

  private static int correlate(DelegateExecution execution, String message, String batchNumber) {
    return execution
        .getProcessEngineServices()
        .getRuntimeService()
        .createMessageCorrelation(message)
        .processInstanceBusinessKey(batchNumber)
        .setVariable(DEVIATION_ID.name(), DEVIATION_ID.from(execution))
        .correlateAllWithResult()
        .size();
  }

  private static void audit(
      AuditTrail auditTrail, String message, String batchNumber, int received, String fallback) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("message", message);
    details.put("batchNumber", batchNumber);
    details.put("receivedBy", received);
    details.put("fallback", fallback);
    auditTrail.record(
        EngineContext.currentExecutionEvent(AuditEventTypes.BATCH_MESSAGE_SENT, details));
  }
}
