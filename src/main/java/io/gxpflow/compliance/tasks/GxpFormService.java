package io.gxpflow.compliance.tasks;

import io.gxpflow.compliance.start.StartGuard;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's FormService with the same compliance checks as {@link GxpTaskService} on form
 * submission, and a start form submission checked by {@link StartGuard} (its Camunda Form, the
 * business key) before the instance starts.
 */
public class GxpFormService extends FormServiceImpl {

  private final GxpTaskService taskService;
  private final StartGuard startGuard;

  public GxpFormService(GxpTaskService taskService, StartGuard startGuard) {
    this.taskService = taskService;
    this.startGuard = startGuard;
  }

  @Override
  public void submitTaskForm(String taskId, Map<String, Object> properties) {
    commandExecutor.execute(
        taskService.guarded(
            taskId, properties, null, new SubmitTaskFormCmd(taskId, properties, false, false)));
  }

  @Override
  public VariableMap submitTaskFormWithVariablesInReturn(
      String taskId, Map<String, Object> properties, boolean deserializeValues) {
    return commandExecutor.execute(
        taskService.guarded(
            taskId,
            properties,
            null,
            new SubmitTaskFormCmd(taskId, properties, true, deserializeValues)));
  }

  @Override
  public ProcessInstance submitStartForm(
      String processDefinitionId, Map<String, Object> properties) {
    return submitStartForm(processDefinitionId, null, properties);
  }

  @Override
  public ProcessInstance submitStartForm(
      String processDefinitionId, String businessKey, Map<String, Object> properties) {
    // checked in its own command first: a refused start leaves nothing behind
    commandExecutor.execute(
        context -> {
          ProcessDefinitionEntity definition =
              context
                  .getProcessEngineConfiguration()
                  .getDeploymentCache()
                  .findDeployedProcessDefinitionById(processDefinitionId);
          startGuard.checkStart(
              context, definition, definition.getInitial().getId(), properties, true, businessKey);
          return null;
        });
    return super.submitStartForm(processDefinitionId, businessKey, properties);
  }

  @Override
  public void submitTaskFormData(String taskId, Map<String, String> properties) {
    submitTaskForm(taskId, new HashMap<String, Object>(properties));
  }
}
