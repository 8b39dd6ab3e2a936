package io.gxpflow.compliance.tasks;

import java.util.Map;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.variable.VariableMap;

/** The engine's FormService with the same compliance checks as {@link GxpTaskService} on form submission. */
public class GxpFormService extends FormServiceImpl {

  private final GxpTaskService taskService;

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
  public void submitTaskFormData(String taskId, Map<String, String> properties) {
    submitTaskForm(taskId, new java.util.HashMap<String, Object>(properties));
  }
}
