package io.gxpflow.batchrelease;

import static io.gxpflow.batchrelease.BatchReleaseVariables.*;

import io.gxpflow.compliance.EngineContext;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${batchReleaseOverdue}}, when the release target date passes without a decision: the
 * missed target in the audit trail, with whether the batch is on hold, before QA gets the
 * escalation task.
 */
@Component("batchReleaseOverdue")
public class ReleaseOverdue implements ExecutionListener {

  private final AuditTrail auditTrail;

  public ReleaseOverdue(AuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("timer", execution.getCurrentActivityId());
    details.put("batchNumber", BATCH_NUMBER.from(execution));
    details.put("dueDate", RELEASE_TARGET_DATE.from(execution).toInstant().toString());
    details.put("reviewDepth", REVIEW_DEPTH.from(execution));
    details.put("onHold", ON_HOLD.isTrue(execution));
    details.put("openDeviations", OPEN_DEVIATIONS.from(execution));
    auditTrail.record(
        EngineContext.currentExecutionEvent(AuditEventTypes.DEADLINE_MISSED, details));
  }
}
