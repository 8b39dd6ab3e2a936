package io.gxpflow.compliance.start;

import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;

/**
 * The engine's start of a process by id or key (REST {@code /start}, {@code
 * startProcessInstanceBy*}), checked by {@link StartGuard} first: part-way starts for
 * administrators only, the start event's input, the business key.
 */
final class GuardedInstantiation extends ProcessInstantiationBuilderImpl {

  private final StartGuard guard;

  GuardedInstantiation(
      CommandExecutor commandExecutor,
      StartGuard guard,
      String processDefinitionId,
      String processDefinitionKey) {
    super(commandExecutor);
    this.guard = guard;
    this.processDefinitionId = processDefinitionId;
    this.processDefinitionKey = processDefinitionKey;
  }

  @Override
  public ProcessInstanceWithVariables executeWithVariablesInReturn(
      boolean skipCustomListeners, boolean skipIoMappings) {
    boolean partWay =
        skipCustomListeners
            || skipIoMappings
            || !modificationBuilder.getModificationOperations().isEmpty();
    // checked in its own command first, as GxpFormService does: a refused start leaves nothing
    // behind
    commandExecutor.execute(
        context -> {
          check(context, partWay);
          return null;
        });
    return super.executeWithVariablesInReturn(skipCustomListeners, skipIoMappings);
  }

  private void check(CommandContext context, boolean partWay) {
    if (partWay) {
      guard.requireAdministrator(
          context,
          "Starting a process with startInstructions, skipCustomListeners or " + "skipIoMappings");
    }
    ProcessDefinitionEntity definition = definition(context);
    if (definition == null) {
      return; // the start command gives the engine's own "not found"
    }
    guard.checkStart(
        context,
        definition,
        partWay ? null : definition.getInitial().getId(),
        getVariables(),
        context.getAuthenticatedUserId() != null,
        businessKey);
  }

  private ProcessDefinitionEntity definition(CommandContext context) {
    if (processDefinitionId != null) {
      return context
          .getProcessEngineConfiguration()
          .getDeploymentCache()
          .findDeployedProcessDefinitionById(processDefinitionId);
    }
    return processDefinitionKey == null
        ? null
        : context
            .getProcessEngineConfiguration()
            .getDeploymentCache()
            .findDeployedLatestProcessDefinitionByKey(processDefinitionKey);
  }
}
