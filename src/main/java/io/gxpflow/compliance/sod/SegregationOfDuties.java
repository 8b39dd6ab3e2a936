package io.gxpflow.compliance.sod;

import io.gxpflow.compliance.EngineContext;
import io.gxpflow.compliance.IndependentAudit;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.tasks.UserTaskRules;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Segregation of duties as the model declares it: {@code sod.notSameAs=<taskDefinitionKey>[,…]} on
 * a user task means whoever claimed, held or completed a task with that key in the same process
 * instance may not perform this one; {@code initiator} names the person who started the instance
 * (the author). Enforced inside engine commands at claim, assignment and completion, whatever the
 * client; a violation is audited and refused.
 */
public class SegregationOfDuties {

  public static final String INITIATOR = "initiator";

  private final IndependentAudit independentAudit;

  public SegregationOfDuties(IndependentAudit independentAudit) {
    this.independentAudit = independentAudit;
  }

  /**
   * Must run inside an engine command.
   *
   * @throws SegregationOfDutiesViolation when {@code userId} already performed a conflicting step
   *     (audited)
   */
  public void enforce(DelegateTask task, String userId, String action) {
    Optional<String> conflict = conflict(task, userId);
    if (conflict.isEmpty()) {
      return;
    }
    String conflicting = conflict.get();
    String rule = UserTaskRules.SOD_NOT_SAME_AS + "=" + conflicting;
    SegregationOfDutiesViolation violation =
        new SegregationOfDutiesViolation(
            rule,
            userId
                + " may not "
                + action
                + " '"
                + task.getName()
                + "': segregation of duties ("
                + rule
                + "), "
                + userId
                + " "
                + (INITIATOR.equals(conflicting)
                    ? "started this process"
                    : "performed step '" + conflicting + "'")
                + " of the same record");
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("taskName", task.getName());
    details.put("taskDefinitionKey", task.getTaskDefinitionKey());
    details.put("rule", rule);
    details.put("user", userId);
    details.put("action", action);
    details.put("message", violation.getMessage());
    independentAudit.record(EngineContext.taskEvent(AuditEventTypes.SOD_VIOLATION, task, details));
    throw violation;
  }

  /**
   * The step of {@code sod.notSameAs} that {@code userId} performed in the task's record, if any;
   * nothing is audited (a deputy who may not take a task keeps out of it instead of being refused).
   * Must run inside an engine command.
   */
  public Optional<String> conflict(DelegateTask task, String userId) {
    if (userId == null || task.getProcessInstanceId() == null) {
      return Optional.empty();
    }
    return firstConflict(
        UserTaskRules.of(task).notSameAs(),
        userId,
        step -> performers(task.getProcessInstanceId(), step));
  }

  /**
   * The rule itself, without the engine: the first step of {@code notSameAs} that {@code userId}
   * performed, given who performed each step.
   */
  static Optional<String> firstConflict(
      List<String> notSameAs, String userId, Function<String, Set<String>> performersOf) {
    return notSameAs.stream().filter(step -> performersOf.apply(step).contains(userId)).findFirst();
  }

  /**
   * Everyone who started the instance ({@code initiator}) or claimed, held or completed a task with
   * that key.
   */
  static Set<String> performers(String processInstanceId, String conflicting) {
    CommandContext commandContext = Context.getCommandContext();
    HistoryService history = commandContext.getProcessEngineConfiguration().getHistoryService();
    return commandContext.runWithoutAuthorization(
        () -> {
          Set<String> users = new LinkedHashSet<>();
          if (INITIATOR.equals(conflicting)) {
            HistoricProcessInstance instance =
                history
                    .createHistoricProcessInstanceQuery()
                    .processInstanceId(processInstanceId)
                    .singleResult();
            if (instance != null && instance.getStartUserId() != null) {
              users.add(instance.getStartUserId());
            }
            return users;
          }
          List<HistoricTaskInstance> tasks =
              history
                  .createHistoricTaskInstanceQuery()
                  .processInstanceId(processInstanceId)
                  .taskDefinitionKey(conflicting)
                  .list();
          for (HistoricTaskInstance task : tasks) {
            if (task.getAssignee() != null) {
              users.add(task.getAssignee());
            }
            history.createUserOperationLogQuery().taskId(task.getId()).list().stream()
                .filter(entry -> isWork(entry.getOperationType()))
                .map(UserOperationLogEntry::getUserId)
                .filter(user -> user != null)
                .forEach(users::add);
          }
          return users;
        });
  }

  private static boolean isWork(String operationType) {
    // the operator of a claim or completion did the work; who assigned someone else did not (the
    // assignee did)
    return UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(operationType)
        || UserOperationLogEntry.OPERATION_TYPE_CLAIM.equals(operationType);
  }
}
