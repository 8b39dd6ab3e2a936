package io.gxpflow.deviation.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * The answer of {@code GET /api/kpi/deviations}; field by field in {@code docs/api/kpi.md}. Absent
 * values are {@code null} in the JSON, never left out.
 *
 * @param generatedAt when the numbers were computed (server clock, UTC)
 * @param open deviations neither closed nor cancelled, in total and by approved severity
 * @param overdue open deviations whose {@code closureDueDate} has passed
 * @param closure per severity ({@code MINOR}, {@code MAJOR}, {@code CRITICAL}, always all three):
 *     closed deviations, days from reporting to closure, closed on time
 * @param returnsPerDeviation how often QA returned the assessment, over non-cancelled deviations
 *     past QA approval
 * @param capaEffectiveness every effectiveness check and how many found the CAPA effective
 * @param cancelled deviations cancelled, or ended without closure
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeviationKpiReport(
    Instant generatedAt,
    Open open,
    long overdue,
    Map<String, Closure> closure,
    Returns returnsPerDeviation,
    Effectiveness capaEffectiveness,
    long cancelled) {

  /**
   * {@code bySeverity} has the keys {@code MINOR}, {@code MAJOR}, {@code CRITICAL}, {@code
   * UNCLASSIFIED}.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Open(long total, Map<String, Long> bySeverity) {}

  /**
   * {@code meanDays}, {@code p90Days} (1 decimal) and {@code onTimeRate} (3 decimals) are null when
   * none closed.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Closure(
      long closed, Double meanDays, Double p90Days, long onTime, Double onTimeRate) {}

  /** {@code mean} (2 decimals) and {@code max} are null when no deviation counts. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Returns(Double mean, Integer max, long deviations) {}

  /** {@code rate} (3 decimals) is null when there was no check. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Effectiveness(long checks, long effective, Double rate) {}
}
