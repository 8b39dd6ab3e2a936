package io.gxpflow.deviation;

import static io.gxpflow.deviation.DeviationVariables.*;

import io.gxpflow.compliance.EngineContext;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.variables.ProcessVariable;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${deviationDueDates}}, when the due-date decision ({@code dueDays}, from
 * bpmn/deviation-risk.dmn) has been evaluated for the approved severity: fixes {@code
 * investigationDueDate} and {@code closureDueDate} counted from {@code reportedAt}, and {@code
 * effectivenessCheckDays}. From here on the dates are locked; only an approved extension ({@link
 * DueDateExtension}) moves them. Every setting of a due date is audited.
 */
@Component("deviationDueDates")
public class DueDates implements ExecutionListener {

  private final AuditTrail auditTrail;

  public DueDates(AuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Map<String, Object> days = DUE_DAYS.from(execution);
    Date reportedAt = REPORTED_AT.from(execution);
    set(
        execution,
        INVESTIGATION_DUE_DATE,
        plusDays(reportedAt, days.get("investigationDueDays")),
        "set by severity");
    set(
        execution,
        CLOSURE_DUE_DATE,
        plusDays(reportedAt, days.get("closureDueDays")),
        "set by severity");
    EFFECTIVENESS_CHECK_DAYS.set(
        execution, ((Number) days.get("effectivenessCheckDays")).intValue());
  }

  /** Sets one due date and records the change (old and new value, reason) in the audit trail. */
  void set(DelegateExecution execution, ProcessVariable<Date> dueDate, Date value, String reason) {
    Date before = dueDate.from(execution);
    dueDate.set(execution, value);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("dueDate", dueDate.name());
    details.put("oldValue", before == null ? null : before.toInstant().toString());
    details.put("newValue", value.toInstant().toString());
    details.put("severity", SEVERITY.from(execution));
    details.put("reason", reason);
    auditTrail.record(
        EngineContext.currentExecutionEvent(AuditEventTypes.DUE_DATE_CHANGED, details));
  }

  private static Date plusDays(Date start, Object days) {
    return Date.from(start.toInstant().plus(Duration.ofDays(((Number) days).longValue())));
  }
}
