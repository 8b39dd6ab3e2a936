package io.gxpflow.batchrelease.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.batchrelease.kpi.BatchFacts.Hold;
import io.gxpflow.batchrelease.kpi.BatchFacts.Status;
import io.gxpflow.batchrelease.kpi.BatchKpiReport.Batches;
import io.gxpflow.batchrelease.kpi.BatchKpiReport.LeadTime;
import io.gxpflow.batchrelease.kpi.BatchKpiReport.NoManualReview;
import io.gxpflow.batchrelease.kpi.BatchKpiReport.TimeOnHold;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch release KPI rules on facts set by hand; every expected number worked out below. */
class BatchKpisTest {

  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  static final Instant COMPLETED = NOW.minus(days(30));

  @Test
  void countsLeadTimesAgainstTheBenchmarkAndReleasesWithoutReview() {
    List<BatchFacts> facts =
        List.of(
            // A: released 2 days after the batch record, no review
            batch()
                .completed(COMPLETED)
                .certified(COMPLETED.plus(days(2)))
                .ended(COMPLETED.plus(days(2.1)), "EndEvent_Released")
                .decision("RELEASE")
                .depth("NONE")
                .build(),
            // B: no batch record time from the MES: from the instance start, 3 days
            batch()
                .started(COMPLETED.plus(days(1)))
                .certified(COMPLETED.plus(days(4)))
                .ended(COMPLETED.plus(days(4)), "EndEvent_Released")
                .decision("RELEASE")
                .depth("NONE")
                .build(),
            // C: no certification on record: to the instance end, 4.5 days
            batch()
                .completed(COMPLETED)
                .ended(COMPLETED.plus(days(4.5)), "EndEvent_Released")
                .depth("EXCEPTIONS_ONLY")
                .build(),
            // D: certified RELEASE after exactly 7.1 days (within), still telling MES and CRM
            batch()
                .completed(COMPLETED)
                .certified(COMPLETED.plus(days(7.1)))
                .decision("RELEASE")
                .depth("NONE")
                .build(),
            // E: rejected, certified after 9.5 days, the instance ended half a day later
            batch()
                .completed(COMPLETED)
                .certified(COMPLETED.plus(days(9.5)))
                .ended(COMPLETED.plus(days(10)), "EndEvent_Rejected")
                .decision("REJECT")
                .depth("FULL")
                .build(),
            // F: the MES event came a day before the instance started: 12 days, not 11
            batch()
                .completed(COMPLETED)
                .started(COMPLETED.plus(days(1)))
                .certified(COMPLETED.plus(days(12)))
                .ended(COMPLETED.plus(days(12)), "EndEvent_Released")
                .decision("RELEASE")
                .depth("FULL")
                .build(),
            // G: on hold now, 1.5 days once and for half a day since
            batch()
                .completed(COMPLETED)
                .hold(NOW.minus(days(5)), NOW.minus(days(3.5)))
                .hold(NOW.minus(days(0.5)), null)
                .build(),
            // H: QA review running
            batch().completed(COMPLETED).depth("FULL").build(),
            // I: the QP saved a decision in the form but has not certified: still in progress
            batch().completed(COMPLETED).depth("NONE").decision("RELEASE").build(),
            // J: deleted: cancelled
            batch().completed(COMPLETED).ended(NOW.minus(days(1)), null).build());

    BatchKpiReport report = BatchKpis.compute(facts, NOW);

    assertThat(report.generatedAt()).isEqualTo(NOW);
    assertThat(report.batches()).isEqualTo(new Batches(5, 1, 1, 2, 1));
    // lead days 2, 3, 4.5, 7.1, 9.5, 12: median (4.5 + 7.1) / 2 = 5.8; p90 rank ⌈5.4⌉ = 6 → 12;
    // within 7.1: 2, 3, 4.5, 7.1 = 4 of 6
    assertThat(report.leadTime()).isEqualTo(new LeadTime(6, 5.8, 12.0, 7.1, 4, 0.667));
    // A, B, D released with depth NONE, of 6 decided (I's NONE is not decided)
    assertThat(report.noManualReview()).isEqualTo(new NoManualReview(6, 3, 0.5));
    // G only: 1.5 + 0.5 (still running) = 2.0
    assertThat(report.timeOnHold()).isEqualTo(new TimeOnHold(1, 2, 2.0, 2.0));
  }

