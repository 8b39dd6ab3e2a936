package io.gxpflow.compliance.audit;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gxpflow.support.DatabaseOwner;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keyed checkpoints against a DBA without the key (issue 10, point 5), on H2 and PostgreSQL: the
 * attacks of the security test — a full rehash of the chain, and the newest events cut off with the
 * head moved back — done as the database owner with the public hash algorithm ({@link
 * ChainAttacks}; on PostgreSQL with the owner's triggers disabled). The chain alone still verifies
 * ({@link AuditTrail#verify()}, what {@code /api/audit/verify} answered before); {@code
 * /api/audit/verify} now says BROKEN. Every attack is undone and the chain verifies again: the test
 * database is shared with every other test class.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AuditCheckpointIT {

  @Autowired AuditTrail auditTrail;
  @Autowired AuditCheckpoints checkpoints;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;
  RestClientForUsers http;
  DatabaseOwner owner;
  String businessKey;

  @BeforeEach
  void setUp() {
    http = new RestClientForUsers(rest);
    owner = new DatabaseOwner(jdbc);
    businessKey = "AUDIT-CHECKPOINT-" + UUID.randomUUID();
  }

  @AfterEach
  void chainVerifiesAgain() {
    try {
      JsonNode verification = verify();
      assertThat(verification.path("status").asText()).as("%s", verification).isEqualTo("OK");
    } finally {
      owner.close();
    }
  }

  @Test
  void aCheckpointGoesToTheTableTheLogAndTheFileWithAMacOfTheKey(CapturedOutput output)
      throws Exception {
    StoredAuditEvent event = record("first");

    AuditCheckpoint checkpoint = checkpoints.checkpoint().orElseThrow();

    ChainHead head = auditTrail.head();
    assertThat(checkpoint.seq()).isEqualTo(head.lastSeq()).isGreaterThanOrEqualTo(event.seq());
    assertThat(checkpoint.hash()).isEqualTo(head.lastHash());
    assertThat(checkpoint.mac())
        .matches("[0-9a-f]{64}")
        .isEqualTo(
            new CheckpointKey("test-checkpoint-key-0123456789abcdef0123456789")
                .mac(head.lastSeq(), head.lastHash()));
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT hash, mac FROM gxp_audit_checkpoint WHERE seq = ?", checkpoint.seq());
    assertThat(row.get("hash").toString().strip()).isEqualTo(checkpoint.hash());
    assertThat(row.get("mac").toString().strip()).isEqualTo(checkpoint.mac());
    String line = "AUDIT-CHECKPOINT seq=" + checkpoint.seq() + " hash=" + checkpoint.hash();
    assertThat(Files.readString(checkpoints.file(), StandardCharsets.UTF_8))
        .contains(line + " ")
        .contains("mac=" + checkpoint.mac());
    assertThat(output.getAll()).contains(line);
    // nothing new: no second checkpoint of the same head
    assertThat(checkpoints.checkpoint()).isEmpty();

    JsonNode verification = verify();
    assertThat(verification.path("status").asText()).isEqualTo("OK");
    assertThat(verification.path("checkpoints").asLong())
        .isGreaterThanOrEqualTo(2); // table and file
  }

  @Test
  void theBackgroundTaskCheckpointsAfterEveryEventsAndAtShutdown(@TempDir Path dir) {
    AuditCheckpoints background =
        new AuditCheckpoints(
            jdbc,
            auditTrail,
            checkpoints.key(),
            dir.resolve("audit-checkpoints.log"),
            2,
            Duration.ofHours(1),
            Duration.ofMillis(100));
    background.start();
    try {
      record("one");
      StoredAuditEvent second = record("two");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> background.fromFile().stream().anyMatch(c -> c.seq() >= second.seq()));
      StoredAuditEvent third = record("three, at shutdown");
      background.stop();
      assertThat(background.isRunning()).isFalse();
      assertThat(background.fromFile()).anyMatch(c -> c.seq() >= third.seq());
    } finally {
      background.stop();
    }
  }

  @Test
  void theBackgroundTaskCheckpointsWhenTheIntervalHasPassedWithFewEvents(@TempDir Path dir) {
    AuditCheckpoints background =
        new AuditCheckpoints(
            jdbc,
            auditTrail,
            checkpoints.key(),
            dir.resolve("audit-checkpoints.log"),
            1_000_000,
            Duration.ofMillis(300),
            Duration.ofMillis(100));
    background.start();
    try {
      StoredAuditEvent quiet = record("one event on a quiet day");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> background.fromFile().stream().anyMatch(c -> c.seq() >= quiet.seq()));
    } finally {
      background.stop();
    }
  }

  @Test
  void aFullRehashWithoutTheKeyIsReportedAtTheCheckpoint() {
    StoredAuditEvent target = record("to be rewritten");
    AuditCheckpoint checkpoint = checkpoints.checkpoint().orElseThrow();
    record("after the checkpoint");

    owner.withTriggersOff(
        db -> ChainAttacks.rewriteActor(db, target.seq(), "mallory"),
        "gxp_audit_chain_head",
        "gxp_audit_event");
    try {
      assertThat(auditTrail.find(target.seq()).orElseThrow().actor()).isEqualTo("mallory");
      // what verify answered before the checkpoints: a consistent, rehashed chain
      assertThat(auditTrail.verify().isOk()).isTrue();

      JsonNode verification = verify();
      assertThat(verification.path("status").asText()).isEqualTo("BROKEN");
      assertThat(verification.path("reasonCode").asText()).isEqualTo("CHECKPOINT_MISMATCH");
      assertThat(verification.path("firstBrokenSeq").asLong()).isEqualTo(checkpoint.seq());
      assertThat(verification.path("reason").asText()).contains("rewritten");
    } finally {
      owner.withTriggersOff(
          db -> ChainAttacks.rewriteActor(db, target.seq(), target.actor()),
          "gxp_audit_chain_head",
          "gxp_audit_event");
    }
  }

  @Test
  void cuttingOffTheNewestEventsBehindACheckpointIsReported() {
    StoredAuditEvent kept = record("kept");
    record("cut 1");
    record("cut 2");
    AuditCheckpoint checkpoint = checkpoints.checkpoint().orElseThrow();

    List<StoredAuditEvent> removed = new ArrayList<>();
    owner.withTriggersOff(
        db -> removed.addAll(ChainAttacks.cutAfter(db, kept.seq())),
        "gxp_audit_chain_head",
        "gxp_audit_event");
    try {
      assertThat(auditTrail.head().lastSeq()).isEqualTo(kept.seq());
      assertThat(auditTrail.verify().isOk()).isTrue();

      JsonNode verification = verify();
      assertThat(verification.path("status").asText()).isEqualTo("BROKEN");
      assertThat(verification.path("reasonCode").asText()).isEqualTo("CHAIN_CUT");
      assertThat(verification.path("firstBrokenSeq").asLong()).isEqualTo(kept.seq() + 1);
      assertThat(verification.path("reason").asText()).contains("attests seq " + checkpoint.seq());
    } finally {
      owner.withTriggersOff(
          db -> ChainAttacks.restore(db, removed), "gxp_audit_chain_head", "gxp_audit_event");
    }
  }

  @Test
  void theFileCopyCatchesARehashEvenWhenTheCheckpointRowsAreGone() {
    StoredAuditEvent target = record("to be rewritten");
    checkpoints.checkpoint().orElseThrow();
    List<Map<String, Object>> rows =
        owner
            .jdbc()
            .queryForList(
                "SELECT seq, hash, created_at, mac" + " FROM gxp_audit_checkpoint ORDER BY seq");

    owner.withTriggersOff(
        db -> {
          db.update("DELETE FROM gxp_audit_checkpoint");
          ChainAttacks.rewriteActor(db, target.seq(), "mallory");
        },
        "gxp_audit_chain_head",
        "gxp_audit_event",
        "gxp_audit_checkpoint");
    try {
      JsonNode verification = verify();
      assertThat(verification.path("status").asText()).isEqualTo("BROKEN");
      assertThat(verification.path("reasonCode").asText()).isEqualTo("CHECKPOINT_MISMATCH");
      assertThat(verification.path("reason").asText()).contains("file audit-checkpoints.log");
    } finally {
      owner.withTriggersOff(
          db -> {
            ChainAttacks.rewriteActor(db, target.seq(), target.actor());
            for (Map<String, Object> row : rows) {
              db.update(
                  "INSERT INTO gxp_audit_checkpoint (seq, hash, created_at, mac) VALUES (?, ?, ?, ?)",
                  row.get("seq"),
                  row.get("hash"),
                  row.get("created_at"),
                  row.get("mac"));
            }
          },
          "gxp_audit_chain_head",
          "gxp_audit_event",
          "gxp_audit_checkpoint");
    }
  }

  @Test
  void aCheckpointWithoutTheKeysMacIsReported() {
    record("forged over");
    ChainHead head = auditTrail.head();
    String forgedMac =
        new CheckpointKey("a-key-the-attacker-made-up-0123456789")
            .mac(head.lastSeq(), head.lastHash());
    // the application's own role may insert checkpoints: without the key it can only insert useless
    // ones
    jdbc.update(
        "INSERT INTO gxp_audit_checkpoint (seq, hash, created_at, mac) VALUES (?, ?, ?, ?)",
        head.lastSeq(),
        head.lastHash(),
        LocalDateTime.now(ZoneOffset.UTC),
        forgedMac);
    try {
      JsonNode verification = verify();
      assertThat(verification.path("status").asText()).isEqualTo("BROKEN");
      assertThat(verification.path("reasonCode").asText()).isEqualTo("CHECKPOINT_INVALID");
      assertThat(verification.path("firstBrokenSeq").asLong()).isEqualTo(head.lastSeq());
    } finally {
      owner.withTriggersOff(
          db ->
              db.update(
                  "DELETE FROM gxp_audit_checkpoint WHERE seq = ? AND mac = ?",
                  head.lastSeq(),
                  forgedMac),
          "gxp_audit_checkpoint");
    }
  }

  private StoredAuditEvent record(String step) {
    return auditTrail.record(
        AuditEvent.builder(AuditEventTypes.TASK_COMPLETED, "quinn")
            .businessKey(businessKey)
            .detail("step", step)
            .build());
  }

  private JsonNode verify() {
    ResponseEntity<String> response = http.get("quinn", "/api/audit/verify");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json(response);
  }
}
