package io.gxpflow.batchrelease.kpi;

import static io.gxpflow.batchrelease.kpi.BatchKpiNames.NO_REVIEW;

import io.gxpflow.batchrelease.kpi.BatchFacts.Hold;
import io.gxpflow.batchrelease.kpi.BatchFacts.Status;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The batch release KPIs computed from per-batch facts: plain Java, no engine, no Spring. The rules
 * (see also {@code docs/api/kpi.md}):
 *
 * <ul>
 *   <li>released, rejected, on hold, in progress, cancelled: {@link BatchFacts#status()};
 *   <li>lead time: {@link BatchFacts#leadTimeStart()} to {@link BatchFacts#decidedAt()} in decimal
 *       days, over released and rejected batches (a negative one, a batch record completed after
 *       the decision by the MES's clock, is left out); median (the mean of the two middle values
 *       when their number is even) and 90th percentile (nearest rank: the value at rank ⌈0.9·n⌉ of
 *       the sorted days), one decimal, half up; within the benchmark when at most {@value
 *       #BENCHMARK_LEAD_TIME_DAYS} days;
 *   <li>no manual review: released batches whose {@code reviewDepth} is {@code NONE}, over all
 *       decided (released or rejected) batches, three decimals;
 *   <li>time on hold: every {@code OnHold} stay, one still going counted until now; total over all
 *       batches and median of the per-batch sums over the batches that were ever held.
 * </ul>
 */
public final class BatchKpis {

  /**
   * Median days from batch record to release decision with a MES-connected release, the figure the
   * pharma IT ecosystem study reports (down from 27.6 days without).
   */
  public static final double BENCHMARK_LEAD_TIME_DAYS = 7.1;

  private static final double MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

  private BatchKpis() {}

  public static BatchKpiReport compute(List<BatchFacts> batches, Instant now) {
    Map<Status, Long> counts = new EnumMap<>(Status.class);
    List<Double> leadDays = new ArrayList<>();
    long decided = 0;
    long releasedWithoutReview = 0;
    List<Double> heldDays = new ArrayList<>();
    long holds = 0;
    double totalHeldDays = 0;

    for (BatchFacts batch : batches) {
      Status status = batch.status();
      counts.merge(status, 1L, Long::sum);
      if (status == Status.RELEASED || status == Status.REJECTED) {
        decided++;
        if (status == Status.RELEASED && NO_REVIEW.equals(batch.reviewDepth())) {
          releasedWithoutReview++;
        }
        Instant start = batch.leadTimeStart();
        Instant decidedAt = batch.decidedAt();
        if (start != null && decidedAt != null && !decidedAt.isBefore(start)) {
          leadDays.add(days(start, decidedAt));
        }
      }
      if (!batch.holds().isEmpty()) {
        double sum = 0;
        for (Hold hold : batch.holds()) {
          Instant end = hold.end() != null ? hold.end() : now;
          if (hold.start() != null && !end.isBefore(hold.start())) {
            sum += days(hold.start(), end);
          }
        }
        holds += batch.holds().size();
        heldDays.add(sum);
        totalHeldDays += sum;
      }
    }

    long withinBenchmark =
        leadDays.stream().filter(days -> days <= BENCHMARK_LEAD_TIME_DAYS).count();
    BatchKpiReport.LeadTime leadTime =
        new BatchKpiReport.LeadTime(
            leadDays.size(),
            leadDays.isEmpty() ? null : round(median(leadDays), 1),
            leadDays.isEmpty() ? null : round(nearestRank(leadDays, 90), 1),
            BENCHMARK_LEAD_TIME_DAYS,
            withinBenchmark,
            ratio(withinBenchmark, leadDays.size()));
    return new BatchKpiReport(
        now,
        new BatchKpiReport.Batches(
            counts.getOrDefault(Status.RELEASED, 0L),
            counts.getOrDefault(Status.REJECTED, 0L),
            counts.getOrDefault(Status.ON_HOLD, 0L),
            counts.getOrDefault(Status.IN_PROGRESS, 0L),
            counts.getOrDefault(Status.CANCELLED, 0L)),
        leadTime,
        new BatchKpiReport.NoManualReview(
            decided, releasedWithoutReview, ratio(releasedWithoutReview, decided)),
        new BatchKpiReport.TimeOnHold(
            heldDays.size(),
            holds,
            round(totalHeldDays, 1),
            heldDays.isEmpty() ? null : round(median(heldDays), 1)));
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
