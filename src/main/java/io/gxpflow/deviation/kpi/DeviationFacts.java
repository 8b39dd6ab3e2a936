package io.gxpflow.deviation.kpi;

import java.time.Instant;
import java.util.List;

/**
 * What the KPIs need to know about one deviation ({@code deviation-capa} process instance), as its
 * process variables and its history tell it. Any value is {@code null} when the process has not
 * reached the step that sets it.
 *
 * @param processInstanceId the Camunda process instance
 * @param severity {@code severity}: the approved classification, {@code MINOR}, {@code MAJOR} or
 *     {@code CRITICAL}
 * @param reportedAt {@code reportedAt}: intake
 * @param closureDueDate {@code closureDueDate}
 * @param deviationClosed {@code deviationClosed}: QA closure approval signed and the QMS record
 *     closed
 * @param deviationClosedAt {@code deviationClosedAt}
 * @param classificationReturns {@code classificationReturns}: times QA returned the assessment (set
 *     at QA approval)
 * @param deviationCancelled {@code deviationCancelled}: cancelled as a duplicate or raised in error
 * @param ended the process instance has ended (completed, cancelled or deleted)
 * @param effectivenessResults every value {@code effectivenessResult} took, one per effectiveness
 *     check, in order
 */
public record DeviationFacts(
    String processInstanceId,
    String severity,
    Instant reportedAt,
    Instant closureDueDate,
    Boolean deviationClosed,
    Instant deviationClosedAt,
    Integer classificationReturns,
    Boolean deviationCancelled,
    boolean ended,
    List<String> effectivenessResults) {

  /** Where a deviation stands for the KPIs. */
  public enum Status {
    OPEN,
    CLOSED,
    CANCELLED
  }

  public DeviationFacts {
    effectivenessResults =
        effectivenessResults == null ? List.of() : List.copyOf(effectivenessResults);
  }

  /**
   * Cancelled when {@code deviationCancelled} is true (even if it was also closed) or when the
   * instance ended without {@code deviationClosed} = true (deleted, terminated); closed when {@code
   * deviationClosed} is true, whether the instance still runs (effectiveness check) or not; open
   * otherwise.
   */
  public Status status() {
    if (Boolean.TRUE.equals(deviationCancelled)) {
      return Status.CANCELLED;
    }
    if (Boolean.TRUE.equals(deviationClosed)) {
      return Status.CLOSED;
    }
    return ended ? Status.CANCELLED : Status.OPEN;
  }
}
