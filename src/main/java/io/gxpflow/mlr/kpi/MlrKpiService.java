package io.gxpflow.mlr.kpi;

import static io.gxpflow.compliance.history.ProcessHistory.instant;
import static io.gxpflow.compliance.history.ProcessHistory.integer;
import static io.gxpflow.mlr.kpi.MlrKpiNames.*;

import io.gxpflow.compliance.RunAsSystem;
import io.gxpflow.compliance.history.ProcessHistory;
import io.gxpflow.mlr.kpi.MlrFacts.Review;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.stereotype.Service;

/**
 * Reads the facts of every signed approval of every {@code mlr-review} instance, all versions of
 * the definition, from Camunda's history (history level full) and computes the KPIs with {@link
 * MlrKpis}.
 *
 * <p>An instance has one approval per completed {@code Task_Approve}: the first is the review of
 * the submission; a later one follows a periodic review that renewed the item. The variables are
 * read as they stood at the signature (their updates in history, not their last value: a renewal
 * runs the pre-check and the rounds again).
 *
 * <p>Never one query per instance ({@link ProcessHistory}): the historic process instances of the
 * key; the updates of {@code reviewRound}, {@code moduleCount}, {@code reusedUnchangedModules} and
 * {@code reviewDueAt}, batched; and per version of the definition the historic activity instances
 * of {@code Task_Approve}, {@code Task_Revise}, {@code Task_PeriodicReview} and the three review
 * tasks.
 *
 * <p>The numbers are aggregates over all items: they are read as the engine, without the caller's
 * Camunda authorizations. Who may read them is decided in SecurityConfiguration ({@code
 * /api/kpi/mlr}).
 */
@Service
public class MlrKpiService {

  private final RunAsSystem asSystem;
  private final HistoryService history;
  private final Clock clock;

  public MlrKpiService(ProcessEngine engine, RunAsSystem asSystem, Clock clock) {
    this.asSystem = asSystem;
    this.history = engine.getHistoryService();
    this.clock = clock;
  }

  public MlrKpiReport kpis(MlrKpiWindow window) {
    List<MlrFacts> facts = facts();
    return MlrKpis.compute(facts, window, clock.instant().truncatedTo(ChronoUnit.MILLIS));
  }

  /** The facts of every signed approval, read in one transaction. */
  public List<MlrFacts> facts() {
    return asSystem.call(this::readFacts);
  }

  private List<MlrFacts> readFacts() {
    ProcessHistory read = ProcessHistory.of(history, PROCESS_KEY);
    Map<String, List<HistoricActivityInstance>> approvals = read.activities(APPROVE);
    Map<String, List<HistoricActivityInstance>> revisions = read.activities(REVISE);
    Map<String, List<HistoricActivityInstance>> periodicReviews = read.activities(PERIODIC_REVIEW);
    Map<String, List<HistoricActivityInstance>> newVersions = read.activities(NEW_VERSION);
    Map<String, Map<String, List<HistoricActivityInstance>>> reviews = new HashMap<>();
    REVIEWS.forEach((group, activity) -> reviews.put(group, read.activities(activity)));
    Map<String, List<HistoricVariableUpdate>> rounds = read.updates(REVIEW_ROUND.name());
    Map<String, List<HistoricVariableUpdate>> modules = read.updates(MODULE_COUNT.name());
    Map<String, List<HistoricVariableUpdate>> reused = read.updates(REUSED_UNCHANGED.name());
    Map<String, List<HistoricVariableUpdate>> dues = read.updates(REVIEW_DUE_AT.name());

    List<MlrFacts> facts = new ArrayList<>();
    for (HistoricProcessInstance instance : read.instances()) {
      String id = instance.getId();
      Instant previous = null;
      for (Instant approvedAt : completedEnds(approvals.get(id))) {
        boolean renewal = previous != null;
        Instant cycleStart =
            renewal
                ? lastBetween(
                    cycleStarts(periodicReviews.get(id), newVersions.get(id)), previous, approvedAt)
                : instant(instance.getStartTime());
        List<Review> cycleReviews = new ArrayList<>();
        REVIEWS.forEach(
            (group, activity) ->
                cycleReviews.addAll(
                    reviewsIn(
                        group, reviews.get(group).get(id), dues.get(id), cycleStart, approvedAt)));
        int revised = startedIn(revisions.get(id), cycleStart, approvedAt);
        facts.add(
            new MlrFacts(
                id,
                instance.getBusinessKey(),
                cycleStart,
                renewal,
                approvedAt,
                integer(valueAt(rounds.get(id), approvedAt)),
                integer(valueAt(modules.get(id), approvedAt)),
                integer(valueAt(reused.get(id), approvedAt)),
                revised,
                cycleReviews));
        previous = approvedAt;
      }
    }
    return facts;
  }

