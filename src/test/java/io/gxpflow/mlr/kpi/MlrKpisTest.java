package io.gxpflow.mlr.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.mlr.kpi.MlrFacts.Review;
import io.gxpflow.mlr.kpi.MlrKpiReport.CycleTime;
import io.gxpflow.mlr.kpi.MlrKpiReport.FirstTimeRight;
import io.gxpflow.mlr.kpi.MlrKpiReport.Reuse;
import io.gxpflow.mlr.kpi.MlrKpiReport.ReviewGroup;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The MLR KPI rules on facts set by hand; every expected number worked out below. */
class MlrKpisTest {

  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  static final Instant SUBMITTED = Instant.parse("2026-10-01T00:00:00Z");

  @Test
  void cycleTimeIsMedianAndNearestRankAgainstThe21DayBenchmark() {
    List<MlrFacts> facts = new ArrayList<>();
    // 10 approvals after 5, 10, ..., 50 days: median (25 + 30) / 2, p90 the 9th, 45
    for (int i = 1; i <= 10; i++) {
      facts.add(approval().days(5 * i).build());
    }
    // exactly 21 days is within; 21 days and a minute is not
    facts.add(approval().days(21).build());
    facts.add(approval().days(21 + 1.0 / 1440).build());

    CycleTime cycle = MlrKpis.compute(facts, MlrKpiWindow.ALL, NOW).cycleTime();

    // sorted: 5 10 15 20 21 21+ 25 30 35 40 45 50: median (21+ + 25) / 2 = 23.0; p90 rank 11: 45
    assertThat(cycle).isEqualTo(new CycleTime(12, 23.0, 45.0, 21, 5, 0.417));
  }

  @Test
  void roundsAreAveragedAndDistributedWithFourAndMoreTogether() {
    List<MlrFacts> facts =
        List.of(
            approval().round(1).build(),
            approval().round(1).build(),
            approval().round(2).build(),
            approval().round(3).build(),
            approval().round(4).build(),
            approval().round(7).build(),
            // no round on record: in no round figure, nor in first time right
            approval().round(null).build());

    MlrKpiReport report = MlrKpis.compute(facts, MlrKpiWindow.ALL, NOW);

    // (1 + 1 + 2 + 3 + 4 + 7) / 6 = 3.0
    assertThat(report.rounds().approvals()).isEqualTo(6);
    assertThat(report.rounds().mean()).isEqualTo(3.0);
    assertThat(report.rounds().distribution())
        .containsExactly(
            Map.entry("1", 2L), Map.entry("2", 1L), Map.entry("3", 1L), Map.entry("4+", 2L));
    assertThat(report.firstTimeRight()).isEqualTo(new FirstTimeRight(6, 2, 0.333));
    assertThat(report.approvals()).isEqualTo(7);
  }

  @Test
  void reuseAddsTheCountsRatherThanAveragingRates() {
    List<MlrFacts> facts =
        List.of(
            // 1 of 1 (a rate of 1.0) and 0 of 9 (0.0): the mean of rates would say 0.5
            approval().modules(1, 1).build(),
            approval().modules(9, 0).build(),
            // without both counts: not counted
            approval().modules(null, 2).build(),
            approval().modules(4, null).build());

    Reuse reuse = MlrKpis.compute(facts, MlrKpiWindow.ALL, NOW).reuse();

    assertThat(reuse).isEqualTo(new Reuse(2, 1, 10, 0.1));
  }

  @Test
  void firstTimeRightIsRoundOneWithoutAReturn() {
    List<MlrFacts> facts =
        List.of(
            approval().round(1).build(),
            // round 1, but a blocking pre-check sent it back once
            approval().round(1).revisions(1).build(),
            // a second round
            approval().round(2).revisions(1).build(),
            // a renewal: its first revision is the renewal's own, not a return
            approval().round(1).renewal().revisions(1).build(),
            approval().round(1).renewal().revisions(2).build());

    assertThat(facts).extracting(MlrFacts::returns).containsExactly(0, 1, 1, 0, 1);
    assertThat(MlrKpis.compute(facts, MlrKpiWindow.ALL, NOW).firstTimeRight())
        .isEqualTo(new FirstTimeRight(5, 2, 0.4));
  }

  @Test
  void reviewGroupsTakeTheDurationsAndCountTheOverdue() {
    Instant start = SUBMITTED.plus(span(1));
    List<MlrFacts> facts =
        List.of(
            approval()
                .review("medical", start, 1, start.plus(span(2)))
                .review("medical", start, 3, start.plus(span(2)))
                .review("legal", start, 2, null)
                .build(),
            approval()
                .review("medical", start, 2, start.plus(span(2)))
                .review("legal", start, 0.5, start.plus(span(0.25)))
                // not one of the three groups: ignored
                .review("marketing", start, 9, null)
                .build());

    Map<String, ReviewGroup> groups = MlrKpis.compute(facts, MlrKpiWindow.ALL, NOW).reviewGroups();

    // medical 1, 3 (overdue), 2 (exactly due: on time); legal 2 (no due time), 0.5 (overdue)
    assertThat(groups)
        .containsExactly(
            Map.entry("medical", new ReviewGroup(3, 2.0, 3.0, 1)),
            Map.entry("legal", new ReviewGroup(2, 1.3, 2.0, 1)),
            Map.entry("regulatory", new ReviewGroup(0, null, null, 0)));
  }

