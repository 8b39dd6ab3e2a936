package io.gxpflow.batchrelease.kpi;

import static io.gxpflow.batchrelease.kpi.BatchKpiNames.*;

import java.time.Instant;
import java.util.List;

/**
 * What the KPIs need to know about one batch ({@code batch-release} process instance), as its
 * process variables and its history tell it. A value is {@code null} when the process has not
 * reached the step that sets it.
 *
 * @param processInstanceId the Camunda process instance
 * @param batchNumber the business key
 * @param startedAt start of the process instance
 * @param batchRecordCompletedAt {@code batchRecordCompletedAt}: when the MES completed the batch
 *     record
 * @param endedAt end of the process instance, null while it runs
 * @param endEvent which of the end events {@code EndEvent_Released} and {@code EndEvent_Rejected}
 *     it reached; null when neither (running, deleted)
 * @param releaseDecision {@code releaseDecision}: {@code RELEASE} or {@code REJECT}
 * @param reviewDepth {@code reviewDepth}: {@code NONE}, {@code EXCEPTIONS_ONLY} or {@code FULL}
 * @param certifiedAt end of the last completed (not cancelled) QP certification task
 * @param holds every {@code OnHold} activity of the instance, in any order
 */
public record BatchFacts(
    String processInstanceId,
    String batchNumber,
    Instant startedAt,
    Instant batchRecordCompletedAt,
    Instant endedAt,
    String endEvent,
    String releaseDecision,
    String reviewDepth,
    Instant certifiedAt,
    List<Hold> holds) {

  /** Where a batch stands for the KPIs. */
  public enum Status {
    RELEASED,
    REJECTED,
    ON_HOLD,
    IN_PROGRESS,
    CANCELLED
  }

  /** One stay in {@code OnHold}; {@code end} is null while the batch is still there. */
  public record Hold(Instant start, Instant end) {}

  public BatchFacts {
    holds = holds == null ? List.of() : List.copyOf(holds);
  }

  /**
   * Released or rejected by the end event it reached; else, ended, cancelled (deleted, terminated).
   * Running: on hold while in {@code OnHold}; else released or rejected once the QP certified with
   * that decision (the steps after the decision, MES status and CRM supply, may still be running);
   * else in progress.
   */
  public Status status() {
    if (END_RELEASED.equals(endEvent)) {
      return Status.RELEASED;
    }
    if (END_REJECTED.equals(endEvent)) {
      return Status.REJECTED;
    }
    if (endedAt != null) {
      return Status.CANCELLED;
    }
    if (holds.stream().anyMatch(hold -> hold.end() == null)) {
      return Status.ON_HOLD;
    }
    if (certifiedAt != null && RELEASE.equals(releaseDecision)) {
      return Status.RELEASED;
    }
    if (certifiedAt != null && REJECT.equals(releaseDecision)) {
      return Status.REJECTED;
    }
    return Status.IN_PROGRESS;
  }

  /**
   * When the batch was decided: the QP certification, or the end of the instance when it has none;
   * null unless released or rejected.
   */
  public Instant decidedAt() {
    Status status = status();
    if (status != Status.RELEASED && status != Status.REJECTED) {
      return null;
    }
    return certifiedAt != null ? certifiedAt : endedAt;
  }

  /** Where the lead time starts: the MES's batch record completion, else the instance start. */
  public Instant leadTimeStart() {
    return batchRecordCompletedAt != null ? batchRecordCompletedAt : startedAt;
  }
}
