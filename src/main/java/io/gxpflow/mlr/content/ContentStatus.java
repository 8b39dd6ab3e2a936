package io.gxpflow.mlr.content;

/**
 * Where a content version stands. Only the status of a version changes once it is submitted; its
 * content never does.
 */
public enum ContentStatus {
  /** Submitted, in pre-check or review. */
  IN_REVIEW,
  /** Replaced by a later version before it was approved. */
  SUPERSEDED,
  /** Approved and released for distribution until its expiry date. */
  APPROVED,
  /** Was approved; a later approved version replaced it. */
  REPLACED,
  /** Was approved; withdrawn from distribution (a claim withdrawn, retired, expired). */
  WITHDRAWN,
  /** The review was cancelled by the coordinator. */
  CANCELLED
}