  @Test
  void theWindowCountsApprovalsSignedOnItsDaysInUtcBothIncluded() {
    List<MlrFacts> facts =
        List.of(
            approval().approvedAt("2026-10-31T23:59:59.999Z").build(),
            approval().approvedAt("2026-11-01T00:00:00Z").build(),
            approval().approvedAt("2026-11-30T23:59:59.999Z").build(),
            approval().approvedAt("2026-12-01T00:00:00Z").build());

    assertThat(count(facts, "2026-11-01", "2026-11-30")).isEqualTo(2);
    assertThat(count(facts, "2026-11-01", null)).isEqualTo(3);
    assertThat(count(facts, null, "2026-11-30")).isEqualTo(3);
    assertThat(count(facts, "2026-11-30", "2026-11-30")).isEqualTo(1);
    assertThat(count(facts, null, null)).isEqualTo(4);
  }

  @Test
  void withoutApprovalsEveryCountIsZeroAndEveryStatisticNull() {
    MlrKpiReport report =
        MlrKpis.compute(
            List.of(approval().approvedAt("2026-01-01T00:00:00Z").build()),
            new MlrKpiWindow(LocalDate.parse("2026-11-01"), null),
            NOW);

    assertThat(report.generatedAt()).isEqualTo(NOW);
    assertThat(report.window())
        .isEqualTo(new MlrKpiReport.Window(LocalDate.parse("2026-11-01"), null));
    assertThat(report.approvals()).isZero();
    assertThat(report.cycleTime()).isEqualTo(new CycleTime(0, null, null, 21, 0, null));
    assertThat(report.rounds().mean()).isNull();
    assertThat(report.rounds().distribution()).containsOnlyKeys("1", "2", "3", "4+");
    assertThat(report.reuse()).isEqualTo(new Reuse(0, 0, 0, null));
    assertThat(report.firstTimeRight()).isEqualTo(new FirstTimeRight(0, 0, null));
    assertThat(report.reviewGroups().values()).containsOnly(new ReviewGroup(0, null, null, 0));
  }

  @Test
  void anApprovalBeforeItsCycleStartHasNoCycleTimeButCountsOtherwise() {
    MlrKpiReport report =
        MlrKpis.compute(
            List.of(approval().started(SUBMITTED.plus(span(3))).days(-3).build()),
            MlrKpiWindow.ALL,
            NOW);

    assertThat(report.approvals()).isEqualTo(1);
    assertThat(report.cycleTime().approvals()).isZero();
    assertThat(report.firstTimeRight().firstTimeRight()).isEqualTo(1);
  }

  private static long count(List<MlrFacts> facts, String from, String to) {
    return MlrKpis.compute(
            facts,
            new MlrKpiWindow(
                from == null ? null : LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to)),
            NOW)
        .approvals();
  }

  static Duration span(double days) {
    return Duration.ofMillis(Math.round(days * Duration.ofDays(1).toMillis()));
  }

  static Builder approval() {
    return new Builder();
  }

  /** An approval submitted on {@link #SUBMITTED}, signed 10 days later, round 1, no revision. */
  static final class Builder {
    Instant started = SUBMITTED;
    Instant approvedAt = SUBMITTED.plus(span(10));
    boolean renewal;
    Integer round = 1;
    Integer modules = 4;
    Integer reused = 0;
    int revisions;
    List<Review> reviews = new ArrayList<>();

    Builder started(Instant at) {
      started = at;
      return this;
    }

    Builder days(double days) {
      approvedAt = started.plus(span(days));
      return this;
    }

    Builder approvedAt(String at) {
      approvedAt = Instant.parse(at);
      return this;
    }

    Builder renewal() {
      renewal = true;
      return this;
    }

    Builder round(Integer value) {
      round = value;
      return this;
    }

    Builder modules(Integer count, Integer reusedUnchanged) {
      modules = count;
      reused = reusedUnchanged;
      return this;
    }

    Builder revisions(int count) {
      revisions = count;
      return this;
    }

    Builder review(String group, Instant start, double days, Instant dueAt) {
      reviews.add(new Review(group, start, start.plus(span(days)), dueAt));
      return this;
    }

    MlrFacts build() {
      return new MlrFacts(
          "pi",
          "MLR-2026-0042",
          started,
          renewal,
          approvedAt,
          round,
          modules,
          reused,
          revisions,
          reviews);
    }
  }
}
