package io.gxpflow.deviation;

import static io.gxpflow.deviation.DeviationVariables.*;

import io.gxpflow.compliance.RunAsSystem;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * {@code ${deviationExtendDueDates}}, after QA approved an extension: the closure due date becomes
 * the end of {@code requestedDueDate} (UTC) and the investigation due date moves by the same
 * amount, so the gap between them stays. The investigation's escalation timer, if still waiting, is
 * moved with it, and so is the due date Tasklist shows on the open investigation and closure tasks.
 * CAPA actions keep their own due dates (the plan sets them). Both changes are audited with the
 * requester's reason. An extension never shortens: when a later closure due date was approved
 * meanwhile (two requests decided in the other order), approving the earlier one changes nothing.
 */
@Component("deviationExtendDueDates")
public class DueDateExtension implements JavaDelegate {

  static final String INVESTIGATION_TIMER = "Timer_InvestigationOverdue";

  /** The open user tasks whose due date is a case deadline an extension moves. */
  static final Map<String, String> TASK_DEADLINES =
      Map.of(
          "Task_Investigation", INVESTIGATION_DUE_DATE.name(),
          "Task_ClosureApproval", CLOSURE_DUE_DATE.name());

  private final DueDates dueDates;
  private final RunAsSystem asSystem;

  public DueDateExtension(DueDates dueDates, RunAsSystem asSystem) {
    this.dueDates = dueDates;
    this.asSystem = asSystem;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date closure = CLOSURE_DUE_DATE.from(execution);
    Date investigation = INVESTIGATION_DUE_DATE.from(execution);
    Date newClosure = endOf(REQUESTED_DUE_DATE.from(execution));
    if (!newClosure.after(closure)) {
      return;
    }
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
    moveTaskDueDates(execution);
  }

  /**
   * As the system: the QA member who approved may not update the investigators' tasks, and the
   * right to move the deadline was QA's decision.
   */
  private void moveTaskDueDates(DelegateExecution execution) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    asSystem.call(
        () -> {
          for (Task task :
              tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
            String deadline = TASK_DEADLINES.get(task.getTaskDefinitionKey());
            if (deadline != null) {
              task.setDueDate((Date) execution.getVariable(deadline));
              tasks.saveTask(task);
            }
          }
          return null;
        });
  }

  /**
   * The first instant after the given ISO day, in UTC: due on 2026-12-31 means overdue from
   * 2027-01-01T00:00Z.
   */
  static Date endOf(String isoDate) {
    return Date.from(LocalDate.parse(isoDate).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
