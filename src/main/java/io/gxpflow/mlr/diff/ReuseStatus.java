package io.gxpflow.mlr.diff;

/** A module against the pre-approved module it names as its source. */
public enum ReuseStatus {
  /** The module names no pre-approved source. */
  NOT_REUSED,
  /** Exactly the pre-approved text: approved already, counted in the reuse rate. */
  UNCHANGED,
  /** The pre-approved text, edited: the word diff shows the edit; it needs review. */
  CHANGED,
  /**
   * The named source is not among the pre-approved modules given (retired, expired, or a wrong id):
   * nothing vouches for the text, so it needs review and does not count as reuse.
   */
  SOURCE_NOT_FOUND
}
