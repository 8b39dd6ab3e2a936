package io.gxpflow.deviation;

import static io.gxpflow.deviation.DeviationVariables.*;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * {@code ${deviationExtendDueDates}}, after QA approved an extension: the closure due date becomes
 * the end of {@code requestedDueDate} (UTC) and the investigation due date moves by the same
 * amount, so the gap between them stays. The investigation's escalation timer, if still waiting, is
 * moved with it. CAPA actions keep their own due dates (the plan sets them). Both changes are
 * audited with the requester's reason.
 */
@Component("deviationExtendDueDates")
public class DueDateExtension implements JavaDelegate {

  static final String INVESTIGATION_TIMER = "Timer_InvestigationOverdue";

  private final DueDates dueDates;

  public DueDateExtension(DueDates dueDates) {
    this.dueDates = dueDates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date closure = CLOSURE_DUE_DATE.from(execution);
    Date investigation = INVESTIGATION_DUE_DATE.from(execution);
    Date newClosure = endOf(REQUESTED_DUE_DATE.from(execution));
    Date newInvestigation =
        Date.from(
            investigation
                .toInstant()
                .plus(Duration.between(closure.toInstant(), newClosure.toInstant())));
    String reason =
        "extension requested by "
            + EXTENSION_REQUESTED_BY.from(execution)
            + ": "
            + EXTENSION_REASON.from(execution);
    dueDates.set(execution, CLOSURE_DUE_DATE, newClosure, reason);
    dueDates.set(execution, INVESTIGATION_DUE_DATE, newInvestigation, reason);

    ManagementService management = execution.getProcessEngineServices().getManagementService();
    for (Job timer :
        management
            .createJobQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .activityId(INVESTIGATION_TIMER)
            .timers()
            .list()) {
      management.setJobDuedate(timer.getId(), newInvestigation);
    }
  }

  /**
   * The first instant after the given ISO day, in UTC: due on 2026-12-31 means overdue from
   * 2027-01-01T00:00Z.
   */
  static Date endOf(String isoDate) {
    return Date.from(LocalDate.parse(isoDate).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
