package io.gxpflow.deviation.kpi;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * KPIs of the deviation → CAPA process ({@code deviation-capa}, every version), computed from
 * Camunda's history at the time of the request. Who may read them is decided in
 * SecurityConfiguration ({@code qa}, {@code process-owners}, {@code ops}, {@code camunda-admin};
 * others get {@code 403} problem+json). Rules and examples in {@code docs/api/kpi.md}.
 *
 * <pre>{@code
 * GET /api/kpi/deviations  ->  200 application/json
 * {
 *   "generatedAt": "2026-11-22T09:14:03.120Z",
 *   "open": {"total": 7, "bySeverity": {"MINOR": 3, "MAJOR": 2, "CRITICAL": 1, "UNCLASSIFIED": 1}},
 *   "overdue": 2,
 *   "closure": {
 *     "MINOR":    {"closed": 10, "meanDays": 18.4, "p90Days": 27.9, "onTime": 9, "onTimeRate": 0.9},
 *     "MAJOR":    {"closed": 4,  "meanDays": 25.0, "p90Days": 33.1, "onTime": 3, "onTimeRate": 0.75},
 *     "CRITICAL": {"closed": 0,  "meanDays": null, "p90Days": null, "onTime": 0, "onTimeRate": null}
 *   },
 *   "returnsPerDeviation": {"mean": 0.36, "max": 2, "deviations": 14},
 *   "capaEffectiveness": {"checks": 5, "effective": 4, "rate": 0.8},
 *   "cancelled": 1
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code open}: neither closed ({@code deviationClosed} true) nor cancelled ({@code
 *       deviationCancelled} true, or the instance ended without closure); {@code UNCLASSIFIED} when
 *       QA has not approved a severity yet;
 *   <li>{@code overdue}: open deviations whose {@code closureDueDate} is before {@code
 *       generatedAt};
 *   <li>{@code closure}: per approved severity, days from {@code reportedAt} to {@code
 *       deviationClosedAt} (mean and nearest-rank 90th percentile, one decimal), on time when
 *       {@code deviationClosedAt <= closureDueDate}; {@code null} mean, p90 and rate when none
 *       closed;
 *   <li>{@code returnsPerDeviation}: QA returns of the assessment ({@code classificationReturns})
 *       over the non-cancelled deviations past QA approval (with an approved severity); {@code
 *       null} mean and max when there are none;
 *   <li>{@code capaEffectiveness}: every effectiveness check ever recorded (each update of {@code
 *       effectivenessResult}); {@code rate} = effective / checks, {@code null} without checks;
 *   <li>{@code cancelled}: cancelled deviations, and instances that ended (were deleted) without
 *       closure.
 * </ul>
 */
@RestController
@RequestMapping("/api/kpi")
public class DeviationKpiController {

  private final DeviationKpiService kpis;

  public DeviationKpiController(DeviationKpiService kpis) {
    this.kpis = kpis;
  }

  @GetMapping(path = "/deviations", produces = MediaType.APPLICATION_JSON_VALUE)
  public DeviationKpiReport deviations() {
    return kpis.kpis();
  }
}
