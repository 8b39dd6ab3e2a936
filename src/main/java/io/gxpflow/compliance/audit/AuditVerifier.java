package io.gxpflow.compliance.audit;

import io.gxpflow.compliance.audit.VerificationResult.Reason;
import java.util.Iterator;

/**
 * Walks the chain in seq order and recomputes it, one event at a time (give it a lazily paged iterable, never a
 * list of the whole trail). Per event, in this order: its hash matches its content, its previous hash is the hash
 * of the event before it, its seq follows without a gap. The first failure stops the walk.
 */
public final class AuditVerifier {

  private AuditVerifier() {}

  public static VerificationResult verify(Iterable<StoredAuditEvent> eventsInSeqOrder) {
    return verify(eventsInSeqOrder, null);
  }

  /**
   * As {@link #verify(Iterable)}, and the walk must end at {@code head}: catches removal of the newest events,
   * which leaves no hole behind. Pass the events up to {@code head.lastSeq()} only.
   */
  public static VerificationResult verify(Iterable<StoredAuditEvent> eventsInSeqOrder, ChainHead head) {
    long expectedSeq = 1;
    String previousHash = AuditChain.GENESIS_HASH;
    long count = 0;
    Iterator<StoredAuditEvent> events = eventsInSeqOrder.iterator();
    while (events.hasNext()) {
      StoredAuditEvent event = events.next();
      if (!AuditChain.hash(event).equals(event.hash())) {
        return VerificationResult.broken(event.seq(), Reason.CONTENT_CHANGED,
            "hash does not match the content of seq " + event.seq() + " (row changed)");
      }
      if (!previousHash.equals(event.previousHash())) {
        return VerificationResult.broken(event.seq(), Reason.PREVIOUS_HASH_MISMATCH,
            "previous hash of seq " + event.seq() + " does not match the hash of its predecessor"
                + (expectedSeq > 1 ? " seq " + (expectedSeq - 1) : " (genesis)") + " (row removed or reordered)");
      }
      if (event.seq() != expectedSeq) {
        return VerificationResult.broken(event.seq(), Reason.SEQUENCE_GAP,
            "sequence gap: expected seq " + expectedSeq + ", found seq " + event.seq());
      }
      previousHash = event.hash();
      expectedSeq++;
      count++;
    }
    long lastSeq = expectedSeq - 1;
    if (head != null && (head.lastSeq() != lastSeq || !head.lastHash().equals(previousHash))) {
      long firstBroken = head.lastSeq() == lastSeq ? lastSeq : Math.min(head.lastSeq(), lastSeq) + 1;
      return VerificationResult.broken(firstBroken, Reason.HEAD_MISMATCH,
          "chain head is at seq " + head.lastSeq() + " but the trail ends at seq " + lastSeq
              + (head.lastSeq() == lastSeq ? " with another hash" : "") + " (newest rows removed or head changed)");
    }
    return VerificationResult.ok(count, previousHash);
  }
}
