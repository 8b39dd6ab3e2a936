package io.gxpflow.deviation.kpi;

import static io.gxpflow.deviation.DeviationVariables.*;

import io.gxpflow.compliance.RunAsSystem;
import io.gxpflow.compliance.variables.ProcessVariable;
import io.gxpflow.identity.GxpProcess;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.stereotype.Service;

/**
 * Reads the facts of every {@code deviation-capa} instance, all versions of the definition, from
 * Camunda's history (history level full) and computes the KPIs with {@link DeviationKpis}.
 *
 * <p>Three kinds of query, the variable ones batched by {@value #BATCH_SIZE} process instances
 * (never one query per instance): the historic process instances of the key; their process-scope
 * historic variables; and the variable updates of {@code effectivenessResult}, one per
 * effectiveness check (the variable keeps only the last value).
 *
 * <p>The numbers are aggregates over all deviations: they are read as the engine, without the
 * caller's Camunda authorizations. Who may read them is decided in SecurityConfiguration ({@code
 * /api/kpi/**}).
 */
@Service
public class DeviationKpiService {

  static final String PROCESS_KEY = GxpProcess.DEVIATION_CAPA.key();
  static final int BATCH_SIZE = 500;

  private static final String EFFECTIVENESS_RESULT_NAME = EFFECTIVENESS_RESULT.name();
  private static final String[] VARIABLES =
      Stream.of(
              SEVERITY,
              REPORTED_AT,
              CLOSURE_DUE_DATE,
              DEVIATION_CLOSED,
              DEVIATION_CLOSED_AT,
              CLASSIFICATION_RETURNS,
              DEVIATION_CANCELLED)
          .map(ProcessVariable::name)
          .toArray(String[]::new);

  private final RunAsSystem asSystem;
  private final HistoryService history;
  private final Clock clock;

  public DeviationKpiService(ProcessEngine engine, RunAsSystem asSystem, Clock clock) {
    this.asSystem = asSystem;
    this.history = engine.getHistoryService();
    this.clock = clock;
  }

  public DeviationKpiReport kpis() {
    List<DeviationFacts> facts = facts();
    return DeviationKpis.compute(facts, clock.instant().truncatedTo(ChronoUnit.MILLIS));
  }

  /** The facts of every deviation, read in one transaction. */
  public List<DeviationFacts> facts() {
    return asSystem.call(this::readFacts);
  }

  private List<DeviationFacts> readFacts() {
    List<HistoricProcessInstance> instances =
        history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).list();
    List<DeviationFacts> facts = new ArrayList<>(instances.size());
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
        if (processScope(
            variable.getProcessInstanceId(), variable.getExecutionId(), variable.getTaskId())) {
          variables
              .computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
              .put(variable.getName(), variable.getValue());
        }
      }

      Map<String, List<HistoricVariableUpdate>> checks = new HashMap<>();
      for (HistoricDetail detail :
          history
              .createHistoricDetailQuery()
              .variableUpdates()
              .processInstanceIdIn(ids)
              .variableNameLike(EFFECTIVENESS_RESULT_NAME)
              .disableBinaryFetching()
              .disableCustomObjectDeserialization()
              .orderPartiallyByOccurrence()
              .asc()
              .list()) {
        if (detail instanceof HistoricVariableUpdate update
            && EFFECTIVENESS_RESULT_NAME.equals(update.getVariableName())
            && processScope(
                update.getProcessInstanceId(), update.getExecutionId(), update.getTaskId())) {
          checks
              .computeIfAbsent(update.getProcessInstanceId(), id -> new ArrayList<>())
              .add(update);
        }
      }

      for (HistoricProcessInstance instance : batch) {
        facts.add(
            factsOf(
                instance,
                variables.getOrDefault(instance.getId(), Map.of()),
                checks.getOrDefault(instance.getId(), List.of())));
      }
    }
    return facts;
  }

  private static DeviationFacts factsOf(
      HistoricProcessInstance instance,
      Map<String, Object> variables,
      List<HistoricVariableUpdate> checks) {
    List<String> results =
        checks.stream()
            .map(update -> update.getValue() instanceof String value ? value : null)
            .filter(value -> value != null)
            .toList();
    return new DeviationFacts(
        instance.getId(),
        string(variables.get(SEVERITY.name())),
        instant(variables.get(REPORTED_AT.name())),
        instant(variables.get(CLOSURE_DUE_DATE.name())),
        bool(variables.get(DEVIATION_CLOSED.name())),
        instant(variables.get(DEVIATION_CLOSED_AT.name())),
        integer(variables.get(CLASSIFICATION_RETURNS.name())),
        bool(variables.get(DEVIATION_CANCELLED.name())),
        instance.getEndTime() != null,
        results);
  }

  /** A variable of the process instance itself: not task-local, not local to a sub-scope. */
  private static boolean processScope(String processInstanceId, String executionId, String taskId) {
    return taskId == null && processInstanceId != null && processInstanceId.equals(executionId);
  }

  private static String string(Object value) {
    return value instanceof String text ? text : null;
  }

  private static Instant instant(Object value) {
    return value instanceof Date date ? date.toInstant() : null;
  }

  private static Boolean bool(Object value) {
    return value instanceof Boolean flag ? flag : null;
  }

  private static Integer integer(Object value) {
    return value instanceof Number number ? Integer.valueOf(number.intValue()) : null;
  }
}
