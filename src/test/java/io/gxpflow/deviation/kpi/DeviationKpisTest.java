package io.gxpflow.deviation.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.deviation.kpi.DeviationFacts.Status;
import io.gxpflow.deviation.kpi.DeviationKpiReport.Closure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The KPI rules on hand-built facts, without engine or Spring. */
class DeviationKpisTest {

  static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void noDeviationsGiveZerosAndNullsWithEveryKeyPresent() {
    DeviationKpiReport report = DeviationKpis.compute(List.of(), NOW);

    assertThat(report.generatedAt()).isEqualTo(NOW);
    assertThat(report.open().total()).isZero();
    assertThat(report.open().bySeverity())
        .containsExactly(
            entry("MINOR", 0L),
            entry("MAJOR", 0L),
            entry("CRITICAL", 0L),
            entry("UNCLASSIFIED", 0L));
    assertThat(report.overdue()).isZero();
    assertThat(report.closure()).containsOnlyKeys("MINOR", "MAJOR", "CRITICAL");
    assertThat(report.closure().keySet()).containsExactly("MINOR", "MAJOR", "CRITICAL");
    assertThat(report.closure().values())
        .allSatisfy(closure -> assertThat(closure).isEqualTo(new Closure(0, null, null, 0, null)));
    assertThat(report.returnsPerDeviation())
        .isEqualTo(new DeviationKpiReport.Returns(null, null, 0));
    assertThat(report.capaEffectiveness())
        .isEqualTo(new DeviationKpiReport.Effectiveness(0, 0, null));
    assertThat(report.cancelled()).isZero();
  }

  @Test
  void openDeviationsBySeverityAndOverdueOnesAmongThem() {
    List<DeviationFacts> facts =
        List.of(
            deviation().severity("MINOR").due(NOW.minusSeconds(1)).build(), // open, overdue
            deviation().severity("MINOR").due(NOW.plus(days(3))).build(), // open
            deviation().severity("MAJOR").due(NOW).build(), // due right now: not yet overdue
            deviation()
                .severity(" critical ")
                .due(NOW.minus(days(20)))
                .build(), // open, overdue, normalized
            deviation().due(NOW.minus(days(1))).build(), // before QA approval, overdue
            deviation().severity("SEVERE").build(), // unknown: unclassified, no due date
            deviation()
                .severity("MINOR")
                .due(NOW.minus(days(5)))
                .closed(NOW.minus(days(6)))
                .build(),
            deviation().severity("MAJOR").due(NOW.minus(days(5))).cancelled().build(),
            deviation().severity("CRITICAL").due(NOW.minus(days(5))).ended().build());

    DeviationKpiReport report = DeviationKpis.compute(facts, NOW);

    assertThat(report.open().total()).isEqualTo(6);
    assertThat(report.open().bySeverity())
        .containsExactly(
            entry("MINOR", 2L),
            entry("MAJOR", 1L),
            entry("CRITICAL", 1L),
            entry("UNCLASSIFIED", 2L));
    assertThat(report.overdue()).isEqualTo(3);
    assertThat(report.cancelled()).isEqualTo(2);
    assertThat(report.closure().get("MINOR").closed()).isEqualTo(1);
  }

