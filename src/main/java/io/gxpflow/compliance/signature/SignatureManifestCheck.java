package io.gxpflow.compliance.signature;

import io.gxpflow.compliance.audit.AuditChain;
import io.gxpflow.compliance.audit.AuditCrossCheck;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.ChainHead;
import io.gxpflow.compliance.audit.VerificationResult;
import io.gxpflow.compliance.audit.VerificationResult.Reason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signature manifests are covered by the audit chain: the SIGNATURE event of each manifest (seq
 * {@code gxp_signature.audit_seq}) carries every field of it — signature id, signer (actor),
 * printed name, UTC time, meaning, record, task and content hash — and the chain's hashes cover the
 * event. A manifest row that no longer matches its event (changed by whoever can write the table),
 * points at no SIGNATURE event, or a SIGNATURE event naming a signature id without its manifest,
 * makes the verification BROKEN, naming the signature.
 */
@Component
class SignatureManifestCheck implements AuditCrossCheck {

  private final JdbcTemplate jdbc;

  SignatureManifestCheck(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<VerificationResult> check(ChainHead head) {
    List<VerificationResult> broken = new ArrayList<>();
    jdbc.query(
        "SELECT s.id, s.signer_id, s.signer_name, s.signed_at, s.meaning, s.business_key,"
            + " s.process_instance_id, s.process_definition_key, s.task_id, s.task_name, s.content_hash, s.audit_seq,"
            + " e.seq AS e_seq, e.event_type AS e_type, e.actor AS e_actor, e.business_key AS e_business_key,"
            + " e.process_instance_id AS e_process_instance_id, e.process_definition_key AS e_process_definition_key,"
            + " e.task_id AS e_task_id, e.details AS e_details"
            + " FROM gxp_signature s LEFT JOIN gxp_audit_event e ON e.seq = s.audit_seq"
            + " WHERE s.audit_seq <= ? ORDER BY s.audit_seq, s.id",
        (ResultSet rs) -> {
          if (broken.isEmpty()) {
            mismatch(rs).ifPresent(broken::add);
          }
        },
        head.lastSeq());
    if (!broken.isEmpty()) {
      return Optional.of(broken.get(0));
    }
    // SIGNATURE events naming a signature (every one SignatureService appends) whose manifest is
    // gone
    List<VerificationResult> missing = new ArrayList<>();
    jdbc.query(
        "SELECT e.seq, e.details FROM gxp_audit_event e WHERE e.event_type = ? AND e.seq <= ?"
            + " AND NOT EXISTS (SELECT 1 FROM gxp_signature s WHERE s.audit_seq = e.seq) ORDER BY e.seq",
        (ResultSet rs) -> {
          Object signatureId = AuditChain.parseDetails(rs.getString("details")).get("signatureId");
          if (missing.isEmpty() && signatureId != null) {
            long seq = rs.getLong("seq");
            missing.add(
                VerificationResult.broken(
                    seq,
                    Reason.SIGNATURE_MISMATCH,
                    "signature manifest "
                        + signatureId
                        + " of the SIGNATURE audit event at seq "
                        + seq
                        + " is missing from gxp_signature (removed)"));
          }
        },
        AuditEventTypes.SIGNATURE,
        head.lastSeq());
    if (!missing.isEmpty()) {
      return Optional.of(missing.get(0));
    }
    return Optional.empty();
  }

  private static Optional<VerificationResult> mismatch(ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    long seq = rs.getLong("audit_seq");
    String name = "signature manifest " + id + " (audit seq " + seq + ")";
    if (rs.getObject("e_seq") == null
        || !AuditEventTypes.SIGNATURE.equals(rs.getString("e_type"))) {
      return Optional.of(
          VerificationResult.broken(
              seq, Reason.SIGNATURE_MISMATCH, name + " does not point at a SIGNATURE audit event"));
    }
    Map<String, Object> details = AuditChain.parseDetails(rs.getString("e_details"));
    List<String> changed = new ArrayList<>();
    compare(changed, "id", id, details.get("signatureId"));
    compare(changed, "signer_id", rs.getString("signer_id"), rs.getString("e_actor"));
    compare(changed, "signer_name", rs.getString("signer_name"), details.get("signerName"));
    compare(
        changed,
        "signed_at",
        instant(rs.getTimestamp("signed_at")),
        instant(details.get("signedAt")));
    compare(changed, "meaning", rs.getString("meaning"), details.get("meaning"));
    compare(changed, "business_key", rs.getString("business_key"), rs.getString("e_business_key"));
    compare(
        changed,
        "process_instance_id",
        rs.getString("process_instance_id"),
        rs.getString("e_process_instance_id"));
    compare(
        changed,
        "process_definition_key",
        rs.getString("process_definition_key"),
        rs.getString("e_process_definition_key"));
    compare(changed, "task_id", rs.getString("task_id"), rs.getString("e_task_id"));
    compare(changed, "task_name", rs.getString("task_name"), details.get("taskName"));
    compare(
        changed, "content_hash", strip(rs.getString("content_hash")), details.get("contentHash"));
    if (changed.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        VerificationResult.broken(
            seq,
            Reason.SIGNATURE_MISMATCH,
            name
                + " no longer matches its SIGNATURE audit event: "
                + String.join(", ", changed)
                + " changed"));
  }

  private static void compare(List<String> changed, String column, Object manifest, Object event) {
    if (!Objects.equals(manifest, event == null ? null : event.toString())
        && !Objects.equals(manifest, event)) {
      changed.add(column);
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static Instant instant(Object text) {
    try {
      return text == null ? null : Instant.parse(text.toString());
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }
}
