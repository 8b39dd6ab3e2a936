package io.gxpflow.mlr.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The answer of {@code GET /api/kpi/mlr}; field by field in {@code docs/processes/mlr-review.md}
 * (KPIs). Absent values are {@code null} in the JSON, never left out.
 *
 * @param generatedAt when the numbers were computed (server clock, UTC)
 * @param window the days whose approvals count, as asked (null: open-ended)
 * @param approvals approvals signed in the window: the review cycles every other figure is over
 * @param cycleTime days from submission to signature, against the 21-day benchmark
 * @param rounds review rounds per approval
 * @param reuse modules reused unchanged from pre-approved ones, over all modules
 * @param firstTimeRight approved in the first round, never returned to the author
 * @param reviewGroups per review group ({@code medical}, {@code legal}, {@code regulatory}, always
 *     all three): how long its reviews took and how many were overdue
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MlrKpiReport(
    Instant generatedAt,
    Window window,
    long approvals,
    CycleTime cycleTime,
    Rounds rounds,
    Reuse reuse,
    FirstTimeRight firstTimeRight,
    Map<String, ReviewGroup> reviewGroups) {

  /** The window's first and last day (UTC, both included); null when not bounded. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Window(LocalDate from, LocalDate to) {}

  /**
   * {@code medianDays}, {@code p90Days} (1 decimal) and {@code withinBenchmarkShare} (3 decimals)
   * are null without approvals.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record CycleTime(
      long approvals,
      Double medianDays,
      Double p90Days,
      int benchmark,
      long withinBenchmark,
      Double withinBenchmarkShare) {}

  /**
   * {@code mean} (2 decimals) is null without approvals; {@code distribution} counts approvals by
   * their round: keys {@code 1}, {@code 2}, {@code 3} and {@code 4+}, always all four.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Rounds(long approvals, Double mean, Map<String, Long> distribution) {}

  /** {@code rate} (3 decimals) is null when no module was counted. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Reuse(long approvals, long reusedUnchangedModules, long moduleCount, Double rate) {}

  /** {@code share} (3 decimals) is null without approvals. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record FirstTimeRight(long approvals, long firstTimeRight, Double share) {}

  /**
   * {@code medianDays} and {@code p90Days} (1 decimal) are null without reviews; {@code overdue}
   * counts reviews completed after their {@code reviewDueAt}.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record ReviewGroup(long reviews, Double medianDays, Double p90Days, long overdue) {}
}
