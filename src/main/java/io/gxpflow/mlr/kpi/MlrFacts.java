package io.gxpflow.mlr.kpi;

import java.time.Instant;
import java.util.List;

/**
 * What the KPIs need to know about one signed approval of an {@code mlr-review} item: one review
 * cycle, from submission (or the renewal decision of a periodic review) to the signature of {@code
 * Task_Approve}, as the process variables and the history tell it. The values are those the
 * variables held when the approval was signed; null when the process had not set them.
 *
 * @param processInstanceId the Camunda process instance
 * @param itemId the business key, the content item id ({@code MLR-2026-0042})
 * @param cycleStartedAt the start of the process instance (the submission); for a renewal, the end
 *     of the periodic review that renewed the item
 * @param renewal a later approval of the same instance, after a periodic review renewed the item
 * @param approvedAt the completion of {@code Task_Approve}: the signature
 * @param reviewRound {@code reviewRound} at approval
 * @param moduleCount {@code moduleCount} at approval
 * @param reusedUnchangedModules {@code reusedUnchangedModules} at approval
 * @param revisions the {@code Task_Revise} instances started in the cycle, before the approval
 * @param reviews the completed review tasks of the cycle
 */
public record MlrFacts(
    String processInstanceId,
    String itemId,
    Instant cycleStartedAt,
    boolean renewal,
    Instant approvedAt,
    Integer reviewRound,
    Integer moduleCount,
    Integer reusedUnchangedModules,
    int revisions,
    List<Review> reviews) {

  /**
   * One completed review task: {@code group} is {@code medical}, {@code legal} or {@code
   * regulatory}; {@code dueAt} is the {@code reviewDueAt} in force when the task was created, null
   * when there was none.
   */
  public record Review(String group, Instant start, Instant end, Instant dueAt) {

    /** Completed after it was due; one without a due time is never overdue. */
    public boolean overdue() {
      return dueAt != null && end.isAfter(dueAt);
    }
  }

  public MlrFacts {
    reviews = reviews == null ? List.of() : List.copyOf(reviews);
  }

  /**
   * How often the item went back to its author in this cycle: every {@code Task_Revise} before the
   * approval, except, in a renewal, the first, which the renewal itself opens.
   */
  public int returns() {
    return renewal ? Math.max(revisions - 1, 0) : revisions;
  }

  /**
   * Approved in the first round and never returned to the author (by a blocking pre-check or a
   * review); null when {@code reviewRound} is unknown.
   */
  public Boolean firstTimeRight() {
    return reviewRound == null ? null : reviewRound == 1 && returns() == 0;
  }
}
