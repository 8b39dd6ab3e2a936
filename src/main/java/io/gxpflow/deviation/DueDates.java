package io.gxpflow.deviation;

import io.gxpflow.compliance.EngineContext;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${deviationDueDates}}, when the due-date decision ({@code dueDays}, from bpmn/deviation-risk.dmn) has been
 * evaluated for the approved severity: fixes {@code investigationDueDate} and {@code closureDueDate} counted from
 * {@code reportedAt}, and {@code effectivenessCheckDays}. From here on the dates are locked; only an approved
 * extension ({@link DueDateExtension}) moves them. Every setting of a due date is audited.
 */
@Component("deviationDueDates")
public class DueDates implements ExecutionListener {

  static final String INVESTIGATION = "investigationDueDate";
  static final String CLOSURE = "closureDueDate";

  private final AuditTrail auditTrail;

  public DueDates(AuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Map<?, ?> days = (Map<?, ?>) execution.getVariable("dueDays");
    Date reportedAt = (Date) execution.getVariable("reportedAt");
    set(execution, INVESTIGATION, plusDays(reportedAt, days.get("investigationDueDays")), "set by severity");
    set(execution, CLOSURE, plusDays(reportedAt, days.get("closureDueDays")), "set by severity");
    execution.setVariable("effectivenessCheckDays", ((Number) days.get("effectivenessCheckDays")).intValue());
  }

  /** Sets one due date and records the change (old and new value, reason) in the audit trail. */
  void set(DelegateExecution execution, String dueDate, Date value, String reason) {
    Object before = execution.getVariable(dueDate);
    execution.setVariable(dueDate, value);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("dueDate", dueDate);
    details.put("oldValue", before instanceof Date date ? date.toInstant().toString() : null);
    details.put("newValue", value.toInstant().toString());
    details.put("severity", execution.getVariable("severity"));
    details.put("reason", reason);
    auditTrail.record(EngineContext.currentExecutionEvent(AuditEventTypes.DUE_DATE_CHANGED, details));
  }

  private static Date plusDays(Date start, Object days) {
    return Date.from(start.toInstant().plus(Duration.ofDays(((Number) days).longValue())));
  }
}
