package io.gxpflow.mlr.kpi;

import static io.gxpflow.mlr.kpi.MlrKpiNames.REVIEWS;

import io.gxpflow.mlr.kpi.MlrFacts.Review;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MLR review KPIs computed from per-approval facts: plain Java, no engine, no Spring. Over the
 * approvals signed in the window (see also {@code docs/processes/mlr-review.md}, KPIs):
 *
 * <ul>
 *   <li>cycle time: {@link MlrFacts#cycleStartedAt()} to {@link MlrFacts#approvedAt()} in decimal
 *       days; median (the mean of the two middle values when their number is even) and 90th
 *       percentile (nearest rank: the value at rank ⌈0.9·n⌉ of the sorted days), one decimal, half
 *       up; within the benchmark when at most {@value #BENCHMARK_DAYS} days (unrounded);
 *   <li>rounds: {@code reviewRound} at approval, mean (two decimals) and how many approvals took 1,
 *       2, 3 or more rounds;
 *   <li>reuse: the sum of {@code reusedUnchangedModules} over the sum of {@code moduleCount}, both
 *       at approval and over the approvals that have both (counts added, not rates averaged);
 *   <li>first time right: {@link MlrFacts#firstTimeRight()}, over the approvals with a round;
 *   <li>review groups: every completed review task of the cycles counted, its duration (median and
 *       90th percentile as above) and whether it was completed after its {@code reviewDueAt}.
 * </ul>
 */
public final class MlrKpis {

  /**
   * The industry's median days from submission to MLR approval of a promotional item (Veeva's
   * benchmark, issue 14), to compare the median cycle time with.
   */
  public static final int BENCHMARK_DAYS = 21;

  /** The keys of {@code rounds.distribution}: rounds 1, 2, 3, and 4 or more. */
  static final List<String> ROUND_KEYS = List.of("1", "2", "3", "4+");

  private static final double MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

  private MlrKpis() {}

  public static MlrKpiReport compute(List<MlrFacts> facts, MlrKpiWindow window, Instant now) {
    List<MlrFacts> approvals =
        facts.stream().filter(approval -> window.contains(approval.approvedAt())).toList();

    List<Double> cycleDays = new ArrayList<>();
    List<Integer> rounds = new ArrayList<>();
    Map<String, Long> distribution = new LinkedHashMap<>();
    ROUND_KEYS.forEach(key -> distribution.put(key, 0L));
    long reuseApprovals = 0;
    long reused = 0;
    long modules = 0;
    long firstTimeRight = 0;
    Map<String, List<Review>> reviews = new LinkedHashMap<>();
    REVIEWS.keySet().forEach(group -> reviews.put(group, new ArrayList<>()));

    for (MlrFacts approval : approvals) {
      if (approval.cycleStartedAt() != null
          && !approval.approvedAt().isBefore(approval.cycleStartedAt())) {
        cycleDays.add(days(approval.cycleStartedAt(), approval.approvedAt()));
      }
      Integer round = approval.reviewRound();
      if (round != null && round >= 1) {
        rounds.add(round);
        distribution.merge(ROUND_KEYS.get(Math.min(round, ROUND_KEYS.size()) - 1), 1L, Long::sum);
        if (Boolean.TRUE.equals(approval.firstTimeRight())) {
          firstTimeRight++;
        }
      }
      if (approval.moduleCount() != null
          && approval.reusedUnchangedModules() != null
          && approval.moduleCount() >= 0
          && approval.reusedUnchangedModules() >= 0) {
        reuseApprovals++;
        reused += approval.reusedUnchangedModules();
        modules += approval.moduleCount();
      }
      for (Review review : approval.reviews()) {
        if (reviews.containsKey(review.group())) {
          reviews.get(review.group()).add(review);
        }
      }
    }

    long withinBenchmark = cycleDays.stream().filter(days -> days <= BENCHMARK_DAYS).count();
    Map<String, MlrKpiReport.ReviewGroup> groups = new LinkedHashMap<>();
    reviews.forEach((group, done) -> groups.put(group, reviewGroup(done)));
    return new MlrKpiReport(
        now,
        new MlrKpiReport.Window(window.from(), window.to()),
        approvals.size(),
        new MlrKpiReport.CycleTime(
            cycleDays.size(),
            cycleDays.isEmpty() ? null : round(median(cycleDays), 1),
            cycleDays.isEmpty() ? null : round(nearestRank(cycleDays, 90), 1),
            BENCHMARK_DAYS,
            withinBenchmark,
            ratio(withinBenchmark, cycleDays.size())),
        new MlrKpiReport.Rounds(
            rounds.size(),
            rounds.isEmpty()
                ? null
                : round(rounds.stream().mapToInt(Integer::intValue).average().orElseThrow(), 2),
            distribution),
        new MlrKpiReport.Reuse(
            reuseApprovals,
            reused,
            modules,
            modules == 0 ? null : round((double) reused / modules, 3)),
        new MlrKpiReport.FirstTimeRight(
            rounds.size(), firstTimeRight, ratio(firstTimeRight, rounds.size())),
        groups);
  }

  private static MlrKpiReport.ReviewGroup reviewGroup(List<Review> reviews) {
    List<Double> days = new ArrayList<>();
    long overdue = 0;
    for (Review review : reviews) {
      if (!review.end().isBefore(review.start())) {
        days.add(days(review.start(), review.end()));
      }
      if (review.overdue()) {
        overdue++;
      }
    }
    return new MlrKpiReport.ReviewGroup(
        reviews.size(),
        days.isEmpty() ? null : round(median(days), 1),
        days.isEmpty() ? null : round(nearestRank(days, 90), 1),
        overdue);
  }

  private static double days(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / MILLIS_PER_DAY;
  }

  /** The middle value, or the mean of the two middle values; the values must not be empty. */
  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** The value at rank ⌈p/100 · n⌉ (1-based) of the sorted values; the values must not be empty. */
  static double nearestRank(List<Double> values, int percentile) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    // ceil(percentile * n / 100) in integers, no floating-point edge
    int rank = (percentile * sorted.size() + 99) / 100;
    return sorted.get(Math.max(rank, 1) - 1);
  }

  private static Double ratio(long part, long whole) {
    return whole == 0 ? null : round((double) part / whole, 3);
  }

  static double round(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
  }
}
