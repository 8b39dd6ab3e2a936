package io.gxpflow.compliance.signature;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The signature manifests ({@code gxp_signature}, append-only on PostgreSQL): stored in the signing
 * transaction, read per record.
 */
@Repository
public class SignatureManifests {

  private static final RowMapper<SignatureManifest> MANIFEST =
      (rs, row) ->
          new SignatureManifest(
              rs.getString("id"),
              rs.getString("signer_id"),
              rs.getString("signer_name"),
              rs.getTimestamp("signed_at").toInstant(),
              rs.getString("meaning"),
              rs.getString("business_key"),
              rs.getString("process_instance_id"),
              rs.getString("process_definition_key"),
              rs.getString("task_id"),
              rs.getString("task_name"),
              rs.getString("content_hash"),
              rs.getLong("audit_seq"));

  private final JdbcTemplate jdbc;

  public SignatureManifests(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Joins the caller's transaction: the manifest commits with the completion and its SIGNATURE
   * event.
   */
  void store(SignatureManifest manifest) {
    jdbc.update(
        "insert into gxp_signature (id, signer_id, signer_name, signed_at, meaning, business_key, "
            + "process_instance_id, process_definition_key, task_id, task_name, content_hash, audit_seq) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        manifest.id(),
        manifest.signerId(),
        manifest.signerName(),
        Timestamp.from(manifest.signedAt()),
        manifest.meaning(),
        manifest.businessKey(),
        manifest.processInstanceId(),
        manifest.processDefinitionKey(),
        manifest.taskId(),
        manifest.taskName(),
        manifest.contentHash(),
        manifest.auditSeq());
  }

  public List<SignatureManifest> findByBusinessKey(String businessKey) {
    return jdbc.query(
        "select * from gxp_signature where business_key = ? order by signed_at, id",
        MANIFEST,
        businessKey);
  }
}
