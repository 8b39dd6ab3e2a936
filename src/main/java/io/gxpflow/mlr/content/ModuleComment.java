package io.gxpflow.mlr.content;

import java.time.Instant;
import java.util.Objects;

/**
 * A reviewer's comment on one module of one version, in one review round: {@code mandatory} ones
 * must be addressed (they send the item back to its author), suggested ones may be. {@code
 * reviewGroup} is the review the comment belongs to ({@code mlr-medical}, {@code mlr-legal}, {@code
 * mlr-regulatory}).
 */
public record ModuleComment(
    long id,
    String itemId,
    int version,
    int round,
    String moduleId,
    boolean mandatory,
    String text,
    String author,
    String reviewGroup,
    String taskId,
    Instant createdAt) {

  public ModuleComment {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(moduleId, "moduleId");
    Objects.requireNonNull(text, "text");
  }
}
