package io.gxpflow.compliance.record;

import io.gxpflow.compliance.validation.CamundaForm;
import io.gxpflow.compliance.validation.FormField;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The labels a person saw for what they entered: the field of the Camunda Form of a task or start
 * event, as deployed with the process definition the record ran on. Deployments are immutable, so
 * each definition's forms are read once. A form that is not in the definition's own deployment
 * (bound to "latest" elsewhere, an embedded form) or a deployment that was deleted gives no label:
 * the record then shows the variable's name.
 */
@Component
public class FormLabels {

  private static final String CAMUNDA_FORMS_IN_DEPLOYMENT = "camunda-forms:deployment:";

  private final RepositoryService repository;
  private final Map<String, Map<String, CamundaForm>> formsByDefinition = new ConcurrentHashMap<>();

  public FormLabels(RepositoryService repository) {
    this.repository = repository;
  }

  /** The field taking {@code variable} on the form of an element (task or start event). */
  public Optional<FormField> field(String processDefinitionId, String elementId, String variable) {
    if (processDefinitionId == null || elementId == null || variable == null) {
      return Optional.empty();
    }
    CamundaForm form =
        formsByDefinition.computeIfAbsent(processDefinitionId, this::formsOf).get(elementId);
    return form == null ? Optional.empty() : form.field(variable);
  }

  /** Element id → its Camunda Form, for every user task and start event naming one. */
  private Map<String, CamundaForm> formsOf(String processDefinitionId) {
    Map<String, CamundaForm> forms = new HashMap<>();
    try {
      ProcessDefinition definition = repository.getProcessDefinition(processDefinitionId);
      String deploymentId = definition.getDeploymentId();
      Map<String, CamundaForm> byId = new HashMap<>();
      Map<String, CamundaForm> byResource = new HashMap<>();
      for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
        if (resource.endsWith(".form")) {
          CamundaForm form = parse(repository.getResourceAsStream(deploymentId, resource));
          byResource.put(resource, form);
          if (form.id() != null) {
            byId.put(form.id(), form);
          }
        }
      }
      BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        put(
            forms,
            task.getId(),
            task.getCamundaFormRef(),
            task.getCamundaFormKey(),
            byId,
            byResource);
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        put(
            forms,
            start.getId(),
            start.getCamundaFormRef(),
            start.getCamundaFormKey(),
            byId,
            byResource);
      }
    } catch (ProcessEngineException | IllegalArgumentException | UncheckedIOException gone) {
      // a deleted deployment or an unreadable form: the record shows variable names instead
    }
    return forms;
  }

  private static void put(
      Map<String, CamundaForm> forms,
      String elementId,
      String formRef,
      String formKey,
      Map<String, CamundaForm> byId,
      Map<String, CamundaForm> byResource) {
    CamundaForm form = null;
    if (formRef != null) {
      form = byId.get(formRef);
    } else if (formKey != null && formKey.startsWith(CAMUNDA_FORMS_IN_DEPLOYMENT)) {
      form = byResource.get(formKey.substring(CAMUNDA_FORMS_IN_DEPLOYMENT.length()));
    }
    if (form != null) {
      forms.put(elementId, form);
    }
  }

  private static CamundaForm parse(InputStream json) {
    try (json) {
      return CamundaForm.parse(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
