package io.gxpflow.compliance.tasks;

import io.gxpflow.compliance.ComplianceRefusal;
import io.gxpflow.compliance.InvalidTaskInput;
import io.gxpflow.compliance.ProblemType;
import io.gxpflow.compliance.sod.SegregationOfDuties;
import io.gxpflow.compliance.validation.FieldViolation;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's TaskService with the compliance checks in front of every way to complete a task or
 * set its variables. Installed into the engine by {@code ComplianceEnginePlugin}, so {@code
 * /engine-rest}, Tasklist and Java callers all go through it.
 */
public class GxpTaskService extends TaskServiceImpl implements SignedCompletion {

  private final TaskInputCheck inputCheck;
  private final SegregationOfDuties segregation;

  public GxpTaskService(TaskInputCheck inputCheck, SegregationOfDuties segregation) {
    this.inputCheck = inputCheck;
    this.segregation = segregation;
  }

  static final ProblemType CLAIM_FOR_SELF_RULE = ProblemType.CLAIM_FOR_SELF;

  /**
   * A claim is only ever for oneself: claiming for someone else is an assignment and needs
   * assignment rights (TASK_ASSIGN or UPDATE), checked before anything else, so {@code claim
   * {"userId": "paul"}} by ivan is refused.
   */
  @Override
  public void claim(String taskId, String userId) {
    Command<Void> claim =
        guardedAssignment(taskId, userId, "claim", new ClaimTaskCmd(taskId, userId));
    commandExecutor.execute(
        commandContext -> {
          String actor = commandContext.getAuthenticatedUserId();
          TaskEntity task =
              taskId == null ? null : commandContext.getTaskManager().findTaskById(taskId);
          if (task != null && actor != null && userId != null && !userId.equals(actor)) {
            requireAssignRight(commandContext, task, actor, userId);
          }
          return claim.execute(commandContext);
        });
  }

  private static void requireAssignRight(
      CommandContext commandContext, TaskEntity task, String actor, String userId) {
    try {
      for (CommandChecker checker :
          commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkTaskAssign(task);
      }
    } catch (AuthorizationException noAssignRight) {
      throw new ComplianceRefusal(
          CLAIM_FOR_SELF_RULE,
          actor
              + " may claim task '"
              + task.getName()
              + "' only for "
              + actor
              + ", not for "
              + userId
              + ": giving a task to someone else is an assignment");
    }
  }

  @Override
  public void setAssignee(String taskId, String userId) {
    commandExecutor.execute(
        guardedAssignment(taskId, userId, "be assigned", new AssignTaskCmd(taskId, userId)));
  }

  @Override
  public void delegateTask(String taskId, String userId) {
    commandExecutor.execute(
        guardedAssignment(taskId, userId, "be delegated", new DelegateTaskCmd(taskId, userId)));
  }

  @Override
  public void saveTask(Task task) {
    String taskId = task.getId();
    commandExecutor.execute(
        guardedAssignment(taskId, task.getAssignee(), "be assigned", new SaveTaskCmd(task)));
  }

  /**
   * Checks segregation of duties for the person who would hold the task, in the same command as the
   * change, so a refusal reaches every client unwrapped (the listener's check is the safety net for
   * other paths).
   */
  private Command<Void> guardedAssignment(
      String taskId, String userId, String action, Command<?> change) {
    return commandContext -> {
      TaskEntity task =
          taskId == null ? null : commandContext.getTaskManager().findTaskById(taskId);
      if (task != null && userId != null && !userId.equals(task.getAssignee())) {
        segregation.enforce(task, userId, action);
      }
      change.execute(commandContext);
      return null;
    };
  }

  @Override
  public void complete(String taskId) {
    complete(taskId, null);
  }

  @Override
  public void complete(String taskId, Map<String, Object> variables) {
    commandExecutor.execute(
        guarded(taskId, variables, null, new CompleteTaskCmd(taskId, variables, false, false)));
  }

  @Override
  public VariableMap completeWithVariablesInReturn(
      String taskId, Map<String, Object> variables, boolean deserializeValues) {
    return commandExecutor.execute(
        guarded(
            taskId,
            variables,
            null,
            new CompleteTaskCmd(taskId, variables, true, deserializeValues)));
  }

  /**
   * Completion by an electronic signature (the signature service only: it has re-authenticated the
   * signer).
   */
  @Override
  public void completeWithSignature(
      String taskId, Map<String, Object> variables, String signatureId) {
    commandExecutor.execute(
        guarded(
            taskId, variables, signatureId, new CompleteTaskCmd(taskId, variables, false, false)));
  }

  GuardedCompletion guarded(
      String taskId,
      Map<String, Object> variables,
      String signatureId,
      Command<VariableMap> completion) {
    return new GuardedCompletion(
        taskId, variables, signatureId, completion, inputCheck, segregation);
  }

  @Override
  protected void setVariables(String taskId, Map<String, ?> variables, boolean local) {
    commandExecutor.execute(new CheckedVariableUpdate(taskId, variables, inputCheck));
    super.setVariables(taskId, variables, local);
  }

  @Override
  protected void updateVariables(
      String taskId, Map<String, ?> modifications, Collection<String> deletions, boolean local) {
    commandExecutor.execute(new CheckedVariableUpdate(taskId, modifications, inputCheck));
    super.updateVariables(taskId, modifications, deletions, local);
  }

  /**
   * Setting task variables outside completion: each must be a valid field of the task's form (no
   * required check).
   */
  private record CheckedVariableUpdate(
      String taskId, Map<String, ?> variables, TaskInputCheck inputCheck) implements Command<Void> {

    @Override
    public Void execute(CommandContext commandContext) {
      TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
      if (task != null && variables != null && !variables.isEmpty()) {
        // rights before validation: who may not set the task's variables learns nothing about its
        // form
        for (CommandChecker checker :
            commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
          checker.checkUpdateTaskVariable(task);
        }
        List<FieldViolation> violations =
            inputCheck.check(task, SubmittedValues.plain(variables), false);
        if (!violations.isEmpty()) {
          throw new InvalidTaskInput(taskId, violations);
        }
      }
      return null;
    }
  }
}
