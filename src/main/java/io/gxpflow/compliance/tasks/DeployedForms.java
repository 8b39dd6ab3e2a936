package io.gxpflow.compliance.tasks;

import io.gxpflow.compliance.validation.CamundaForm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The one loader of the Camunda Forms the server validates against, for tasks and start events,
 * inside an engine command. A form bound to its deployment ({@code
 * camunda:formRefBinding="deployment"}, what the model rules require) never changes for a process
 * definition, so it is parsed once per definition and element and kept; a form bound to "latest" or
 * a version is read each time, as it may change with the next deployment.
 */
public final class DeployedForms {

  private static final String DEPLOYMENT_BINDING = "deployment";
  private static final int MAX_CACHED = 1000;

  // process definition id + element id → parsed form; least recently used dropped first
  private static final Map<String, CamundaForm> CACHE =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CamundaForm> eldest) {
              return size() > MAX_CACHED;
            }
          });

  private DeployedForms() {}

  /** The task's Camunda Form, or null when its task definition names none. */
  public static CamundaForm ofTask(CommandContext context, TaskEntity task) {
    FormDefinition form =
        task.getTaskDefinition() == null ? null : task.getTaskDefinition().getFormDefinition();
    if (form == null || form.getCamundaFormDefinitionKey() == null) {
      return null;
    }
    return cached(
        task.getProcessDefinitionId(),
        task.getTaskDefinitionKey(),
        form.getCamundaFormDefinitionBinding(),
        () ->
            parse(
                new GetDeployedTaskFormCmd(task.getId()).execute(context), "task " + task.getId()));
  }

  /**
   * The Camunda Form of the process definition's start event (whose {@code formRefBinding} is
   * given).
   */
  public static CamundaForm ofStart(
      CommandContext context, String processDefinitionId, String startEventId, String binding) {
    return cached(
        processDefinitionId,
        startEventId,
        binding,
        () ->
            parse(
                new GetDeployedStartFormCmd(processDefinitionId).execute(context),
                "start of " + processDefinitionId));
  }

  /** The form of an element of a process definition, from the cache when its binding allows. */
  static CamundaForm cached(
      String processDefinitionId, String elementId, String binding, Supplier<CamundaForm> load) {
    if (processDefinitionId == null || !DEPLOYMENT_BINDING.equals(binding)) {
      return load.get();
    }
    String key = processDefinitionId + "#" + elementId;
    CamundaForm form = CACHE.get(key);
    if (form == null) {
      form = load.get();
      CACHE.put(key, form);
    }
    return form;
  }

  private static CamundaForm parse(InputStream json, String of) {
    try (json) {
      return CamundaForm.parse(json);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the form of " + of, e);
    }
  }
}