  /**
   * The completed reviews of one group started in the cycle and completed by its signature, each
   * with the {@code reviewDueAt} in force when it was created.
   */
  private static List<Review> reviewsIn(
      String group,
      List<HistoricActivityInstance> reviews,
      List<HistoricVariableUpdate> dues,
      Instant cycleStart,
      Instant approvedAt) {
    List<Review> inCycle = new ArrayList<>();
    for (HistoricActivityInstance review :
        reviews == null ? List.<HistoricActivityInstance>of() : reviews) {
      if (completed(review)) {
        Instant start = review.getStartTime().toInstant();
        Instant end = review.getEndTime().toInstant();
        if (!start.isBefore(cycleStart) && !end.isAfter(approvedAt)) {
          inCycle.add(new Review(group, start, end, instant(valueAt(dues, start))));
        }
      }
    }
    return inCycle;
  }

  /** How many of the activity instances started in the cycle, up to the signature. */
  private static int startedIn(
      List<HistoricActivityInstance> activities, Instant cycleStart, Instant approvedAt) {
    return activities == null
        ? 0
        : (int)
            activities.stream()
                .map(activity -> activity.getStartTime().toInstant())
                .filter(start -> !start.isBefore(cycleStart) && !start.isAfter(approvedAt))
                .count();
  }

  /** Completed, not cancelled (a task a withdrawal or deletion ended decided nothing). */
  private static boolean completed(HistoricActivityInstance activity) {
    return activity.getEndTime() != null && !activity.isCanceled();
  }

  /** The ends of the completed instances of an activity, earliest first. */
  /** When later review cycles began: a renewal decided, or a new version submitted. */
  private static List<Instant> cycleStarts(
      List<HistoricActivityInstance> renewals, List<HistoricActivityInstance> newVersions) {
    List<Instant> starts = new ArrayList<>(completedEnds(renewals));
    starts.addAll(completedEnds(newVersions));
    return starts;
  }

  private static List<Instant> completedEnds(List<HistoricActivityInstance> activities) {
    return activities == null
        ? List.of()
        : activities.stream()
            .filter(MlrKpiService::completed)
            .map(activity -> activity.getEndTime().toInstant())
            .sorted()
            .toList();
  }

  /**
   * The last of the times after {@code after} and not after {@code until}: the renewal decision
   * that started a later review cycle; {@code after} itself (the previous approval) when there is
   * none.
   */
  private static Instant lastBetween(List<Instant> times, Instant after, Instant until) {
    return times.stream()
        .filter(time -> time.isAfter(after) && !time.isAfter(until))
        .max(Comparator.naturalOrder())
        .orElse(after);
  }

  /** The value the variable held at {@code at}: its last update not after it; null before any. */
  private static Object valueAt(List<HistoricVariableUpdate> updates, Instant at) {
    Object value = null;
    if (updates != null) {
      for (HistoricVariableUpdate update : updates) {
        if (!update.getTime().toInstant().isAfter(at)) {
          value = update.getValue();
        }
      }
    }
    return value;
  }
}
