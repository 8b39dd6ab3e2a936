package io.gxpflow.compliance;

import io.gxpflow.compliance.audit.AuditEvent;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Who is acting and on which record, as seen from inside an engine command. */
public final class EngineContext {

  /** The actor of work the engine does on its own (job executor, timers, start-up). */
  public static final String SYSTEM = "system";

  private EngineContext() {}

  /**
   * The engine's time: what its timers and due dates are compared with (a process test may move
   * it), for values a model compares against them.
   */
  public static Date now() {
    return ClockUtil.getCurrentTime();
  }

  /**
   * Who completes a task: the authenticated user, or its assignee when the engine acts without one.
   */
  public static String completer(DelegateTask task) {
    String actor = actor();
    return SYSTEM.equals(actor) ? task.getAssignee() : actor;
  }

  public static String actor() {
    CommandContext commandContext = Context.getCommandContext();
    String userId = commandContext == null ? null : commandContext.getAuthenticatedUserId();
    return userId == null ? SYSTEM : userId;
  }

  /**
   * An audit event about what the current execution does (a service task's call, say); record-less
   * outside one.
   */
  public static AuditEvent currentExecutionEvent(String type, Map<String, Object> details) {
    BpmnExecutionContext context = Context.getBpmnExecutionContext();
    ExecutionEntity execution = context == null ? null : context.getExecution();
    ExecutionEntity processInstance = execution == null ? null : execution.getProcessInstance();
    return new AuditEvent(
        type,
        actor(),
        processInstance == null ? null : processInstance.getBusinessKey(),
        processInstance == null ? null : processInstance.getId(),
        processInstance == null ? null : processInstance.getProcessDefinition().getKey(),
        null,
        JsonValues.of(details));
  }

  /** An audit event about a task, with its process instance, business key and definition key. */
  public static AuditEvent taskEvent(String type, DelegateTask task, Map<String, Object> details) {
    ExecutionEntity execution = (ExecutionEntity) task.getExecution();
    ExecutionEntity processInstance = execution == null ? null : execution.getProcessInstance();
    return new AuditEvent(
        type,
        actor(),
        processInstance == null ? null : processInstance.getBusinessKey(),
        task.getProcessInstanceId(),
        processInstance == null ? null : processInstance.getProcessDefinition().getKey(),
        task.getId(),
        JsonValues.of(details));
  }
}
