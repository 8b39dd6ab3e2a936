package io.gxpflow.compliance.tasks;

import io.gxpflow.compliance.InvalidTaskInput;
import io.gxpflow.compliance.validation.FieldViolation;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's FormService with the same compliance checks as {@link GxpTaskService} on form submission, and a
 * start form checked against its Camunda Form before the instance starts.
 */
public class GxpFormService extends FormServiceImpl {

  private final GxpTaskService taskService;
  private final StartFormInputCheck startFormCheck = new StartFormInputCheck();

  public GxpFormService(GxpTaskService taskService) {
    this.taskService = taskService;
  }

  @Override
  public void submitTaskForm(String taskId, Map<String, Object> properties) {
    commandExecutor.execute(taskService.guarded(taskId, properties, null,
        new SubmitTaskFormCmd(taskId, properties, false, false)));
  }

  @Override
  public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
      boolean deserializeValues) {
    return commandExecutor.execute(taskService.guarded(taskId, properties, null,
        new SubmitTaskFormCmd(taskId, properties, true, deserializeValues)));
  }

  @Override
  public ProcessInstance submitStartForm(String processDefinitionId, Map<String, Object> properties) {
    return submitStartForm(processDefinitionId, null, properties);
  }

  @Override
  public ProcessInstance submitStartForm(String processDefinitionId, String businessKey,
      Map<String, Object> properties) {
    // checked in its own command first: a refused start leaves nothing behind
    List<FieldViolation> violations = commandExecutor.execute(context ->
        startFormCheck.check(context, processDefinitionId, properties));
    if (!violations.isEmpty()) {
      throw InvalidTaskInput.startForm(processDefinitionId, violations);
    }
    return super.submitStartForm(processDefinitionId, businessKey, properties);
  }

  @Override
  public void submitTaskFormData(String taskId, Map<String, String> properties) {
    submitTaskForm(taskId, new java.util.HashMap<String, Object>(properties));
  }
}
