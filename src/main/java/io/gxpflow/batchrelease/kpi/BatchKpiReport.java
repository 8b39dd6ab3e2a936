package io.gxpflow.batchrelease.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The answer of {@code GET /api/kpi/batches}; field by field in {@code docs/api/kpi.md}. Absent
 * values are {@code null} in the JSON, never left out.
 *
 * @param generatedAt when the numbers were computed (server clock, UTC)
 * @param batches where every batch stands now
 * @param leadTime days from batch record completion to decision, against the benchmark
 * @param noManualReview decided batches released without a QA review
 * @param timeOnHold time spent in {@code OnHold}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BatchKpiReport(
    Instant generatedAt,
    Batches batches,
    LeadTime leadTime,
    NoManualReview noManualReview,
    TimeOnHold timeOnHold) {

  /** Counts by {@link BatchFacts.Status}. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Batches(
      long released, long rejected, long onHold, long inProgress, long cancelled) {}

  /**
   * {@code medianDays}, {@code p90Days} (1 decimal) and {@code withinBenchmarkRate} (3 decimals)
   * are null when no batch was decided.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record LeadTime(
      long batches,
      Double medianDays,
      Double p90Days,
      double benchmarkLeadTimeDays,
      long withinBenchmark,
      Double withinBenchmarkRate) {}

  /** {@code share} (3 decimals) is null when no batch was decided. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record NoManualReview(long decided, long releasedWithoutReview, Double share) {}

  /**
   * {@code totalDays} and {@code medianDaysPerHeldBatch} in 1 decimal; the median is null without
   * holds.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record TimeOnHold(
      long heldBatches, long holds, double totalDays, Double medianDaysPerHeldBatch) {}
}
