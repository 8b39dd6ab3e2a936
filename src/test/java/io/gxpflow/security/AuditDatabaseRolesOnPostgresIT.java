package io.gxpflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.audit.ChainHead;
import io.gxpflow.support.DatabaseOwner;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.ItProfiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The role split on PostgreSQL (issue 10, point 5): the application's own connection — what an
 * attacker with the application's database credentials, or with code execution in it, holds — can
 * append to and read the audit trail, the checkpoints and the signatures, and nothing else: no
 * UPDATE, DELETE or TRUNCATE, no disabling or replacing a trigger (it owns no table), and the chain
 * head only moves forward, for the owner too while its trigger is on. H2 has one user and no
 * triggers: there the keyed checkpoints are the defence (AuditCheckpointIT); this class runs in the
 * PostgreSQL pass of .ci/run only.
 */
@IntegrationTest
class AuditDatabaseRolesOnPostgresIT {

  static final List<String> APPEND_ONLY =
      List.of("gxp_audit_event", "gxp_signature", "gxp_audit_checkpoint");

  @Autowired JdbcTemplate jdbc;
  @Autowired AuditTrail auditTrail;
  DatabaseOwner owner;

  @BeforeEach
  void onPostgresOnly() {
    // roles and triggers exist on PostgreSQL only: the H2 build leaves *OnPostgresIT out (pom.xml),
    // never skips
    assertThat(ItProfiles.onPostgres()).as("an *OnPostgresIT runs in the PostgreSQL pass").isTrue();
    owner = new DatabaseOwner(jdbc);
    auditTrail.record(
        AuditEvent.of(AuditEventTypes.CHANGE_REQUESTED, "quinn", Map.of("probe", "roles")));
  }

  @AfterEach
  void close() {
    if (owner != null) {
      owner.close();
    }
  }

  @Test
  void theApplicationConnectsAsARoleThatOwnsNoneOfTheTables() {
    String appRole = jdbc.queryForObject("SELECT current_user", String.class);
    String ownerRole = owner.jdbc().queryForObject("SELECT current_user", String.class);
    assertThat(appRole).isEqualTo(System.getProperty("GXPFLOW_DB_USER")).isNotEqualTo(ownerRole);
    assertThat(
            jdbc.queryForObject(
                "SELECT rolsuper FROM pg_roles WHERE rolname = current_user", Boolean.class))
        .isFalse();
    assertThat(
            jdbc.queryForList(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                    + " AND tableowner = current_user",
                String.class))
        .isEmpty();
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
                    + " AND tableowner = ?",
                Long.class,
                ownerRole))
        .isPositive();
    // what the engine needs on its tables
    for (String privilege : List.of("SELECT", "INSERT", "UPDATE", "DELETE")) {
      assertThat(
              jdbc.queryForObject(
                  "SELECT has_table_privilege('act_ru_task', ?)", Boolean.class, privilege))
          .as(privilege)
          .isTrue();
    }
  }

  @Test
  void theApplicationRoleCannotUpdateDeleteOrTruncateTheAppendOnlyTables() {
    for (String table : APPEND_ONLY) {
      assertThat(
              jdbc.queryForObject("SELECT has_table_privilege(?, 'SELECT')", Boolean.class, table))
          .isTrue();
      assertThat(
              jdbc.queryForObject("SELECT has_table_privilege(?, 'INSERT')", Boolean.class, table))
          .isTrue();
      refused(
          "UPDATE "
              + table
              + " SET "
              + (table.equals("gxp_signature") ? "meaning = meaning" : "hash = hash"),
          "permission denied");
      refused("DELETE FROM " + table, "permission denied");
      refused("TRUNCATE " + table, "permission denied");
    }
  }

  @Test
  void theApplicationRoleCannotDisableOrReplaceTheTriggers() {
    for (String table :
        List.of(
            "gxp_audit_event", "gxp_signature", "gxp_audit_checkpoint", "gxp_audit_chain_head")) {
      refused("ALTER TABLE " + table + " DISABLE TRIGGER USER", "must be owner");
    }
    refused("DROP TRIGGER gxp_audit_event_no_update_delete ON gxp_audit_event", "must be owner");
    refused(
        "CREATE OR REPLACE FUNCTION gxp_audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$ BEGIN RETURN NEW; END; $$",
        "permission denied for schema",
        "must be owner");
    refused(
        "CREATE OR REPLACE FUNCTION gxp_audit_chain_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$ BEGIN RETURN NEW; END; $$",
        "permission denied for schema",
        "must be owner");
    refused("DROP FUNCTION gxp_audit_chain_head_forward_only() CASCADE", "must be owner");
  }

  @Test
  void theChainHeadOnlyMovesForwardForTheApplicationAndForTheOwner() {
    ChainHead head = auditTrail.head();
    for (JdbcTemplate role : List.of(jdbc, owner.jdbc())) {
      assertThatThrownBy(
              () ->
                  role.update(
                      "UPDATE gxp_audit_chain_head SET last_seq = last_seq - 1 WHERE id = 1"))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("only moves forward");
      assertThatThrownBy(
              () ->
                  role.update(
                      "UPDATE gxp_audit_chain_head SET last_hash = ? WHERE id = 1", "f".repeat(64)))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("only moves forward");
      // forward, but onto no event (or one that is not the next): refused too
      assertThatThrownBy(
              () ->
                  role.update(
                      "UPDATE gxp_audit_chain_head SET last_seq = last_seq + 1,"
                          + " last_hash = ? WHERE id = 1",
                      "f".repeat(64)))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("is not the event after the head");
    }
    refused("DELETE FROM gxp_audit_chain_head", "permission denied");
    assertThatThrownBy(() -> owner.jdbc().update("DELETE FROM gxp_audit_chain_head"))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("refused");
    assertThat(auditTrail.head().lastSeq()).isGreaterThanOrEqualTo(head.lastSeq());
  }

  @Test
  void theOwnerIsStillRefusedByTheTriggersWhileTheyAreOn() {
    assertThatThrownBy(
            () -> owner.jdbc().update("UPDATE gxp_audit_event SET actor = 'mallory' WHERE seq = 1"))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("audit trail is append-only");
    assertThatThrownBy(() -> owner.jdbc().update("DELETE FROM gxp_audit_checkpoint"))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("audit checkpoints are append-only");
  }

  /** Refused with one of the messages (PostgreSQL's, in the cause of Spring's exception). */
  private void refused(String sql, String... messages) {
    assertThatThrownBy(() -> jdbc.execute(sql))
        .as(sql)
        .isInstanceOf(DataAccessException.class)
        .satisfies(
            e -> {
              StringWriter trace = new StringWriter();
              e.printStackTrace(new PrintWriter(trace));
              assertThat(List.of(messages)).as("%s", trace).anyMatch(trace.toString()::contains);
            });
  }
}
