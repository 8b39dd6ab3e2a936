package io.gxpflow.batchrelease.kpi;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * KPIs of batch release ({@code batch-release}, every version), computed from Camunda's history at
 * the time of the request. Who may read them is decided in SecurityConfiguration ({@code qa},
 * {@code qp}, {@code process-owners}, {@code ops}, {@code camunda-admin}; others get {@code 403}
 * problem+json). Rules and examples in {@code docs/api/kpi.md}.
 *
 * <pre>{@code
 * GET /api/kpi/batches  ->  200 application/json
 * {
 *   "generatedAt": "2026-11-22T09:14:03.120Z",
 *   "batches": {"released": 12, "rejected": 1, "onHold": 2, "inProgress": 3, "cancelled": 0},
 *   "leadTime": {"batches": 13, "medianDays": 4.2, "p90Days": 8.3,
 *                "benchmarkLeadTimeDays": 7.1, "withinBenchmark": 11, "withinBenchmarkRate": 0.846},
 *   "noManualReview": {"decided": 13, "releasedWithoutReview": 7, "share": 0.538},
 *   "timeOnHold": {"heldBatches": 3, "holds": 4, "totalDays": 9.5, "medianDaysPerHeldBatch": 2.5}
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code batches}: released or rejected when the QP decided so (the instance may still be
 *       setting the MES status or publishing supply) or it ended in that end event; on hold while
 *       in {@code OnHold}; in progress otherwise; cancelled when it ended without a decision;
 *   <li>{@code leadTime}: days from {@code batchRecordCompletedAt} (else the instance start) to the
 *       QP certification (else the instance end), median and nearest-rank 90th percentile, and how
 *       many were within the 7.1-day benchmark;
 *   <li>{@code noManualReview}: released with review depth {@code NONE}, over decided batches;
 *   <li>{@code timeOnHold}: every {@code OnHold} stay (a running one until now), in total and as
 *       the median per held batch.
 * </ul>
 */
@RestController
@RequestMapping("/api/kpi")
public class BatchKpiController {

  private final BatchKpiService kpis;

  public BatchKpiController(BatchKpiService kpis) {
    this.kpis = kpis;
  }

  @GetMapping(path = "/batches", produces = MediaType.APPLICATION_JSON_VALUE)
  public BatchKpiReport batches() {
    return kpis.kpis();
  }
}