  @Test
  void closureDaysAreMeanAndNearestRankP90WithOnTimeRate() {
    List<DeviationFacts> facts = new ArrayList<>();
    // MAJOR closed after 1, 2, … 10 days, out of order; due after 7 days: 1–7 on time (7 exactly at
    // the due date)
    for (int day : new int[] {10, 3, 7, 1, 9, 2, 8, 4, 6, 5}) {
      Instant reported = NOW.minus(days(40));
      facts.add(
          deviation()
              .severity("MAJOR")
              .reported(reported)
              .due(reported.plus(days(7)))
              .closed(reported.plus(days(day)))
              .build());
    }
    // CRITICAL: 2.25 and 0.5 days, the second late; half up: mean 1.375 → 1.4; p90 of two = the
    // larger = 2.25 → 2.3
    Instant reported = NOW.minus(days(10));
    facts.add(
        deviation()
            .severity("CRITICAL")
            .reported(reported)
            .due(reported.plus(days(3)))
            .closed(reported.plus(Duration.ofHours(54)))
            .build());
    facts.add(
        deviation()
            .severity("CRITICAL")
            .reported(reported)
            .due(reported.plus(Duration.ofHours(6)))
            .closed(reported.plus(Duration.ofHours(12)))
            .build());
    // MINOR: one on time of three, one of them without closure time (closed, but neither in the
    // days nor on time)
    facts.add(
        deviation()
            .severity("MINOR")
            .reported(reported)
            .due(reported.plus(days(30)))
            .closed(reported.plus(days(4)))
            .build());
    facts.add(
        deviation()
            .severity("MINOR")
            .reported(reported)
            .due(reported.plus(days(1)))
            .closed(reported.plus(days(2)))
            .build());
    facts.add(
        deviation()
            .severity("MINOR")
            .reported(reported)
            .due(reported.plus(days(30)))
            .closedWithoutTime()
            .build());

    DeviationKpiReport report = DeviationKpis.compute(facts, NOW);

    assertThat(report.closure().get("MAJOR")).isEqualTo(new Closure(10, 5.5, 9.0, 7, 0.7));
    assertThat(report.closure().get("CRITICAL")).isEqualTo(new Closure(2, 1.4, 2.3, 1, 0.5));
    assertThat(report.closure().get("MINOR")).isEqualTo(new Closure(3, 3.0, 4.0, 1, 0.333));
    assertThat(report.open().total()).isZero();
    assertThat(report.overdue()).isZero();
  }

  @Test
  void cancelledAndUnclassifiedClosedDeviationsAreNotInTheClosureStatistics() {
    Instant reported = NOW.minus(days(10));
    List<DeviationFacts> facts =
        List.of(
            deviation()
                .severity("MAJOR")
                .reported(reported)
                .due(reported.plus(days(30)))
                .closed(reported.plus(days(2)))
                .build(),
            // closed, then flagged as raised in error: cancelled wins
            deviation()
                .severity("MAJOR")
                .reported(reported)
                .due(reported.plus(days(1)))
                .closed(reported.plus(days(9)))
                .cancelled()
                .build(),
            // closed without an approved severity: in no severity's statistics
            deviation().reported(reported).closed(reported.plus(days(1))).build());

    DeviationKpiReport report = DeviationKpis.compute(facts, NOW);

    assertThat(report.closure().get("MAJOR")).isEqualTo(new Closure(1, 2.0, 2.0, 1, 1.0));
    assertThat(report.closure().get("MINOR").closed()).isZero();
    assertThat(report.closure().get("CRITICAL").closed()).isZero();
    assertThat(report.cancelled()).isEqualTo(1);
  }

  @Test
  void nearestRankIsTheValueAtTheCeilingOfNinetyPercentOfN() {
    assertThat(DeviationKpis.nearestRank(List.of(4.0), 90)).isEqualTo(4.0);
    assertThat(DeviationKpis.nearestRank(List.of(3.0, 1.0, 2.0), 90))
        .isEqualTo(3.0); // rank ⌈2.7⌉ = 3
    assertThat(DeviationKpis.nearestRank(values(10), 90)).isEqualTo(9.0); // rank 9
    assertThat(DeviationKpis.nearestRank(values(11), 90)).isEqualTo(10.0); // rank ⌈9.9⌉ = 10
    assertThat(DeviationKpis.nearestRank(values(20), 90)).isEqualTo(18.0); // rank 18
    assertThat(DeviationKpis.nearestRank(values(21), 90)).isEqualTo(19.0); // rank ⌈18.9⌉ = 19
  }

