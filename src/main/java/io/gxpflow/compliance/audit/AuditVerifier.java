package io.gxpflow.compliance.audit;

import io.gxpflow.compliance.audit.VerificationResult.Reason;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Walks the chain in seq order and recomputes it, one event at a time (give it a lazily paged
 * iterable, never a list of the whole trail). Per event, in this order: its hash matches its
 * content, its previous hash is the hash of the event before it, its seq follows without a gap, and
 * — when checkpoints are given — it has the hash every keyed checkpoint at that seq attests. The
 * first failure stops the walk.
 */
public final class AuditVerifier {

  private AuditVerifier() {}

  public static VerificationResult verify(Iterable<StoredAuditEvent> eventsInSeqOrder) {
    return verify(eventsInSeqOrder, null);
  }

  /**
   * As {@link #verify(Iterable)}, and the walk must end at {@code head}: catches removal of the
   * newest events, which leaves no hole behind. Pass the events up to {@code head.lastSeq()} only.
   */
  public static VerificationResult verify(
      Iterable<StoredAuditEvent> eventsInSeqOrder, ChainHead head) {
    return verify(eventsInSeqOrder, head, List.of(), null);
  }

  /**
   * As {@link #verify(Iterable, ChainHead)}, and anchored by keyed checkpoints: every checkpoint's
   * MAC must be valid under {@code key}, the chain must pass through every checkpointed (seq, hash)
   * — a rehashed chain does not — and no checkpoint may lie beyond the end of the chain — a chain
   * cut behind a checkpoint. Read the checkpoints before the head: a checkpoint never attests more
   * than the head committed when it was made.
   */
  public static VerificationResult verify(
      Iterable<StoredAuditEvent> eventsInSeqOrder,
      ChainHead head,
      List<AuditCheckpoint> checkpoints,
      CheckpointKey key) {
    for (AuditCheckpoint checkpoint : checkpoints) {
      if (checkpoint.seq() < 1
          || !key.verifies(checkpoint.seq(), checkpoint.hash(), checkpoint.mac())) {
        return VerificationResult.broken(
            Math.max(checkpoint.seq(), 1),
            Reason.CHECKPOINT_INVALID,
            "checkpoint at seq "
                + checkpoint.seq()
                + " ("
                + checkpoint.source()
                + ") has no valid MAC under the"
                + " checkpoint key: forged, or made with another key");
      }
    }
    Deque<AuditCheckpoint> pending =
        new ArrayDeque<>(
            checkpoints.stream().sorted(Comparator.comparingLong(AuditCheckpoint::seq)).toList());
    long expectedSeq = 1;
    String previousHash = AuditChain.GENESIS_HASH;
    long count = 0;
    Iterator<StoredAuditEvent> events = eventsInSeqOrder.iterator();
    while (events.hasNext()) {
      StoredAuditEvent event = events.next();
      if (!AuditChain.hash(event).equals(event.hash())) {
        return VerificationResult.broken(
            event.seq(),
            Reason.CONTENT_CHANGED,
            "hash does not match the content of seq " + event.seq() + " (row changed)");
      }
      if (!previousHash.equals(event.previousHash())) {
        return VerificationResult.broken(
            event.seq(),
            Reason.PREVIOUS_HASH_MISMATCH,
            "previous hash of seq "
                + event.seq()
                + " does not match the hash of its predecessor"
                + (expectedSeq > 1 ? " seq " + (expectedSeq - 1) : " (genesis)")
                + " (row removed or reordered)");
      }
      if (event.seq() != expectedSeq) {
        return VerificationResult.broken(
            event.seq(),
            Reason.SEQUENCE_GAP,
            "sequence gap: expected seq " + expectedSeq + ", found seq " + event.seq());
      }
      while (!pending.isEmpty() && pending.peekFirst().seq() == event.seq()) {
        AuditCheckpoint checkpoint = pending.removeFirst();
        if (!checkpoint.hash().equals(event.hash())) {
          return VerificationResult.broken(
              event.seq(),
              Reason.CHECKPOINT_MISMATCH,
              "seq "
                  + event.seq()
                  + " does not have the hash its keyed checkpoint"
                  + madeAt(checkpoint)
                  + " ("
                  + checkpoint.source()
                  + ") attests: the chain was rewritten (rehashed) after the checkpoint");
        }
      }
      previousHash = event.hash();
      expectedSeq++;
      count++;
    }
    long lastSeq = expectedSeq - 1;
    if (head != null && (head.lastSeq() != lastSeq || !head.lastHash().equals(previousHash))) {
      long firstBroken =
          head.lastSeq() == lastSeq ? lastSeq : Math.min(head.lastSeq(), lastSeq) + 1;
      return VerificationResult.broken(
          firstBroken,
          Reason.HEAD_MISMATCH,
          "chain head is at seq "
              + head.lastSeq()
              + " but the trail ends at seq "
              + lastSeq
              + (head.lastSeq() == lastSeq ? " with another hash" : "")
              + " (newest rows removed or head changed)");
    }
    if (!pending.isEmpty()) {
      AuditCheckpoint beyond = pending.peekLast();
      return VerificationResult.broken(
          lastSeq + 1,
          Reason.CHAIN_CUT,
          "the chain ends at seq "
              + lastSeq
              + " but a keyed checkpoint"
              + madeAt(beyond)
              + " ("
              + beyond.source()
              + ") attests seq "
              + beyond.seq()
              + ": the newest events were cut off");
    }
    VerificationResult ok = VerificationResult.ok(count, previousHash);
    return key == null ? ok : ok.withCheckpoints(checkpoints.size());
  }

  private static String madeAt(AuditCheckpoint checkpoint) {
    return checkpoint.createdAt() == null ? "" : " of " + checkpoint.createdAt();
  }
}
