package io.gxpflow.mlr.api;

import io.gxpflow.mlr.content.ContentStatus;
import io.gxpflow.mlr.content.ModuleComment;
import io.gxpflow.mlr.diff.VersionDiff;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Review tab of an {@code mlr-review} task shows ({@code GET
 * /api/mlr/tasks/{taskId}/review}): the version under review, the findings of its latest pre-check,
 * what changed against its base and the module comments. Plain records, plain Jackson.
 *
 * @param version the version under review (process variable {@code contentVersion})
 * @param round the review round (process variable {@code reviewRound})
 * @param precheck the latest pre-check run of this version; null when none was recorded
 * @param against what the diff compares with; null for the first version of an item
 * @param diff the module and word diff ({@code ModuleDiffer}), as it is
 * @param preApprovedTexts the approved text of each pre-approved module the version reuses, by id
 * @param moduleTypes {@code BODY} or {@code ISI} of each module of the version, by id
 * @param comments the module comments of this round, oldest first
 * @param previousRoundComments on the author's revision task, the comments of the round before
 *     (what to address); else empty
 * @param reviewGroup the review the task is ({@code mlr-medical}, {@code mlr-legal}, {@code
 *     mlr-regulatory}); null for the other tasks
 * @param mayComment the caller may add module comments here: a review task assigned to them
 */
public record ReviewView(
    String taskId,
    String taskName,
    String taskDefinitionKey,
    String itemId,
    int version,
    int round,
    Content content,
    Precheck precheck,
    Against against,
    VersionDiff diff,
    Map<String, String> preApprovedTexts,
    Map<String, String> moduleTypes,
    List<ModuleComment> comments,
    List<ModuleComment> previousRoundComments,
    String reviewGroup,
    boolean mayComment) {

  /** The facts of the version a reviewer reads the modules with. */
  public record Content(
      String title,
      String product,
      Set<String> markets,
      String channel,
      String audience,
      ContentStatus status,
      String contentHash) {}

  /**
   * One run of the pre-check on this version.
   *
   * @param round the review round the run belongs to
   */
  public record Precheck(
      int round, Instant checkedAt, int score, boolean blocked, List<FindingView> findings) {}

  /**
   * A finding as the tab lists it; for a finding in a module, the span ({@code start} inclusive,
   * {@code end} exclusive, UTF-16 code units of the module's text as submitted) and the text around
   * it ({@code before}, {@code excerpt}, {@code after}, at most {@value ReviewTasks#CONTEXT}
   * characters either side) so the tab can highlight it without counting itself. All null for a
   * finding on the whole item.
   */
  public record FindingView(
      String rule,
      String severity,
      String moduleId,
      Integer start,
      Integer end,
      String before,
      String excerpt,
      String after,
      String message) {}

  /**
   * The base of the diff: the last approved version of the item before this one ({@code APPROVED}),
   * else the version before this one ({@code PREVIOUS}: nothing of it was approved, so "unchanged"
   * means unchanged since the last round, not approved).
   */
  public record Against(int version, Kind kind) {

    public enum Kind {
      APPROVED,
      PREVIOUS
    }
  }
}
