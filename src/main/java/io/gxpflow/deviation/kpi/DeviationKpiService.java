package io.gxpflow.deviation.kpi;

import static io.gxpflow.compliance.history.ProcessHistory.bool;
import static io.gxpflow.compliance.history.ProcessHistory.instant;
import static io.gxpflow.compliance.history.ProcessHistory.integer;
import static io.gxpflow.compliance.history.ProcessHistory.string;
import static io.gxpflow.deviation.DeviationVariables.*;

import io.gxpflow.compliance.RunAsSystem;
import io.gxpflow.compliance.history.ProcessHistory;
import io.gxpflow.compliance.variables.ProcessVariable;
import io.gxpflow.identity.GxpProcess;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.stereotype.Service;

/**
 * Reads the facts of every {@code deviation-capa} instance, all versions of the definition, from
 * Camunda's history (history level full) and computes the KPIs with {@link DeviationKpis}.
 *
 * <p>Three kinds of query, the variable ones batched ({@link ProcessHistory}; never one query per
 * instance): the historic process instances of the key; their process-scope historic variables; and
 * the variable updates of {@code effectivenessResult}, one per effectiveness check (the variable
 * keeps only the last value).
 *
 * <p>The numbers are aggregates over all deviations: they are read as the engine, without the
 * caller's Camunda authorizations. Who may read them is decided in SecurityConfiguration ({@code
 * /api/kpi/**}).
 */
@Service
public class DeviationKpiService {

  static final String PROCESS_KEY = GxpProcess.DEVIATION_CAPA.key();

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
    ProcessHistory read = ProcessHistory.of(history, PROCESS_KEY);
    Map<String, Map<String, Object>> variables = read.variables(VARIABLES);
    Map<String, List<HistoricVariableUpdate>> checks = read.updates(EFFECTIVENESS_RESULT.name());
    List<DeviationFacts> facts = new ArrayList<>(read.instances().size());
    for (HistoricProcessInstance instance : read.instances()) {
      facts.add(
          factsOf(
              instance,
              variables.getOrDefault(instance.getId(), Map.of()),
              checks.getOrDefault(instance.getId(), List.of())));
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
}
