package io.gxpflow.deviation;

import io.gxpflow.compliance.EngineContext;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${deviationOverdue}}, when an escalation timer fires (investigation or CAPA action overdue): records the
 * missed deadline in the audit trail before QA gets the escalation task.
 */
@Component("deviationOverdue")
public class OverdueEscalation implements ExecutionListener {

  private final AuditTrail auditTrail;

  public OverdueEscalation(AuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("timer", execution.getCurrentActivityId());
    details.put("severity", execution.getVariable("severity"));
    if (execution.getVariable("capaAction") instanceof Map<?, ?> action) {
      details.put("capaAction", action.get("number"));
      details.put("owner", action.get("owner"));
      details.put("dueDate", action.get("dueDate"));
    } else if (execution.getVariable(DueDates.INVESTIGATION) instanceof Date due) {
      details.put("dueDate", due.toInstant().toString());
    }
    auditTrail.record(EngineContext.currentExecutionEvent(AuditEventTypes.DEADLINE_MISSED, details));
  }
}
