package io.gxpflow.batchrelease.kpi;

import static io.gxpflow.batchrelease.kpi.BatchKpiNames.*;
import static io.gxpflow.compliance.history.ProcessHistory.instant;
import static io.gxpflow.compliance.history.ProcessHistory.string;

import io.gxpflow.batchrelease.kpi.BatchFacts.Hold;
import io.gxpflow.compliance.RunAsSystem;
import io.gxpflow.compliance.history.ProcessHistory;
import io.gxpflow.compliance.variables.ProcessVariable;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Reads the facts of every {@code batch-release} instance, all versions of the definition, from
 * Camunda's history (history level full) and computes the KPIs with {@link BatchKpis}.
 *
 * <p>Never one query per instance ({@link ProcessHistory}): the historic process instances of the
 * key; their process-scope historic variables, batched; and per version of the definition the
 * historic activity instances of {@code OnHold}, of the QP certification and of the two end events
 * (the activity instance query has no filter by a list of process instances).
 *
 * <p>The numbers are aggregates over all batches: they are read as the engine, without the caller's
 * Camunda authorizations. Who may read them is decided in SecurityConfiguration ({@code
 * /api/kpi/batches}).
 */
@Service
public class BatchKpiService {

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
    ProcessHistory read = ProcessHistory.of(history, PROCESS_KEY);
    Map<String, Map<String, Object>> variables = read.variables(VARIABLES);
    Map<String, List<HistoricActivityInstance>> holds = read.activities(ON_HOLD_ACTIVITY);
    Map<String, List<HistoricActivityInstance>> certifications = read.activities(QP_CERTIFICATION);
    // the end event reached, not the instance's end activity: an instance may end in several
    Map<String, String> endEvents = new HashMap<>();
    for (String end : List.of(END_RELEASED, END_REJECTED)) {
      read.activities(end).keySet().forEach(instance -> endEvents.put(instance, end));
    }

    List<BatchFacts> facts = new ArrayList<>(read.instances().size());
    for (HistoricProcessInstance instance : read.instances()) {
      String id = instance.getId();
      Map<String, Object> values = variables.getOrDefault(id, Map.of());
      facts.add(
          new BatchFacts(
              id,
              instance.getBusinessKey(),
              instant(instance.getStartTime()),
              timestamp(values.get(BATCH_RECORD_COMPLETED_AT.name())),
              instant(instance.getEndTime()),
              endEvents.get(id),
              string(values.get(RELEASE_DECISION.name())),
              string(values.get(REVIEW_DEPTH.name())),
              lastCertified(certifications.getOrDefault(id, List.of())),
              holds.getOrDefault(id, List.of()).stream()
                  .map(hold -> new Hold(instant(hold.getStartTime()), instant(hold.getEndTime())))
                  .toList()));
    }
    return facts;
  }

  /**
   * The end of the last completed certification; one cancelled (e.g. by a hold or the instance's
   * deletion) decided nothing.
   */
  private static Instant lastCertified(List<HistoricActivityInstance> certifications) {
    return certifications.stream()
        .filter(certification -> certification.getEndTime() != null && !certification.isCanceled())
        .map(certification -> certification.getEndTime().toInstant())
        .max(Instant::compareTo)
        .orElse(null);
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
}
