package io.gxpflow.compliance.engine;

import io.gxpflow.compliance.EngineContext;
import io.gxpflow.compliance.JsonValues;
import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Turns the engine's history events into audit events, in the engine's transaction: process started
 * (with its start variables, see {@link ProcessStartAudit}), business key set, ended or cancelled;
 * incident created or resolved; decision evaluated; authorization changed. Runs beside the default
 * database history handler, so Camunda's own history is unchanged (and may be cleaned up; the audit
 * trail stays).
 */
public class AuditHistoryEventHandler implements HistoryEventHandler {

  private final AuditTrail auditTrail;
  private final ProcessStartAudit starts;

  public AuditHistoryEventHandler(AuditTrail auditTrail) {
    this(auditTrail, new ProcessStartAudit(auditTrail));
  }

  AuditHistoryEventHandler(AuditTrail auditTrail, ProcessStartAudit starts) {
    this.auditTrail = auditTrail;
    this.starts = starts;
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    AuditEvent audit = null;
    if (event instanceof HistoricProcessInstanceEventEntity process) {
      audit = process(process);
    } else if (event instanceof HistoricIncidentEventEntity incident) {
      audit = incident(incident);
    } else if (event instanceof HistoricDecisionEvaluationEvent decision) {
      audit = decision(decision.getRootHistoricDecisionInstance());
    } else if (event instanceof UserOperationLogEntryEventEntity operation) {
      audit = authorization(operation);
    }
    if (audit != null) {
      AuditEvent plain =
          new AuditEvent(
              audit.type(),
              audit.actor(),
              audit.businessKey(),
              audit.processInstanceId(),
              audit.processDefinitionKey(),
              audit.taskId(),
              JsonValues.of(audit.details()));
      if (plain.type().equals(AuditEventTypes.PROCESS_STARTED)) {
        starts.started(plain);
      } else {
        starts.flush();
        auditTrail.record(plain);
      }
    }
  }

  private AuditEvent process(HistoricProcessInstanceEventEntity process) {
    Map<String, Object> details = new LinkedHashMap<>();
    String type;
    if (is(process, HistoryEventTypes.PROCESS_INSTANCE_START)) {
      type = AuditEventTypes.PROCESS_STARTED;
      details.put("startActivityId", process.getStartActivityId());
    } else if (is(process, HistoryEventTypes.PROCESS_INSTANCE_UPDATE)) {
      // also sent for other changes (suspension): only a key the trail does not link yet counts
      starts.flush();
      if (process.getBusinessKey() == null
          || auditTrail.isLinked(process.getProcessInstanceId(), process.getBusinessKey())) {
        return null;
      }
      type = AuditEventTypes.BUSINESS_KEY_SET;
    } else if (is(process, HistoryEventTypes.PROCESS_INSTANCE_END)) {
      boolean cancelled = process.getDeleteReason() != null;
      type = cancelled ? AuditEventTypes.PROCESS_CANCELLED : AuditEventTypes.PROCESS_ENDED;
      details.put("endActivityId", process.getEndActivityId());
      details.put("state", process.getState());
      if (cancelled) {
        details.put("reason", process.getDeleteReason());
      }
    } else {
      return null;
    }
    details.put("processDefinitionId", process.getProcessDefinitionId());
    String actor =
        is(process, HistoryEventTypes.PROCESS_INSTANCE_START) && process.getStartUserId() != null
            ? process.getStartUserId()
            : EngineContext.actor();
    return new AuditEvent(
        type,
        actor,
        process.getBusinessKey(),
        process.getProcessInstanceId(),
        process.getProcessDefinitionKey(),
        null,
        details);
  }

  private AuditEvent incident(HistoricIncidentEventEntity incident) {
    String type;
    if (is(incident, HistoryEventTypes.INCIDENT_CREATE)) {
      type = AuditEventTypes.INCIDENT_CREATED;
    } else if (is(incident, HistoryEventTypes.INCIDENT_RESOLVE)
        || is(incident, HistoryEventTypes.INCIDENT_DELETE)) {
      type = AuditEventTypes.INCIDENT_RESOLVED;
    } else {
      return null;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("incidentId", incident.getId());
    details.put("incidentType", incident.getIncidentType());
    details.put("activityId", incident.getActivityId());
    details.put("message", incident.getIncidentMessage());
    details.put("how", incident.getEventType());
    return new AuditEvent(
        type,
        EngineContext.actor(),
        businessKey(incident.getProcessInstanceId()),
        incident.getProcessInstanceId(),
        incident.getProcessDefinitionKey(),
        null,
        details);
  }

  private AuditEvent decision(HistoricDecisionInstanceEntity decision) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("decisionKey", decision.getDecisionDefinitionKey());
    details.put("decisionDefinitionId", decision.getDecisionDefinitionId());
    details.put("activityId", decision.getActivityId());
    Map<String, Object> inputs = new LinkedHashMap<>();
    for (HistoricDecisionInputInstance input : decision.getInputs()) {
      inputs.put(
          input.getClauseName() != null ? input.getClauseName() : input.getClauseId(),
          input.getValue());
    }
    List<Map<String, Object>> outputs =
        decision.getOutputs().stream().map(AuditHistoryEventHandler::output).toList();
    details.put("inputs", inputs);
    details.put("outputs", outputs);
    return new AuditEvent(
        AuditEventTypes.DECISION_EVALUATED,
        EngineContext.actor(),
        businessKey(decision.getProcessInstanceId()),
        decision.getProcessInstanceId(),
        decision.getProcessDefinitionKey(),
        null,
        details);
  }

  private static Map<String, Object> output(HistoricDecisionOutputInstance output) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("rule", output.getRuleId());
    value.put("name", output.getVariableName());
    value.put("value", output.getValue());
    return value;
  }

  private AuditEvent authorization(UserOperationLogEntryEventEntity operation) {
    if (!EntityTypes.AUTHORIZATION.equals(operation.getEntityType())) {
      return null;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("operation", operation.getOperationType());
    details.put("property", operation.getProperty());
    details.put("old", operation.getOrgValue());
    details.put("new", operation.getNewValue());
    return new AuditEvent(
        AuditEventTypes.AUTHORIZATION_CHANGED,
        operation.getUserId() != null ? operation.getUserId() : EngineContext.actor(),
        null,
        null,
        null,
        null,
        details);
  }

  private static boolean is(HistoryEvent event, HistoryEventTypes type) {
    return type.getEventName().equals(event.getEventType());
  }

  private static String businessKey(String processInstanceId) {
    if (processInstanceId == null || Context.getCommandContext() == null) {
      return null;
    }
    ExecutionEntity instance =
        Context.getCommandContext().getExecutionManager().findExecutionById(processInstanceId);
    return instance == null ? null : instance.getBusinessKey();
  }
}
