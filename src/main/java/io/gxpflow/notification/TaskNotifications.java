package io.gxpflow.notification;

import io.gxpflow.compliance.EngineContext;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * On every user task of every model (put there by {@link NotificationEnginePlugin}): queues an
 * {@code ASSIGNED} notification when someone else makes a user the assignee (a claim for oneself
 * needs none), and a {@code RETURNED} one when a step is created again in a case where it was
 * completed before (sent back for rework), to the assignee or else to whoever completed it last.
 * Written in the engine's transaction: no notification for a change that rolled back, none lost for
 * one that committed. The sender is woken after the commit.
 */
public class TaskNotifications implements TaskListener {

  /** Inside a multi-instance body (one task per CAPA action, say) a repeated step is no return. */
  static final String LOOP_COUNTER = "loopCounter";

  private final NotificationOutbox outbox;
  private final Runnable afterCommit;

  public TaskNotifications(NotificationOutbox outbox, Runnable afterCommit) {
    this.outbox = outbox;
    this.afterCommit = afterCommit;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getEventName() == null) {
      return; // the compliance listener refuses this completion race
    }
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> created(task);
      case EVENTNAME_ASSIGNMENT -> assigned(task);
      default -> {}
    }
  }

  private void created(DelegateTask task) {
    String returnedTo = returnedTo(task);
    if (returnedTo != null) {
      tell(NotificationKind.RETURNED, task, returnedTo);
    } else if (task.getAssignee() != null) {
      tell(NotificationKind.ASSIGNED, task, task.getAssignee());
    }
  }

  private void assigned(DelegateTask task) {
    if (task.getAssignee() != null) {
      tell(NotificationKind.ASSIGNED, task, task.getAssignee());
    }
  }

  private void tell(NotificationKind kind, DelegateTask task, String recipient) {
    if (recipient.equals(EngineContext.actor()) || !firstInTransaction(task.getId(), recipient)) {
      return; // one's own claim; or a task created with an assignee already told at creation
    }
    DelegateExecution execution = task.getExecution();
    outbox.add(
        new TaskNotice(
            kind,
            recipient,
            task.getId(),
            task.getName(),
            execution == null ? null : execution.getProcessBusinessKey(),
            task.getProcessInstanceId(),
            task.getDueDate()),
        EngineContext.now());
  }

  /**
   * Who gets a step back: null unless the step was completed before in this case. Read from
   * Camunda's history without the actor's authorizations (QA returning an assessment may not read
   * the assessor's history).
   */
  private static String returnedTo(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    if (execution == null
        || task.getTaskDefinitionKey() == null
        || execution.getVariable(LOOP_COUNTER) != null) {
      return null;
    }
    CommandContext commandContext = Context.getCommandContext();
    HistoryService history = commandContext.getProcessEngineConfiguration().getHistoryService();
    return commandContext.runWithoutAuthorization(
        () -> {
          List<HistoricTaskInstance> done =
              history
                  .createHistoricTaskInstanceQuery()
                  .processInstanceId(task.getProcessInstanceId())
                  .taskDefinitionKey(task.getTaskDefinitionKey())
                  .finished()
                  .list();
          HistoricTaskInstance last =
              done.stream()
                  .filter(previous -> !previous.getId().equals(task.getId()))
                  .filter(previous -> "completed".equals(previous.getDeleteReason()))
                  .max(Comparator.comparing(HistoricTaskInstance::getEndTime))
                  .orElse(null);
          if (last == null) {
            return null;
          }
          if (task.getAssignee() != null) {
            return task.getAssignee();
          }
          return history
              .createUserOperationLogQuery()
              .taskId(last.getId())
              .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
              .list()
              .stream()
              .map(UserOperationLogEntry::getUserId)
              .filter(user -> user != null)
              .findFirst()
              .orElse(last.getAssignee());
        });
  }

  /**
   * Once per task and user in one transaction: a task created with an assignee fires both create
   * and assignment. Remembered until the transaction ends; the sender is woken after its commit.
   */
  private boolean firstInTransaction(String taskId, String recipient) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return true;
    }
    @SuppressWarnings("unchecked")
    Set<String> told = (Set<String>) TransactionSynchronizationManager.getResource(this);
    if (told == null) {
      told = new HashSet<>();
      TransactionSynchronizationManager.bindResource(this, told);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              afterCommit.run();
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(TaskNotifications.this);
            }
          });
    }
    return told.add(taskId + "\n" + recipient);
  }
}
