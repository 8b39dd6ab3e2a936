package io.gxpflow.deviation.kpi;

import io.gxpflow.deviation.kpi.DeviationFacts.Status;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The deviation KPIs computed from per-deviation facts: plain Java, no engine, no Spring. The rules
 * (see also {@code docs/api/kpi.md}):
 *
 * <ul>
 *   <li>open, closed, cancelled: {@link DeviationFacts#status()};
 *   <li>severity: {@code MINOR}, {@code MAJOR}, {@code CRITICAL} (case and spaces ignored),
 *       anything else or none is {@code UNCLASSIFIED}; a closed deviation without a known severity
 *       is in no {@code closure} entry;
 *   <li>overdue: open, and {@code closureDueDate} before now;
 *   <li>closure days: {@code deviationClosedAt - reportedAt} in decimal days, over the closed
 *       deviations that have both; mean and 90th percentile (nearest rank: the value at rank
 *       ⌈0.9·n⌉ of the sorted days) rounded to one decimal, half up;
 *   <li>on time: {@code deviationClosedAt <= closureDueDate} (a closed deviation without either is
 *       not on time); {@code onTimeRate = onTime / closed}, three decimals;
 *   <li>returns per deviation: over non-cancelled deviations past QA approval, that is with {@code
 *       classificationReturns} and an approved severity (the model sets the counter to 0 at intake,
 *       the severity only at approval); mean two decimals;
 *   <li>CAPA effectiveness: every {@code effectivenessResult} value recorded ({@code effective} or
 *       {@code notEffective}; other values are not checks), over all deviations; rate three
 *       decimals.
 * </ul>
 */
public final class DeviationKpis {

  /** The approved classifications, in the order the JSON lists them. */
  public static final List<String> SEVERITIES = List.of("MINOR", "MAJOR", "CRITICAL");

  public static final String UNCLASSIFIED = "UNCLASSIFIED";

  static final String EFFECTIVE = "effective";
  static final String NOT_EFFECTIVE = "notEffective";

  private static final double MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

  private DeviationKpis() {}

  public static DeviationKpiReport compute(List<DeviationFacts> deviations, Instant now) {
    Map<String, Long> openBySeverity = new LinkedHashMap<>();
    SEVERITIES.forEach(severity -> openBySeverity.put(severity, 0L));
    openBySeverity.put(UNCLASSIFIED, 0L);
    Map<String, List<DeviationFacts>> closedBySeverity = new LinkedHashMap<>();
    SEVERITIES.forEach(severity -> closedBySeverity.put(severity, new ArrayList<>()));
    long open = 0;
    long overdue = 0;
    long cancelled = 0;
    List<Integer> returns = new ArrayList<>();
    long checks = 0;
    long effective = 0;

    for (DeviationFacts deviation : deviations) {
      String severity = severityOf(deviation.severity());
      Status status = deviation.status();
      switch (status) {
        case OPEN -> {
          open++;
          openBySeverity.merge(severity, 1L, Long::sum);
          if (deviation.closureDueDate() != null && deviation.closureDueDate().isBefore(now)) {
            overdue++;
          }
        }
        case CLOSED -> {
          if (closedBySeverity.containsKey(severity)) {
            closedBySeverity.get(severity).add(deviation);
          }
        }
        case CANCELLED -> cancelled++;
      }
      if (status != Status.CANCELLED
          && deviation.classificationReturns() != null
          && !UNCLASSIFIED.equals(severity)) {
        returns.add(deviation.classificationReturns());
      }
      for (String result : deviation.effectivenessResults()) {
        if (EFFECTIVE.equals(result)) {
          checks++;
          effective++;
        } else if (NOT_EFFECTIVE.equals(result)) {
          checks++;
        }
      }
    }

    Map<String, DeviationKpiReport.Closure> closure = new LinkedHashMap<>();
    closedBySeverity.forEach((severity, closed) -> closure.put(severity, closure(closed)));
    DeviationKpiReport.Returns returnsPerDeviation =
        new DeviationKpiReport.Returns(
            returns.isEmpty()
                ? null
                : round(returns.stream().mapToInt(Integer::intValue).average().orElseThrow(), 2),
            returns.isEmpty() ? null : Collections.max(returns),
            returns.size());
    DeviationKpiReport.Effectiveness effectiveness =
        new DeviationKpiReport.Effectiveness(checks, effective, ratio(effective, checks));
    return new DeviationKpiReport(
        now,
        new DeviationKpiReport.Open(open, openBySeverity),
        overdue,
        closure,
        returnsPerDeviation,
        effectiveness,
        cancelled);
  }

  /** {@code MINOR}, {@code MAJOR}, {@code CRITICAL} or {@code UNCLASSIFIED}. */
  static String severityOf(String severity) {
    if (severity == null) {
      return UNCLASSIFIED;
    }
    String normalized = severity.trim().toUpperCase(Locale.ROOT);
    return SEVERITIES.contains(normalized) ? normalized : UNCLASSIFIED;
  }

  private static DeviationKpiReport.Closure closure(List<DeviationFacts> closed) {
    List<Double> days = new ArrayList<>();
    long onTime = 0;
    for (DeviationFacts deviation : closed) {
      Instant closedAt = deviation.deviationClosedAt();
      if (deviation.reportedAt() != null && closedAt != null) {
        days.add(Duration.between(deviation.reportedAt(), closedAt).toMillis() / MILLIS_PER_DAY);
      }
      if (closedAt != null
          && deviation.closureDueDate() != null
          && !closedAt.isAfter(deviation.closureDueDate())) {
        onTime++;
      }
    }
    Double mean =
        days.isEmpty()
            ? null
            : round(days.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), 1);
    Double p90 = days.isEmpty() ? null : round(nearestRank(days, 90), 1);
    return new DeviationKpiReport.Closure(
        closed.size(), mean, p90, onTime, ratio(onTime, closed.size()));
  }

  /** The value at rank ⌈p/100 · n⌉ (1-based) of the sorted values; the values must not be empty. */
  static double nearestRank(List<Double> values, int percentile) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    int rank =
        (percentile * n + 99)
            / 100; // ceil(percentile * n / 100) in integers, no floating-point edge
    return sorted.get(Math.max(rank, 1) - 1);
  }

  private static Double ratio(long part, long whole) {
    return whole == 0 ? null : round((double) part / whole, 3);
  }

  static double round(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
  }
}
