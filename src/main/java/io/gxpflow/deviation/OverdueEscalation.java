package io.gxpflow.deviation;

import static io.gxpflow.deviation.DeviationVariables.*;

import io.gxpflow.compliance.EngineContext;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${deviationOverdue}}, when an escalation timer fires (investigation or CAPA action
 * overdue): records the missed deadline in the audit trail before QA gets the escalation task.
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
    details.put("severity", SEVERITY.from(execution));
    Map<String, Object> action = CAPA_ACTION.from(execution);
    if (action != null) {
      details.put("capaAction", action.get("number"));
      details.put("owner", action.get("owner"));
      details.put("dueDate", action.get("dueDate"));
    } else if (INVESTIGATION_DUE_DATE.from(execution) != null) {
      details.put("dueDate", INVESTIGATION_DUE_DATE.from(execution).toInstant().toString());
    }
    auditTrail.record(
        EngineContext.currentExecutionEvent(AuditEventTypes.DEADLINE_MISSED, details));
  }
}
