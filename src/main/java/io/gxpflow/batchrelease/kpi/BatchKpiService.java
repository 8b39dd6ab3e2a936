package io.gxpflow.batchrelease.kpi;

import static io.gxpflow.batchrelease.kpi.BatchKpiNames.*;

import io.gxpflow.batchrelease.kpi.BatchFacts.Hold;
import io.gxpflow.compliance.RunAsSystem;
import io.gxpflow.compliance.variables.ProcessVariable;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * Reads the facts of every {@code batch-release} instance, all versions of the definition, from
 * Camunda's history (history level full) and computes the KPIs with {@link BatchKpis}.
 *
 * <p>Never one query per instance: the historic process instances of the key; their process-scope
 * historic variables, batched by {@value #BATCH_SIZE} process instances; and per version of the
 * definition the historic activity instances of {@code OnHold}, of the QP certification and of the
 * two end events (the activity instance query has no filter by a list of process instances).
 *
 * <p>The numbers are aggregates over all batches: they are read as the engine, without the caller's
 * Camunda authorizations. Who may read them is decided in SecurityConfiguration ({@code
 * /api/kpi/batches}).
 */
@Service
public class BatchKpiService {

  static final int BATCH_SIZE = 500;

  private static final String[] VARIABLES =
      Stream.of(BATCH_RECORD_COMPLETED_AT, REVIEW_DEPTH, RELEASE_DECISION)
          .map(ProcessVariable::name)
          .toArray(String[]::new);

  private final RunAsSystem asSystem;
  private final HistoryService history;
  private final Clock clock;

  public BatchKpiService(ProcessEngine engine, RunAsSystem asSystem, Clock clock) {
    this.asSystem = asSystem;
    this.history = engine.getHistoryService();
    this.clock = clock;
  }

  public BatchKpiReport kpis() {
    List<BatchFacts> facts = facts();
    return BatchKpis.compute(facts, clock.instant().truncatedTo(ChronoUnit.MILLIS));
  }

  /** The facts of every batch, read in one transaction. */
  public List<BatchFacts> facts() {
    return asSystem.call(this::readFacts);
  }

  private List<BatchFacts> readFacts() {
    List<HistoricProcessInstance> instances =
        history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).list();

    Set<String> definitions = new LinkedHashSet<>();
    instances.forEach(instance -> definitions.add(instance.getProcessDefinitionId()));
    Map<String, List<Hold>> holds = new HashMap<>();
    Map<String, Instant> certified = new HashMap<>();
    Map<String, String> endEvents = new HashMap<>();
    for (String definition : definitions) {
      for (HistoricActivityInstance hold : activities(definition, ON_HOLD_ACTIVITY)) {
        holds
            .computeIfAbsent(hold.getProcessInstanceId(), id -> new ArrayList<>())
            .add(new Hold(instant(hold.getStartTime()), instant(hold.getEndTime())));
      }
      for (HistoricActivityInstance certification : activities(definition, QP_CERTIFICATION)) {
        // a certification cancelled (e.g. by a hold or the instance's deletion) decided nothing
        if (certification.getEndTime() != null && !certification.isCanceled()) {
          certified.merge(
              certification.getProcessInstanceId(),
              certification.getEndTime().toInstant(),
              (one, other) -> one.isAfter(other) ? one : other);
        }
      }
      // the end event reached, not the instance's end activity: an instance may end in several
      for (String end : List.of(END_RELEASED, END_REJECTED)) {
        for (HistoricActivityInstance reached : activities(definition, end)) {
          endEvents.put(reached.getProcessInstanceId(), end);
        }
      }
    }

    List<BatchFacts> facts = new ArrayList<>(instances.size());
    for (int from = 0; from < instances.size(); from += BATCH_SIZE) {
      List<HistoricProcessInstance> batch =
          instances.subList(from, Math.min(from + BATCH_SIZE, instances.size()));
      String[] ids = batch.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);

      Map<String, Map<String, Object>> variables = new HashMap<>();
      for (HistoricVariableInstance variable :
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceIdIn(ids)
              .variableNameIn(VARIABLES)
              .disableBinaryFetching()
              .disableCustomObjectDeserialization()
              .list()) {
        // a variable of the process instance itself: not task-local, not local to a sub-scope
        if (variable.getTaskId() == null
            && variable.getProcessInstanceId() != null
            && variable.getProcessInstanceId().equals(variable.getExecutionId())) {
          variables
              .computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
              .put(variable.getName(), variable.getValue());
        }
      }

      for (HistoricProcessInstance instance : batch) {
        Map<String, Object> values = variables.getOrDefault(instance.getId(), Map.of());
        facts.add(
            new BatchFacts(
                instance.getId(),
                instance.getBusinessKey(),
                instant(instance.getStartTime()),
                timestamp(values.get(BATCH_RECORD_COMPLETED_AT.name())),
                instant(instance.getEndTime()),
                endEvents.get(instance.getId()),
                string(values.get(RELEASE_DECISION.name())),
                string(values.get(REVIEW_DEPTH.name())),
                certified.get(instance.getId()),
                holds.getOrDefault(instance.getId(), List.of())));
      }
    }
    return facts;
  }

  private List<HistoricActivityInstance> activities(String processDefinitionId, String activityId) {
    return history
        .createHistoricActivityInstanceQuery()
        .processDefinitionId(processDefinitionId)
        .activityId(activityId)
        .list();
  }

  /**
   * The MES's ISO-8601 date-time text ({@code 2026-11-22T08:15:00Z}, any offset) or a date; null
   * when absent or unreadable, and the lead time then starts with the instance.
   */
  static Instant timestamp(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof String text) {
      try {
        return OffsetDateTime.parse(text.trim()).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static String string(Object value) {
    return value instanceof String text ? text : null;
  }
}
