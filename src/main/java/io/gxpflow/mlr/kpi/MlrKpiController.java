package io.gxpflow.mlr.kpi;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * KPIs of MLR review ({@code mlr-review}, every version) over the approvals signed in a window of
 * days, computed from Camunda's history at the time of the request. Who may read them is decided in
 * SecurityConfiguration ({@code qa}, {@code qp}, {@code process-owners}, {@code ops}, {@code
 * mlr-coordinators}, {@code camunda-admin}; others get {@code 403} problem+json). Rules and
 * examples in {@code docs/processes/mlr-review.md} (KPIs).
 *
 * <pre>{@code
 * GET /api/kpi/mlr?from=2026-11-01&to=2026-11-30  ->  200 application/json
 * {
 *   "generatedAt": "2026-12-01T09:14:03.120Z",
 *   "window": {"from": "2026-11-01", "to": "2026-11-30"},
 *   "approvals": 14,
 *   "cycleTime": {"approvals": 14, "medianDays": 12.4, "p90Days": 23.0, "benchmark": 21,
 *                 "withinBenchmark": 12, "withinBenchmarkShare": 0.857},
 *   "rounds": {"approvals": 14, "mean": 1.29, "distribution": {"1": 11, "2": 2, "3": 1, "4+": 0}},
 *   "reuse": {"approvals": 14, "reusedUnchangedModules": 31, "moduleCount": 88, "rate": 0.352},
 *   "firstTimeRight": {"approvals": 14, "firstTimeRight": 9, "share": 0.643},
 *   "reviewGroups": {
 *     "medical":    {"reviews": 17, "medianDays": 2.1, "p90Days": 4.8, "overdue": 2},
 *     "legal":      {"reviews": 9,  "medianDays": 1.4, "p90Days": 3.0, "overdue": 0},
 *     "regulatory": {"reviews": 0,  "medianDays": null, "p90Days": null, "overdue": 0}
 *   }
 * }
 * }</pre>
 *
 * <p>{@code from} and {@code to} are optional ISO-8601 dates (UTC days, both included); anything
 * else, or {@code to} before {@code from}, is a {@code 400} problem {@code
 * urn:gxpflow:problem:invalid-request} naming the parameter.
 */
@RestController
@RequestMapping("/api/kpi")
public class MlrKpiController {

  private final MlrKpiService kpis;

  public MlrKpiController(MlrKpiService kpis) {
    this.kpis = kpis;
  }

  @GetMapping(path = "/mlr", produces = MediaType.APPLICATION_JSON_VALUE)
  public MlrKpiReport mlr(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return kpis.kpis(MlrKpiWindow.parse(from, to));
  }
}
