package io.gxpflow.mlr.content;

import java.util.List;

/** Reviewers' module comments; written through the review API, read by the process. */
public interface CommentRepository {

  /** Stores the comment (its id and time are the store's) and audits it. */
  ModuleComment add(ModuleComment comment);

  /** The comments of a review round of the item, oldest first. */
  List<ModuleComment> ofRound(String itemId, int round);
}