  @Test
  void timeOnHoldSumsEveryStayPerBatchAndTakesTheMedianOverHeldBatches() {
    List<BatchFacts> facts =
        List.of(
            // 2 + 1 = 3 days, released
            batch()
                .hold(NOW.minus(days(20)), NOW.minus(days(18)))
                .hold(NOW.minus(days(10)), NOW.minus(days(9)))
                .certified(NOW.minus(days(2)))
                .decision("RELEASE")
                .ended(NOW.minus(days(2)), "EndEvent_Released")
                .build(),
            // 0.25 + 0.75 until now = 1 day, on hold
            batch()
                .hold(NOW.minus(days(2)), NOW.minus(days(1.75)))
                .hold(NOW.minus(days(0.75)), null)
                .build(),
            // 4 days, the hold cancelled with the instance
            batch()
                .hold(NOW.minus(days(6)), NOW.minus(days(2)))
                .ended(NOW.minus(days(2)), null)
                .build(),
            // 0.5 days, back in progress
            batch().hold(NOW.minus(days(3)), NOW.minus(days(2.5))).build(),
            // never held
            batch().build());

    BatchKpiReport report = BatchKpis.compute(facts, NOW);

    // per held batch 3, 1, 4, 0.5: sorted 0.5, 1, 3, 4, median (1 + 3) / 2 = 2; total 8.5
    assertThat(report.timeOnHold()).isEqualTo(new TimeOnHold(4, 6, 8.5, 2.0));
    assertThat(report.batches()).isEqualTo(new Batches(1, 0, 1, 2, 1));
  }

  @Test
  void withoutBatchesEveryCountIsZeroAndEveryStatisticNull() {
    BatchKpiReport report = BatchKpis.compute(List.of(), NOW);

    assertThat(report.batches()).isEqualTo(new Batches(0, 0, 0, 0, 0));
    assertThat(report.leadTime()).isEqualTo(new LeadTime(0, null, null, 7.1, 0, null));
    assertThat(report.noManualReview()).isEqualTo(new NoManualReview(0, 0, null));
    assertThat(report.timeOnHold()).isEqualTo(new TimeOnHold(0, 0, 0.0, null));
  }

  @Test
  void aBatchRecordCompletedAfterTheDecisionIsDecidedButHasNoLeadTime() {
    List<BatchFacts> facts =
        List.of(
            batch()
                .completed(NOW.minus(days(1)))
                .certified(NOW.minus(days(2)))
                .ended(NOW.minus(days(2)), "EndEvent_Released")
                .decision("RELEASE")
                .depth("NONE")
                .build(),
            // 8.25 days: beyond the benchmark; one value is its own median and p90
            batch()
                .completed(NOW.minus(days(10)))
                .certified(NOW.minus(days(1.75)))
                .ended(NOW.minus(days(1.75)), "EndEvent_Rejected")
                .decision("REJECT")
                .depth("FULL")
                .build());

    BatchKpiReport report = BatchKpis.compute(facts, NOW);

    assertThat(report.batches()).isEqualTo(new Batches(1, 1, 0, 0, 0));
    assertThat(report.leadTime()).isEqualTo(new LeadTime(1, 8.3, 8.3, 7.1, 0, 0.0));
    assertThat(report.noManualReview()).isEqualTo(new NoManualReview(2, 1, 0.5));
  }

