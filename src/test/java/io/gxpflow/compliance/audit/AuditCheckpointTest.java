package io.gxpflow.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gxpflow.compliance.audit.VerificationResult.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keyed checkpoints without a database: the MAC, the key file, and the verifier anchored by
 * checkpoints.
 */
class AuditCheckpointTest {

  static final CheckpointKey KEY = new CheckpointKey("unit-test-checkpoint-key-0123456789abcdef");

  @Test
  void theMacIsHmacSha256OverTheDomainSeqAndHash() throws Exception {
    String hash = "ab".repeat(32);
    Mac hmac = Mac.getInstance("HmacSHA256");
    hmac.init(
        new SecretKeySpec(
            "unit-test-checkpoint-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8),
            "HmacSHA256"));
    String expected =
        HexFormat.of()
            .formatHex(
                hmac.doFinal(
                    ("gxpflow-audit-checkpoint\n42\n" + hash).getBytes(StandardCharsets.UTF_8)));

    assertThat(KEY.mac(42, hash)).isEqualTo(expected);
    assertThat(KEY.verifies(42, hash, expected)).isTrue();
    assertThat(KEY.verifies(43, hash, expected)).isFalse();
    assertThat(KEY.verifies(42, "cd".repeat(32), expected)).isFalse();
    assertThat(
            new CheckpointKey("another-key-of-enough-length-0123456789")
                .verifies(42, hash, expected))
        .isFalse();
  }

