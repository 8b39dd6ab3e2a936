package io.gxpflow.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.compliance.audit.VerificationResult.Reason;
import io.gxpflow.compliance.audit.VerificationResult.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditVerifierTest {

  static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

  /** A correct chain of {@code n} events. */
  static List<StoredAuditEvent> chain(int n) {
    List<StoredAuditEvent> events = new ArrayList<>();
    String previous = AuditChain.GENESIS_HASH;
    for (int seq = 1; seq <= n; seq++) {
      StoredAuditEvent event = AuditChain.append(seq, T0.plusSeconds(seq), event(seq), previous);
      events.add(event);
      previous = event.hash();
    }
    return events;
  }

  static AuditEvent event(int i) {
    return AuditEvent.builder(AuditEventTypes.TASK_COMPLETED, "user-" + i)
        .businessKey("BK-" + i)
        .detail("i", i)
        .build();
  }

  @Test
  void anIntactChainIsOk() {
    List<StoredAuditEvent> events = chain(3);

    VerificationResult result = AuditVerifier.verify(events);

    assertThat(result).isEqualTo(VerificationResult.ok(3, events.get(2).hash()));
    assertThat(result.isOk()).isTrue();
    assertThat(AuditVerifier.verify(events, new ChainHead(3, events.get(2).hash())).isOk())
        .isTrue();
  }

  @Test
  void anEmptyChainIsOkAtGenesis() {
    assertThat(AuditVerifier.verify(List.of(), ChainHead.GENESIS))
        .isEqualTo(VerificationResult.ok(0, AuditChain.GENESIS_HASH));
  }

  @Test
  void aChangedRowBreaksTheChainAtThatSeqBecauseItsContentNoLongerMatchesItsHash() {
    List<StoredAuditEvent> events = chain(3);
    StoredAuditEvent second = events.get(1);
    events.set(
        1,
        AuditChainTest.copy(
            second,
            second.seq(),
            second.occurredAt(),
            second.type(),
            "mallory",
            second.businessKey(),
            second.processInstanceId(),
            second.processDefinitionKey(),
            second.taskId(),
            second.details(),
            second.previousHash()));

    VerificationResult result = AuditVerifier.verify(events);

    assertThat(result.status()).isEqualTo(Status.BROKEN);
    assertThat(result.firstBrokenSeq()).isEqualTo(2);
    assertThat(result.reasonCode()).isEqualTo(Reason.CONTENT_CHANGED);
    assertThat(result.reason()).contains("hash does not match the content");
  }

  @Test
  void aRecomputedHashOfAChangedRowBreaksTheLinkToTheNextRow() {
    List<StoredAuditEvent> events = chain(3);
    StoredAuditEvent second = events.get(1);
    events.set(
        1,
        AuditChain.append(
            2,
            second.occurredAt(),
            AuditEvent.builder(second.type(), "mallory")
                .businessKey(second.businessKey())
                .details(second.details())
                .build(),
            second.previousHash()));

    VerificationResult result = AuditVerifier.verify(events);

    assertThat(result.firstBrokenSeq()).isEqualTo(3);
    assertThat(result.reasonCode()).isEqualTo(Reason.PREVIOUS_HASH_MISMATCH);
  }

  @Test
  void aDeletedMiddleRowBreaksTheChainAtTheNextSeq() {
    List<StoredAuditEvent> events = chain(3);
    events.remove(1);

    VerificationResult result = AuditVerifier.verify(events);

    assertThat(result.status()).isEqualTo(Status.BROKEN);
    assertThat(result.firstBrokenSeq()).isEqualTo(3);
    assertThat(result.reasonCode()).isEqualTo(Reason.PREVIOUS_HASH_MISMATCH);
    assertThat(result.reason()).contains("previous hash").contains("removed or reordered");
  }

  @Test
  void aDeletedFirstRowBreaksTheChainAtTheSecond() {
    List<StoredAuditEvent> events = chain(3);
    events.remove(0);

    assertThat(AuditVerifier.verify(events).firstBrokenSeq()).isEqualTo(2);
  }

  @Test
  void reorderedRowsBreakTheChain() {
    List<StoredAuditEvent> events = chain(4);
    events.add(1, events.remove(2)); // 1, 3, 2, 4

    VerificationResult result = AuditVerifier.verify(events);

    assertThat(result.firstBrokenSeq()).isEqualTo(3);
    assertThat(result.reasonCode()).isEqualTo(Reason.PREVIOUS_HASH_MISMATCH);
  }

  @Test
  void swappedSeqValuesBreakTheContentHash() {
    List<StoredAuditEvent> events = chain(3);
    StoredAuditEvent second = events.get(1);
    StoredAuditEvent third = events.get(2);
    events.set(
        1,
        AuditChainTest.copy(
            third,
            2,
            third.occurredAt(),
            third.type(),
            third.actor(),
            third.businessKey(),
            third.processInstanceId(),
            third.processDefinitionKey(),
            third.taskId(),
            third.details(),
            third.previousHash()));
    events.set(
        2,
        AuditChainTest.copy(
            second,
            3,
            second.occurredAt(),
            second.type(),
            second.actor(),
            second.businessKey(),
            second.processInstanceId(),
            second.processDefinitionKey(),
            second.taskId(),
            second.details(),
            second.previousHash()));

    VerificationResult result = AuditVerifier.verify(events);

    assertThat(result.firstBrokenSeq()).isEqualTo(2);
    assertThat(result.reasonCode()).isEqualTo(Reason.CONTENT_CHANGED);
  }

  @Test
  void aSeqGapWithLinkedHashesIsReported() {
    List<StoredAuditEvent> events = chain(2);
    events.add(AuditChain.append(4, T0.plusSeconds(4), event(4), events.get(1).hash()));

    VerificationResult result = AuditVerifier.verify(events);

    assertThat(result.firstBrokenSeq()).isEqualTo(4);
    assertThat(result.reasonCode()).isEqualTo(Reason.SEQUENCE_GAP);
    assertThat(result.reason()).contains("expected seq 3");
  }

  @Test
  void removedNewestRowsAreCaughtByTheChainHead() {
    List<StoredAuditEvent> events = chain(5);
    ChainHead head = new ChainHead(5, events.get(4).hash());

    VerificationResult result = AuditVerifier.verify(events.subList(0, 3), head);

    assertThat(result.firstBrokenSeq()).isEqualTo(4);
    assertThat(result.reasonCode()).isEqualTo(Reason.HEAD_MISMATCH);
    assertThat(AuditVerifier.verify(events, new ChainHead(5, "ff".repeat(32))).firstBrokenSeq())
        .isEqualTo(5);
  }

  @Test
  void walksTheChainOneEventAtATimeAndStopsAtTheFirstBreak() {
    int length = 20_000;
    int broken = 12_345;
    // generated on the fly, never a list: the verifier must not hold on to what it has checked
    Iterable<StoredAuditEvent> generated =
        () ->
            new Iterator<>() {
              int seq = 0;
              String previous = AuditChain.GENESIS_HASH;

              @Override
              public boolean hasNext() {
                if (seq >= broken) {
                  throw new AssertionError("read past the first broken event");
                }
                return seq < length;
              }

              @Override
              public StoredAuditEvent next() {
                seq++;
                StoredAuditEvent event =
                    AuditChain.append(
                        seq,
                        T0,
                        AuditEvent.of("SYSTEM_CALL", "system", Map.of("n", seq)),
                        previous);
                previous = event.hash();
                return seq == broken
                    ? new StoredAuditEvent(
                        seq,
                        T0,
                        "SYSTEM_CALL",
                        "mallory",
                        null,
                        null,
                        null,
                        null,
                        event.details(),
                        event.previousHash(),
                        event.hash())
                    : event;
              }
            };

    VerificationResult result = AuditVerifier.verify(generated);

    assertThat(result.firstBrokenSeq()).isEqualTo(broken);
    assertThat(result.reasonCode()).isEqualTo(Reason.CONTENT_CHANGED);
  }
}