  @Test
  void statusOfABatch() {
    assertThat(batch().build().status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(batch().ended(NOW, "EndEvent_Released").build().status()).isEqualTo(Status.RELEASED);
    // the end event reached wins over a stale variable
    assertThat(batch().decision("RELEASE").ended(NOW, "EndEvent_Rejected").build().status())
        .isEqualTo(Status.REJECTED);
    // the end event reached in one branch while another still runs
    assertThat(batch().ended(null, "EndEvent_Released").build().status())
        .isEqualTo(Status.RELEASED);
    assertThat(batch().ended(NOW, null).build().status()).isEqualTo(Status.CANCELLED);
    assertThat(batch().ended(NOW, "SomeOtherEnd").build().status()).isEqualTo(Status.CANCELLED);
    assertThat(batch().certified(NOW).decision("REJECT").build().status())
        .isEqualTo(Status.REJECTED);
    // certified, then held again (the model sends a late hold back): on hold, not released
    assertThat(
            batch()
                .certified(NOW.minus(days(1)))
                .decision("RELEASE")
                .hold(NOW.minus(days(0.5)), null)
                .build()
                .status())
        .isEqualTo(Status.ON_HOLD);
    assertThat(batch().hold(NOW.minus(days(2)), NOW.minus(days(1))).build().status())
        .isEqualTo(Status.IN_PROGRESS);
    assertThat(batch().certified(NOW).decision("maybe").build().status())
        .isEqualTo(Status.IN_PROGRESS);
    assertThat(batch().certified(NOW).build().decidedAt()).isNull();
  }

  @Test
  void medianAndNearestRank() {
    assertThat(BatchKpis.median(List.of(4.0))).isEqualTo(4.0);
    assertThat(BatchKpis.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    assertThat(BatchKpis.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    assertThat(BatchKpis.nearestRank(List.of(4.0), 90)).isEqualTo(4.0);
    assertThat(BatchKpis.nearestRank(values(10), 90)).isEqualTo(9.0); // rank 9
    assertThat(BatchKpis.nearestRank(values(11), 90)).isEqualTo(10.0); // rank ⌈9.9⌉ = 10
  }

  @Test
  void theMesTimestampIsReadWithAnyOffsetOrAsADate() {
    Instant expected = Instant.parse("2026-11-22T08:15:00Z");
    assertThat(BatchKpiService.timestamp("2026-11-22T08:15:00Z")).isEqualTo(expected);
    assertThat(BatchKpiService.timestamp("2026-11-22T09:15:00+01:00")).isEqualTo(expected);
    assertThat(BatchKpiService.timestamp(Date.from(expected))).isEqualTo(expected);
    assertThat(BatchKpiService.timestamp("22.11.2026 08:15")).isNull();
    assertThat(BatchKpiService.timestamp(42)).isNull();
    assertThat(BatchKpiService.timestamp(null)).isNull();
  }

  private static List<Double> values(int n) {
    List<Double> values = new ArrayList<>();
    for (int i = n; i >= 1; i--) {
      values.add((double) i);
    }
    return values;
  }

  private static Duration days(double days) {
    return Duration.ofMillis(Math.round(days * Duration.ofDays(1).toMillis()));
  }

  private static Builder batch() {
    return new Builder();
  }

  /** A batch as the model leaves it: only what has happened is set. */
  private static final class Builder {
    private static int sequence;
    private final String id = "pi-" + ++sequence;
    private Instant startedAt = COMPLETED;
    private Instant completedAt;
    private Instant endedAt;
    private String endEvent;
    private String decision;
    private String depth;
    private Instant certifiedAt;
    private final List<Hold> holds = new ArrayList<>();

    Builder started(Instant startedAt) {
      this.startedAt = startedAt;
      return this;
    }

    Builder completed(Instant completedAt) {
      this.completedAt = completedAt;
      return this;
    }

    Builder ended(Instant endedAt, String endEvent) {
      this.endedAt = endedAt;
      this.endEvent = endEvent;
      return this;
    }

    Builder decision(String decision) {
      this.decision = decision;
      return this;
    }

    Builder depth(String depth) {
      this.depth = depth;
      return this;
    }

    Builder certified(Instant certifiedAt) {
      this.certifiedAt = certifiedAt;
      return this;
    }

    Builder hold(Instant start, Instant end) {
      holds.add(new Hold(start, end));
      return this;
    }

    BatchFacts build() {
      return new BatchFacts(
          id,
          "B-" + id,
          startedAt,
          completedAt,
          endedAt,
          endEvent,
          decision,
          depth,
          certifiedAt,
          holds);
    }
  }
}
