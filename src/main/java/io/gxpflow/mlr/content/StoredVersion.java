package io.gxpflow.mlr.content;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A content version as the store keeps it: the content, who submitted it when, the SHA-256 of its
 * content ({@code contentHash}, over a canonical JSON of {@link ContentVersion}: what a signature
 * covers), its status and, once released, its approval code and expiry date (null before).
 */
public record StoredVersion(
    ContentVersion content,
    String submittedBy,
    Instant submittedAt,
    String contentHash,
    ContentStatus status,
    String approvalCode,
    LocalDate expiresOn) {

  public StoredVersion {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(status, "status");
  }
}
