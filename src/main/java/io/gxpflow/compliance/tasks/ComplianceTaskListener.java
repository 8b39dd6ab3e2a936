package io.gxpflow.compliance.tasks;

import io.gxpflow.compliance.ComplianceRefusal;
import io.gxpflow.compliance.EngineContext;
import io.gxpflow.compliance.ProblemType;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.sod.SegregationOfDuties;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.IdentityLink;

/**
 * Attached to every user task of every model (see {@link UserTaskListenerParseListener}): audits
 * creation, claim/assignment, hand-back and completion in the engine's own transaction, enforces
 * segregation of duties at assignment and completion, forwards a task assigned to someone out of
 * office to their {@link Deputy}, and refuses completions that did not pass {@link
 * GuardedCompletion}.
 */
public class ComplianceTaskListener implements TaskListener {

  static final ProblemType UNGUARDED_RULE = ProblemType.GUARDED_COMPLETION;

  private final AuditTrail auditTrail;
  private final SegregationOfDuties segregation;

  public ComplianceTaskListener(AuditTrail auditTrail, SegregationOfDuties segregation) {
    this.auditTrail = auditTrail;
    this.segregation = segregation;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getEventName() == null) {
      // Camunda names the event only while the task still has its execution: none means another
      // transaction
      // completed this task (ending its execution) at the same moment. This one loses: 409, nothing
      // written.
      throw new OptimisticLockingException(
          "Task '" + task.getName() + "' was completed by someone else at the " + "same moment");
    }
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> created(task);
      case EVENTNAME_ASSIGNMENT -> assigned(task);
      case EVENTNAME_COMPLETE -> completed(task);
      default -> {}
    }
  }

  private void created(DelegateTask task) {
    Map<String, Object> details = taskDetails(task);
    details.put(
        "candidateGroups",
        task.getCandidates().stream()
            .map(IdentityLink::getGroupId)
            .filter(group -> group != null)
            .sorted()
            .toList());
    details.put("assignee", task.getAssignee());
    details.put("dueDate", task.getDueDate());
    auditTrail.record(EngineContext.taskEvent(AuditEventTypes.TASK_CREATED, task, details));
  }

  private void assigned(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      Map<String, Object> details = taskDetails(task);
      details.put("assignee", null);
      auditTrail.record(EngineContext.taskEvent(AuditEventTypes.TASK_UNCLAIMED, task, details));
      return;
    }
    boolean byThemselves = assignee.equals(EngineContext.actor());
    // normally already checked by GxpTaskService; this catches every other way to set an assignee
    segregation.enforce(task, assignee, byThemselves ? "claim" : "be assigned");
    Map<String, Object> details = taskDetails(task);
    details.put("assignee", assignee);
    String type = byThemselves ? AuditEventTypes.TASK_CLAIMED : AuditEventTypes.TASK_ASSIGNED;
    auditTrail.record(EngineContext.taskEvent(type, task, details));
    if (!byThemselves) {
      forwardToDeputy(task, assignee);
    }
  }

  /**
   * Someone else gave the task to a person who is out of office: it goes to their deputy, if the
   * deputy may hold it (a candidate of the task, not away too, no segregation-of-duties conflict in
   * this record); otherwise it stays and the trail says why. One hop only: a deputy who is away too
   * is no deputy.
   */
  private void forwardToDeputy(DelegateTask task, String assignee) {
    CommandContext commandContext = Context.getCommandContext();
    IdentityService identity = commandContext.getProcessEngineConfiguration().getIdentityService();
    Instant now = EngineContext.now().toInstant();
    Optional<Deputy> away =
        commandContext
            .runWithoutAuthorization(() -> Deputy.of(identity, assignee))
            .filter(deputy -> deputy.activeAt(now));
    if (away.isEmpty()) {
      return;
    }
    String deputy = away.get().deputy();
    Map<String, Object> details = taskDetails(task);
    details.put("assignee", assignee);
    details.put("deputy", deputy);
    details.put("until", away.get().until().toString());
    String notApplicable = null;
    if (commandContext
        .runWithoutAuthorization(() -> Deputy.of(identity, deputy))
        .filter(theirs -> theirs.activeAt(now))
        .isPresent()) {
      notApplicable = deputy + " is out of office too";
    } else if (!TaskCandidates.isCandidate(task, deputy)) {
      notApplicable =
          deputy + " is not a member of " + String.join(", ", TaskCandidates.groups(task));
    } else {
      Optional<String> conflict = segregation.conflict(task, deputy);
      if (conflict.isPresent()) {
        notApplicable =
            "segregation of duties: "
                + deputy
                + " performed step '"
                + conflict.get()
                + "' of the same record";
      }
    }
    if (notApplicable != null) {
      details.put("reason", notApplicable);
      auditTrail.record(
          EngineContext.taskEvent(AuditEventTypes.DEPUTY_NOT_APPLICABLE, task, details));
      return;
    }
    auditTrail.record(
        EngineContext.taskEvent(AuditEventTypes.TASK_FORWARDED_TO_DEPUTY, task, details));
    task.setAssignee(deputy);
  }

  private void completed(DelegateTask task) {
    CompletionGate.Submission submission = CompletionGate.current(task.getId());
    if (submission == null) {
      throw new ComplianceRefusal(
          UNGUARDED_RULE,
          "Task "
              + task.getId()
              + " may only be completed through the TaskService or FormService of GxP Flow");
    }
    segregation.enforce(task, EngineContext.completer(task), "complete");

    Map<String, Object> details = taskDetails(task);
    List<Map<String, Object>> changes =
        submission.submitted().entrySet().stream()
            .map(
                entry -> {
                  Map<String, Object> change = new LinkedHashMap<>();
                  change.put("variable", entry.getKey());
                  change.put("old", submission.previous().get(entry.getKey()));
                  change.put("new", entry.getValue());
                  return change;
                })
            .toList();
    details.put("changes", changes);
    if (submission.signatureId() != null) {
      details.put("signatureId", submission.signatureId());
    }
    auditTrail.record(EngineContext.taskEvent(AuditEventTypes.TASK_COMPLETED, task, details));
  }

  private static Map<String, Object> taskDetails(DelegateTask task) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("taskName", task.getName());
    details.put("taskDefinitionKey", task.getTaskDefinitionKey());
    return details;
  }
}
