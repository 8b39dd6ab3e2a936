package io.gxpflow.mlr.review;

import io.gxpflow.mlr.content.ContentDraft;
import io.gxpflow.mlr.content.ContentModule;
import io.gxpflow.mlr.content.ContentRepository;
import io.gxpflow.mlr.content.ContentStatus;
import io.gxpflow.mlr.content.ContentVersion;
import io.gxpflow.mlr.content.ModuleDraft;
import io.gxpflow.mlr.content.StoredVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The content store in memory for engine-level tests: versions in order, statuses changed as the
 * JDBC store does, and every status change with its reason kept for assertions.
 */
final class InMemoryContent implements ContentRepository {

  private static final EnumSet<ContentStatus> WAS_APPROVED =
      EnumSet.of(ContentStatus.APPROVED, ContentStatus.REPLACED, ContentStatus.WITHDRAWN);

  final List<StoredVersion> versions = new ArrayList<>();
  final List<String> statusChanges = new ArrayList<>();
  private final Map<String, String> preApproved;
  private int nextItem = 42;

  InMemoryContent(Map<String, String> preApproved) {
    this.preApproved = preApproved;
  }

  @Override
  public StoredVersion submit(String itemId, ContentDraft draft, String submittedBy) {
    String id = itemId != null ? itemId : String.format("MLR-2026-%04d", nextItem++);
    int version = versions(id).size() + 1;
    versions(id).stream()
        .filter(v -> v.status() == ContentStatus.IN_REVIEW)
        .forEach(v -> replace(v, ContentStatus.SUPERSEDED, null, null, "revised"));
    List<ContentModule> modules = draft.modules().stream().map(m -> module(m)).toList();
    ContentVersion content =
        new ContentVersion(
            id,
            version,
            draft.title(),
            draft.product(),
            draft.markets(),
            draft.channel(),
            draft.audience(),
            modules);
    StoredVersion stored =
        new StoredVersion(
            content,
            submittedBy,
            Instant.parse("2026-12-01T08:00:00Z"),
            "sha256-" + id + "-v" + version,
            ContentStatus.IN_REVIEW,
            null,
            null);
    versions.add(stored);
    return stored;
  }

  private ContentModule module(ModuleDraft draft) {
    String source = draft.preApprovedModuleId();
    return new ContentModule(
        draft.id(),
        draft.type(),
        draft.text(),
        draft.claims(),
        source,
        source == null ? null : preApproved.get(source));
  }

  @Override
  public Optional<StoredVersion> find(String itemId, int version) {
    return versions(itemId).stream().filter(v -> v.content().version() == version).findFirst();
  }

  @Override
  public List<StoredVersion> versions(String itemId) {
    return versions.stream().filter(v -> v.content().itemId().equals(itemId)).toList();
  }

  @Override
  public Optional<StoredVersion> lastApproved(String itemId) {
    return versions(itemId).stream()
        .filter(v -> WAS_APPROVED.contains(v.status()))
        .reduce((a, b) -> b);
  }

  @Override
  public void markApproved(String itemId, int version, String approvalCode, LocalDate expiresOn) {
    versions(itemId).stream()
        .filter(v -> v.status() == ContentStatus.APPROVED)
        .forEach(v -> replace(v, ContentStatus.REPLACED, v.approvalCode(), v.expiresOn(), "new"));
    replace(
        find(itemId, version).orElseThrow(), ContentStatus.APPROVED, approvalCode, expiresOn, "");
  }

  @Override
  public void markWithdrawn(String itemId, String reason) {
    versions(itemId).stream()
        .filter(v -> v.status() == ContentStatus.APPROVED)
        .forEach(v -> replace(v, ContentStatus.WITHDRAWN, v.approvalCode(), v.expiresOn(), reason));
  }

  @Override
  public void markCancelled(String itemId, int version, String reason) {
    replace(find(itemId, version).orElseThrow(), ContentStatus.CANCELLED, null, null, reason);
  }

  @Override
  public List<String> approvedItemsUsingClaim(String claimId) {
    return List.of();
  }

  ContentStatus status(String itemId, int version) {
    return find(itemId, version).orElseThrow().status();
  }

  private void replace(
      StoredVersion old, ContentStatus status, String code, LocalDate expiry, String reason) {
    StoredVersion changed =
        new StoredVersion(
            old.content(),
            old.submittedBy(),
            old.submittedAt(),
            old.contentHash(),
            status,
            code,
            expiry);
    versions.set(versions.indexOf(old), changed);
    statusChanges.add(
        old.content().itemId() + " v" + old.content().version() + " " + status + ": " + reason);
  }
}
