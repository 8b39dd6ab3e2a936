package io.gxpflow.compliance.engine;

import io.gxpflow.compliance.JsonValues;
import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditTrail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * {@code PROCESS_STARTED} with what the instance started with: the start form's values or the start
 * message's payload are part of the GxP record, not only of Camunda's history that cleanup removes.
 * The engine announces the start (history event) before it sets the start variables, so the event
 * waits until the process start listener, which runs right after they are set and before anything
 * else of the instance; it is then recorded with {@code variables}. Whatever still waits when the
 * command ends (or before any other engine event is recorded) is recorded as it is: the start is
 * never lost, at worst without its variables.
 */
final class ProcessStartAudit extends AbstractBpmnParseListener implements ExecutionListener {

  static final String VARIABLES = "variables";

  private final AuditTrail auditTrail;
  private final ThreadLocal<Map<String, AuditEvent>> waiting =
      ThreadLocal.withInitial(LinkedHashMap::new);

  ProcessStartAudit(AuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  /** From the history handler: the instance has started; its variables come next. */
  void started(AuditEvent event) {
    CommandContext command = Context.getCommandContext();
    if (command == null || event.processInstanceId() == null) {
      auditTrail.record(event);
      return;
    }
    Map<String, AuditEvent> pending = waiting.get();
    if (pending.isEmpty()) {
      command.registerCommandContextListener(
          new CommandContextListener() {
            @Override
            public void onCommandContextClose(CommandContext context) {
              flush();
            }

            @Override
            public void onCommandFailed(CommandContext context, Throwable t) {
              waiting.remove();
            }
          });
    }
    pending.put(event.processInstanceId(), event);
  }

  /** Records every start still waiting, in order, so no later event overtakes it. */
  void flush() {
    Map<String, AuditEvent> pending = waiting.get();
    List<AuditEvent> events = new ArrayList<>(pending.values());
    pending.clear();
    events.forEach(auditTrail::record);
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, this);
  }

  /** The process start listener: the start variables are set, nothing else has run. */
  @Override
  public void notify(DelegateExecution execution) {
    Map<String, AuditEvent> pending = waiting.get();
    AuditEvent event = pending.remove(execution.getProcessInstanceId());
    if (event == null) {
      return;
    }
    flush();
    Map<String, Object> details = new LinkedHashMap<>(event.details());
    details.put(VARIABLES, JsonValues.of(execution.getVariablesLocal()));
    auditTrail.record(
        new AuditEvent(
            event.type(),
            event.actor(),
            event.businessKey(),
            event.processInstanceId(),
            event.processDefinitionKey(),
            event.taskId(),
            details));
  }
}