  @Test
  void returnsPerDeviationCountNonCancelledDeviationsPastQaApproval() {
    List<DeviationFacts> facts =
        List.of(
            deviation().severity("MINOR").returns(0).build(),
            deviation().severity("MAJOR").returns(1).closed(NOW.minus(days(1))).build(),
            deviation().severity("MAJOR").returns(1).build(),
            deviation().severity("MINOR").returns(5).cancelled().build(), // cancelled: not counted
            deviation().severity("MINOR").returns(7).ended().build(), // terminated: not counted
            deviation().returns(0).build(), // before QA approval: not counted
            deviation().build());

    DeviationKpiReport report = DeviationKpis.compute(facts, NOW);

    assertThat(report.returnsPerDeviation()).isEqualTo(new DeviationKpiReport.Returns(0.67, 1, 3));
  }

  @Test
  void everyEffectivenessCheckCountsNotJustTheLastResult() {
    List<DeviationFacts> facts =
        List.of(
            deviation().severity("MAJOR").closed(NOW).checks("notEffective", "effective").build(),
            deviation().severity("MINOR").closed(NOW).checks("effective").build(),
            deviation().severity("CRITICAL").checks("notEffective", "notEffective").build(),
            deviation().severity("MINOR").checks("pending").build()); // not an outcome

    DeviationKpiReport report = DeviationKpis.compute(facts, NOW);

    assertThat(report.capaEffectiveness())
        .isEqualTo(new DeviationKpiReport.Effectiveness(5, 2, 0.4));
    assertThat(DeviationKpis.compute(facts.subList(0, 2), NOW).capaEffectiveness())
        .isEqualTo(new DeviationKpiReport.Effectiveness(3, 2, 0.667));
  }

  @Test
  void statusOfADeviation() {
    assertThat(deviation().build().status()).isEqualTo(Status.OPEN);
    assertThat(deviation().closed(NOW).build().status()).isEqualTo(Status.CLOSED); // still running
    assertThat(deviation().closed(NOW).ended().build().status()).isEqualTo(Status.CLOSED);
    assertThat(deviation().cancelled().build().status()).isEqualTo(Status.CANCELLED);
    assertThat(deviation().ended().build().status())
        .isEqualTo(Status.CANCELLED); // deleted or terminated
    assertThat(
            new DeviationFacts("p", null, null, null, false, null, null, false, false, null)
                .status())
        .isEqualTo(Status.OPEN);
  }

  private static List<Double> values(int n) {
    List<Double> values =
        new ArrayList<>(IntStream.rangeClosed(1, n).mapToObj(i -> (double) i).toList());
    Collections.reverse(values);
    return values;
  }

  private static Duration days(long days) {
    return Duration.ofDays(days);
  }

  private static Map.Entry<String, Long> entry(String key, Long value) {
    return Map.entry(key, value);
  }

  private static Builder deviation() {
    return new Builder();
  }

  /** A deviation as the model leaves it: only what has happened is set. */
  private static final class Builder {
    private static int sequence;
    private final String id = "pi-" + ++sequence;
    private String severity;
    private Instant reportedAt = NOW.minus(Duration.ofDays(3));
    private Instant closureDueDate;
    private Boolean closed;
    private Instant closedAt;
    private Integer returns;
    private Boolean cancelled;
    private boolean ended;
    private List<String> checks = List.of();

    Builder severity(String severity) {
      this.severity = severity;
      return this;
    }

    Builder reported(Instant reportedAt) {
      this.reportedAt = reportedAt;
      return this;
    }

    Builder due(Instant closureDueDate) {
      this.closureDueDate = closureDueDate;
      return this;
    }

    Builder closed(Instant closedAt) {
      this.closed = true;
      this.closedAt = closedAt;
      return this;
    }

    Builder closedWithoutTime() {
      this.closed = true;
      this.closedAt = null;
      return this;
    }

    Builder returns(int returns) {
      this.returns = returns;
      return this;
    }

    Builder cancelled() {
      this.cancelled = true;
      this.ended = true;
      return this;
    }

    Builder ended() {
      this.ended = true;
      return this;
    }

    Builder checks(String... results) {
      this.checks = List.of(results);
      return this;
    }

    DeviationFacts build() {
      return new DeviationFacts(
          id,
          severity,
          reportedAt,
          closureDueDate,
          closed,
          closedAt,
          returns,
          cancelled,
          ended,
          checks);
    }
  }
}
