package io.gxpflow.compliance.start;

import org.camunda.bpm.engine.impl.RuntimeServiceImpl;
import org.camunda.bpm.engine.runtime.ConditionEvaluationBuilder;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ModificationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.runtime.RestartProcessInstanceBuilder;
import org.camunda.bpm.engine.runtime.SignalEventReceivedBuilder;

/**
 * The engine's RuntimeService with {@link StartGuard} in front of every way to start, modify or
 * restart a process instance. Installed into the engine by {@code ComplianceEnginePlugin}, so
 * {@code /engine-rest}, the webapps, {@code /api/events} and Java callers all go through it (the
 * {@code startProcessInstanceBy*} and {@code correlateMessage} shortcuts use these builders too).
 */
public class GxpRuntimeService extends RuntimeServiceImpl {

  private final StartGuard guard = new StartGuard();

  public StartGuard guard() {
    return guard;
  }

  @Override
  public ProcessInstantiationBuilder createProcessInstanceById(String processDefinitionId) {
    return new GuardedInstantiation(commandExecutor, guard, processDefinitionId, null);
  }

  @Override
  public ProcessInstantiationBuilder createProcessInstanceByKey(String processDefinitionKey) {
    return new GuardedInstantiation(commandExecutor, guard, null, processDefinitionKey);
  }

  @Override
  public MessageCorrelationBuilder createMessageCorrelation(String messageName) {
    return new GuardedMessageCorrelation(commandExecutor, messageName, guard);
  }

  // Modification and restart always carry instructions: refused for anyone but camunda-admin before
  // building

  @Override
  public ProcessInstanceModificationBuilder createProcessInstanceModification(
      String processInstanceId) {
    requireAdministrator("Modifying a process instance");
    return super.createProcessInstanceModification(processInstanceId);
  }

  @Override
  public ModificationBuilder createModification(String processDefinitionId) {
    requireAdministrator("Modifying process instances");
    return super.createModification(processDefinitionId);
  }

  @Override
  public RestartProcessInstanceBuilder restartProcessInstances(String processDefinitionId) {
    requireAdministrator("Restarting process instances");
    return super.restartProcessInstances(processDefinitionId);
  }

  // No project model has a conditional or signal start event; their variables would reach a start
  // unchecked, so
  // evaluating start conditions and broadcasting signals stay with camunda-admin until a model
  // needs them

  @Override
  public ConditionEvaluationBuilder createConditionEvaluation() {
    requireAdministrator("Starting processes by condition evaluation");
    return super.createConditionEvaluation();
  }

  @Override
  public SignalEventReceivedBuilder createSignalEvent(String signalName) {
    requireAdministrator("Sending a signal");
    return super.createSignalEvent(signalName);
  }

  private void requireAdministrator(String what) {
    commandExecutor.execute(
        context -> {
          guard.requireAdministrator(context, what);
          return null;
        });
  }
}
