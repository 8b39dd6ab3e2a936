package io.gxpflow.compliance.tasks;

import io.gxpflow.compliance.ComplianceRefusal;
import io.gxpflow.compliance.EngineContext;
import io.gxpflow.compliance.InvalidTaskInput;
import io.gxpflow.compliance.ProblemType;
import io.gxpflow.compliance.sod.SegregationOfDuties;
import io.gxpflow.compliance.validation.FieldViolation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Completes a task in ONE engine command (one transaction) after the compliance checks: a signature
 * step only through a signature, segregation of duties, the submitted variables valid against the
 * task's form and model constraints. Nothing has changed when a check refuses. The complete
 * listener repeats the segregation check, for any path that does not come through here.
 */
public class GuardedCompletion implements Command<VariableMap> {

  static final ProblemType GUARD_RULE = ProblemType.SIGNATURE_REQUIRED;

  private final String taskId;
  private final Map<String, Object> submitted;
  private final String signatureId;
  private final Command<VariableMap> completion;
  private final TaskInputCheck inputCheck;
  private final SegregationOfDuties segregation;

  GuardedCompletion(
      String taskId,
      Map<String, Object> submitted,
      String signatureId,
      Command<VariableMap> completion,
      TaskInputCheck inputCheck,
      SegregationOfDuties segregation) {
    this.taskId = taskId;
    this.submitted = submitted == null ? Map.of() : submitted;
    this.signatureId = signatureId;
    this.completion = completion;
    this.inputCheck = inputCheck;
    this.segregation = segregation;
  }

  @Override
  public VariableMap execute(CommandContext commandContext) {
    TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return completion.execute(commandContext); // the engine's own "task not found" answer
    }
    // rights before validation: who may not work on the task gets 403, not a list of the form's
    // fields
    for (CommandChecker checker :
        commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkTaskWork(task);
    }
    UserTaskRules rules = UserTaskRules.of(task);
    if (rules.isSignatureStep() && signatureId == null) {
      throw new ComplianceRefusal(
          GUARD_RULE,
          "Task '"
              + task.getName()
              + "' is a signature step ("
              + rules.signatureMeaning()
              + "): complete it with an electronic signature, POST /api/tasks/"
              + taskId
              + "/signature");
    }
    segregation.enforce(task, EngineContext.completer(task), "complete");
    List<FieldViolation> violations = inputCheck.check(task, submitted, true);
    if (!violations.isEmpty()) {
      throw new InvalidTaskInput(taskId, violations);
    }
    Map<String, Object> previous = new LinkedHashMap<>();
    for (String name : submitted.keySet()) {
      previous.put(name, SubmittedValues.plain(task.getVariable(name)));
    }
    CompletionGate.open(
        new CompletionGate.Submission(
            taskId, signatureId, SubmittedValues.plain(submitted), previous));
    try {
      return completion.execute(commandContext);
    } finally {
      CompletionGate.close();
    }
  }
}