  @Test
  void aShortKeyIsRefused() {
    assertThatThrownBy(() -> new CheckpointKey("short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gxpflow.audit.checkpoint-key");
  }

  @Test
  void withoutAConfiguredKeyOneIsGeneratedIntoAnOwnerOnlyFileAndKept(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("data").resolve("audit-checkpoint.key");

    CheckpointKey generated = CheckpointKey.configuredOrFile("", file);

    assertThat(file).exists();
    assertThat(Files.readString(file).strip())
        .hasSizeGreaterThanOrEqualTo(CheckpointKey.MIN_LENGTH);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String hash = "0".repeat(64);
    assertThat(CheckpointKey.configuredOrFile(null, file).mac(1, hash))
        .isEqualTo(generated.mac(1, hash));
    // a configured key wins over the file
    assertThat(
            CheckpointKey.configuredOrFile("configured-key-0123456789abcdef0123", file)
                .mac(1, hash))
        .isNotEqualTo(generated.mac(1, hash));
  }

  @Test
  void aCheckpointLineReadsBack() {
    AuditCheckpoint checkpoint =
        new AuditCheckpoint(
            7,
            "ab".repeat(32),
            Instant.parse("2026-11-22T09:00:00.120Z"),
            KEY.mac(7, "ab".repeat(32)),
            "database");

    AuditCheckpoint read =
        AuditCheckpoint.parse(
            "2026-11-22 INFO io.gxpflow.audit.checkpoint : " + checkpoint.line(), "file");

    assertThat(read)
        .isEqualTo(
            new AuditCheckpoint(
                7, checkpoint.hash(), checkpoint.createdAt(), checkpoint.mac(), "file"));
    assertThat(AuditCheckpoint.parse("some other line", "file")).isNull();
  }

  @Test
  void anIntactChainPassesThroughEveryCheckpoint() {
    List<StoredAuditEvent> events = AuditVerifierTest.chain(5);

    VerificationResult result =
        AuditVerifier.verify(
            events, head(events), List.of(checkpoint(events, 2), checkpoint(events, 5)), KEY);

    assertThat(result.isOk()).isTrue();
    assertThat(result.checkpoints()).isEqualTo(2);
  }

  @Test
  void aRehashedChainMissesTheCheckpoint() {
    List<StoredAuditEvent> events = AuditVerifierTest.chain(5);
    List<AuditCheckpoint> anchors = List.of(checkpoint(events, 4));
    List<StoredAuditEvent> rehashed = rehashWithActor(events, 3, "mallory");
    assertThat(AuditVerifier.verify(rehashed, head(rehashed)).isOk())
        .as("unkeyed chain alone")
        .isTrue();

    VerificationResult result = AuditVerifier.verify(rehashed, head(rehashed), anchors, KEY);

    assertThat(result.isOk()).isFalse();
    assertThat(result.reasonCode()).isEqualTo(Reason.CHECKPOINT_MISMATCH);
    assertThat(result.firstBrokenSeq()).isEqualTo(4);
  }

  @Test
  void aChainCutBehindACheckpointIsReported() {
    List<StoredAuditEvent> events = AuditVerifierTest.chain(5);
    List<AuditCheckpoint> anchors = List.of(checkpoint(events, 5));
    List<StoredAuditEvent> cut = events.subList(0, 3);
    assertThat(AuditVerifier.verify(cut, head(cut)).isOk()).as("unkeyed chain alone").isTrue();

    VerificationResult result = AuditVerifier.verify(cut, head(cut), anchors, KEY);

    assertThat(result.reasonCode()).isEqualTo(Reason.CHAIN_CUT);
    assertThat(result.firstBrokenSeq()).isEqualTo(4);
    assertThat(result.reason()).contains("attests seq 5");
  }

  @Test
  void aCheckpointMadeWithoutTheKeyIsReported() {
    List<StoredAuditEvent> rehashed = rehashWithActor(AuditVerifierTest.chain(5), 2, "mallory");
    // the attacker's own checkpoint for the rehashed chain, with a key of their own
    CheckpointKey guessed = new CheckpointKey("the-attacker-guessed-this-key-0123456789");
    AuditCheckpoint forged =
        new AuditCheckpoint(
            5,
            rehashed.get(4).hash(),
            Instant.now(),
            guessed.mac(5, rehashed.get(4).hash()),
            "database");

    VerificationResult result =
        AuditVerifier.verify(rehashed, head(rehashed), List.of(forged), KEY);

    assertThat(result.reasonCode()).isEqualTo(Reason.CHECKPOINT_INVALID);
    assertThat(result.firstBrokenSeq()).isEqualTo(5);
  }

  static AuditCheckpoint checkpoint(List<StoredAuditEvent> events, long seq) {
    StoredAuditEvent event = events.get((int) seq - 1);
    return new AuditCheckpoint(
        seq, event.hash(), Instant.now(), KEY.mac(seq, event.hash()), "database");
  }

  static ChainHead head(List<StoredAuditEvent> events) {
    StoredAuditEvent last = events.get(events.size() - 1);
    return new ChainHead(last.seq(), last.hash());
  }

  /**
   * What a DBA without the key does: change one event, recompute every hash after it with the
   * public algorithm.
   */
  static List<StoredAuditEvent> rehashWithActor(
      List<StoredAuditEvent> events, long seq, String actor) {
    List<StoredAuditEvent> rehashed = new ArrayList<>();
    String previous = AuditChain.GENESIS_HASH;
    for (StoredAuditEvent e : events) {
      StoredAuditEvent changed =
          new StoredAuditEvent(
              e.seq(),
              e.occurredAt(),
              e.type(),
              e.seq() == seq ? actor : e.actor(),
              e.businessKey(),
              e.processInstanceId(),
              e.processDefinitionKey(),
              e.taskId(),
              e.details(),
              previous,
              null);
      StoredAuditEvent sealed =
          new StoredAuditEvent(
              changed.seq(),
              changed.occurredAt(),
              changed.type(),
              changed.actor(),
              changed.businessKey(),
              changed.processInstanceId(),
              changed.processDefinitionKey(),
              changed.taskId(),
              changed.details(),
              previous,
              AuditChain.hash(changed));
      rehashed.add(sealed);
      previous = sealed.hash();
    }
    return rehashed;
  }
}
