package io.gxpflow.mlr.content;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The content items and their versions, in the project's own tables (never in process variables). A
 * version is immutable once submitted: only its status, approval code and expiry change. Every
 * write is audited in the same transaction.
 */
public interface ContentRepository {

  /**
   * Stores a new version: version 1 of a new item (itemId null: the store gives the next {@code
   * MLR-<year>-<nnnn>}) or the next version of an existing item. The previous version, if still
   * {@code IN_REVIEW}, becomes {@code SUPERSEDED}. Refused ({@link ContentRefused}) when a module
   * id is used twice, a pre-approved module named is unknown, or the item does not exist.
   */
  StoredVersion submit(String itemId, ContentDraft draft, String submittedBy);

  /** The version, or empty. */
  Optional<StoredVersion> find(String itemId, int version);

  /** Every version of the item, oldest first; empty when the item does not exist. */
  List<StoredVersion> versions(String itemId);

  /** The last version that was approved (status APPROVED, REPLACED or WITHDRAWN), or empty. */
  Optional<StoredVersion> lastApproved(String itemId);

  /**
   * Marks the version approved with its approval code and expiry; an earlier APPROVED version of
   * the item becomes REPLACED.
   */
  void markApproved(String itemId, int version, String approvalCode, LocalDate expiresOn);

  /** Marks the item's APPROVED version WITHDRAWN (no-op when none), with the reason. */
  void markWithdrawn(String itemId, String reason);

  /** Marks an IN_REVIEW version CANCELLED, with the reason. */
  void markCancelled(String itemId, int version, String reason);

  /** Items with an APPROVED version whose modules use the claim. */
  List<String> approvedItemsUsingClaim(String claimId);
}
