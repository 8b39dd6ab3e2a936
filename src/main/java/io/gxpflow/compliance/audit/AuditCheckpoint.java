package io.gxpflow.compliance.audit;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;

/**
 * A keyed checkpoint of the audit chain: at {@code createdAt} the chain ended at {@code seq} with
 * {@code hash}, and {@code mac} ({@link CheckpointKey}) proves it was the application, holding the
 * key, that said so. Kept in {@code gxp_audit_checkpoint} and, outside the database, in the
 * checkpoint file and the log ({@code source}).
 */
public record AuditCheckpoint(
    long seq,
    String hash,
    @JsonFormat(shape = JsonFormat.Shape.STRING, timezone = "UTC") Instant createdAt,
    String mac,
    String source) {

  static final String FILE_PREFIX = "AUDIT-CHECKPOINT";

  /**
   * One line of the checkpoint file and the log: {@code AUDIT-CHECKPOINT seq=… hash=… at=… mac=…}.
   */
  String line() {
    return FILE_PREFIX + " seq=" + seq + " hash=" + hash + " at=" + createdAt + " mac=" + mac;
  }

  /** A line of the checkpoint file back, or null when it is not a checkpoint line. */
  static AuditCheckpoint parse(String line, String source) {
    String text = line.strip();
    int start = text.indexOf(FILE_PREFIX + " ");
    if (start < 0) {
      return null;
    }
    Long seq = null;
    String hash = null;
    Instant at = null;
    String mac = null;
    for (String part : text.substring(start + FILE_PREFIX.length()).trim().split("\\s+")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String value = part.substring(eq + 1);
      try {
        switch (part.substring(0, eq)) {
          case "seq" -> seq = Long.parseLong(value);
          case "hash" -> hash = value;
          case "at" -> at = Instant.parse(value);
          case "mac" -> mac = value;
          default -> {}
        }
      } catch (RuntimeException unreadable) {
        return null;
      }
    }
    return seq == null || hash == null || mac == null
        ? null
        : new AuditCheckpoint(seq, hash, at, mac, source);
  }
}
