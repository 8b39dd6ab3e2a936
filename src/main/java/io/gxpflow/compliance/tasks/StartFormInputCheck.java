package io.gxpflow.compliance.tasks;

import io.gxpflow.compliance.validation.CamundaForm;
import io.gxpflow.compliance.validation.DynamicValues;
import io.gxpflow.compliance.validation.FieldViolation;
import io.gxpflow.compliance.validation.ModelConstraints;
import io.gxpflow.compliance.validation.TaskInputSpec;
import io.gxpflow.compliance.validation.TaskInputValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;

/**
 * The start form of a process checked as a task's form is: what Tasklist's "Start process" submits must satisfy
 * the Camunda Form of the process's start event, or no instance starts. A process without a Camunda start form
 * is not checked here.
 */
final class StartFormInputCheck {

  private final TaskInputValidator validator = new TaskInputValidator();

  List<FieldViolation> check(CommandContext context, String processDefinitionId, Map<String, Object> submitted) {
    BpmnModelInstance model = context.getProcessEngineConfiguration().getDeploymentCache()
        .findBpmnModelInstanceForProcessDefinition(processDefinitionId);
    boolean hasCamundaStartForm = model != null && model.getModelElementsByType(StartEvent.class).stream()
        .anyMatch(start -> start.getParentElement() instanceof Process && start.getCamundaFormRef() != null);
    if (!hasCamundaStartForm) {
      return List.of();
    }
    TaskInputSpec spec = TaskInputSpec.of(deployedForm(context, processDefinitionId),
        ModelConstraints.from(Map.of()));
    return validator.validate(spec, SubmittedValues.plain(submitted), Map.of(),
        DynamicValues.fromVariables(spec, Map.of()));
  }

  private static CamundaForm deployedForm(CommandContext context, String processDefinitionId) {
    try (InputStream json = new GetDeployedStartFormCmd(processDefinitionId).execute(context)) {
      return CamundaForm.parse(json);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the start form of " + processDefinitionId, e);
    }
  }
}
