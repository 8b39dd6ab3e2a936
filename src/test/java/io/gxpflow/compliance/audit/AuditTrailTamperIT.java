package io.gxpflow.compliance.audit;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gxpflow.support.DatabaseOwner;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.ItProfiles;
import io.gxpflow.support.RestClientForUsers;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tampering with stored events in the database. On PostgreSQL the application's role has no UPDATE,
 * DELETE or TRUNCATE privilege on the audit trail, and the triggers refuse it even to the owner
 * (AuditDatabaseRolesOnPostgresIT); on H2, which has neither, the verifier reports the first broken
 * seq. Every H2 case puts the row back exactly as it was and checks that the chain verifies again:
 * the test database is shared with every other test class of the run.
 */
@IntegrationTest
class AuditTrailTamperIT {

  @Autowired AuditTrail auditTrail;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;
  RestClientForUsers http;
  List<StoredAuditEvent> events;

  @BeforeEach
  void recordThreeEvents() {
    http = new RestClientForUsers(rest);
    String businessKey = "AUDIT-TAMPER-" + UUID.randomUUID();
    for (String type :
        List.of(
            AuditEventTypes.TASK_CREATED,
            AuditEventTypes.TASK_CLAIMED,
            AuditEventTypes.TASK_COMPLETED)) {
      auditTrail.record(
          AuditEvent.builder(type, "quinn").businessKey(businessKey).detail("step", type).build());
    }
    events = auditTrail.findByBusinessKey(businessKey);
    assertThat(events).hasSize(3);
    assertThat(verify().path("status").asText()).isEqualTo("OK");
  }

  @AfterEach
  void chainVerifiesAgain() {
    JsonNode verification = verify();
    assertThat(verification.path("status").asText()).as("%s", verification).isEqualTo("OK");
    assertThat(verification.path("events").asLong()).isGreaterThanOrEqualTo(events.get(2).seq());
  }

  @Test
  void aChangedActorIsReportedAtThatSeqOnH2AndRefusedOnPostgres() {
    StoredAuditEvent second = events.get(1);
    String update = "UPDATE gxp_audit_event SET actor = 'mallory' WHERE seq = " + second.seq();

    if (ItProfiles.onPostgres()) {
      assertThatThrownBy(() -> jdbc.update(update))
          .isInstanceOf(DataAccessException.class)
          .hasStackTraceContaining("permission denied");
      try (DatabaseOwner owner = new DatabaseOwner(jdbc)) {
        assertThatThrownBy(() -> owner.jdbc().update(update))
            .isInstanceOf(DataAccessException.class)
            .hasMessageContaining("audit trail is append-only");
      }
      assertThat(auditTrail.find(second.seq())).contains(second);
      return;
    }
    assertThat(jdbc.update(update)).isOne();
    try {
      JsonNode verification = verify();
      assertThat(verification.path("status").asText()).isEqualTo("BROKEN");
      assertThat(verification.path("firstBrokenSeq").asLong()).isEqualTo(second.seq());
      assertThat(verification.path("reasonCode").asText()).isEqualTo("CONTENT_CHANGED");
      assertThat(verification.path("reason").asText()).contains("hash does not match the content");
    } finally {
      jdbc.update(
          "UPDATE gxp_audit_event SET actor = ? WHERE seq = ?", second.actor(), second.seq());
    }
  }

  @Test
  void aDeletedRowIsReportedAtTheNextSeqOnH2AndRefusedOnPostgres() {
    StoredAuditEvent second = events.get(1);
    String delete = "DELETE FROM gxp_audit_event WHERE seq = " + second.seq();

    if (ItProfiles.onPostgres()) {
      assertThatThrownBy(() -> jdbc.update(delete))
          .isInstanceOf(DataAccessException.class)
          .hasStackTraceContaining("permission denied");
      assertThatThrownBy(() -> jdbc.execute("TRUNCATE gxp_audit_event"))
          .isInstanceOf(DataAccessException.class)
          .hasStackTraceContaining("permission denied");
      try (DatabaseOwner owner = new DatabaseOwner(jdbc)) {
        assertThatThrownBy(() -> owner.jdbc().update(delete))
            .isInstanceOf(DataAccessException.class)
            .hasMessageContaining("audit trail is append-only");
        assertThatThrownBy(() -> owner.jdbc().execute("TRUNCATE gxp_audit_event"))
            .isInstanceOf(DataAccessException.class)
            .hasMessageContaining("audit trail is append-only");
      }
      assertThat(auditTrail.find(second.seq())).contains(second);
      return;
    }
    assertThat(jdbc.update(delete)).isOne();
    try {
      JsonNode verification = verify();
      assertThat(verification.path("status").asText()).isEqualTo("BROKEN");
      assertThat(verification.path("firstBrokenSeq").asLong()).isEqualTo(events.get(2).seq());
      assertThat(verification.path("reasonCode").asText()).isEqualTo("PREVIOUS_HASH_MISMATCH");
    } finally {
      restore(second);
    }
  }

  @Test
  void aDeletedNewestRowIsCaughtByTheChainHeadOnH2() {
    StoredAuditEvent newest = auditTrail.last().orElseThrow();
    String delete = "DELETE FROM gxp_audit_event WHERE seq = " + newest.seq();

    if (ItProfiles.onPostgres()) {
      assertThatThrownBy(() -> jdbc.update(delete))
          .isInstanceOf(DataAccessException.class)
          .hasStackTraceContaining("permission denied");
      return;
    }
    assertThat(jdbc.update(delete)).isOne();
    try {
      JsonNode verification = verify();
      assertThat(verification.path("status").asText()).isEqualTo("BROKEN");
      assertThat(verification.path("firstBrokenSeq").asLong()).isEqualTo(newest.seq());
      assertThat(verification.path("reasonCode").asText()).isEqualTo("HEAD_MISMATCH");
    } finally {
      restore(newest);
    }
  }

  private JsonNode verify() {
    ResponseEntity<String> response = http.get("quinn", "/api/audit/verify");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json(response);
  }

  private void restore(StoredAuditEvent e) {
    jdbc.update(
        "INSERT INTO gxp_audit_event (seq, occurred_at, event_type, actor, business_key,"
            + " process_instance_id, process_definition_key, task_id, details, previous_hash, hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.seq(),
        LocalDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC),
        e.type(),
        e.actor(),
        e.businessKey(),
        e.processInstanceId(),
        e.processDefinitionKey(),
        e.taskId(),
        AuditChain.detailsJson(e.details()),
        e.previousHash(),
        e.hash());
  }
}
