package io.gxpflow.compliance.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Outcome of a chain verification. As JSON: {@code
 * {"status":"OK","events":N,"lastHash":"…","checkpoints":C}} or {@code
 * {"status":"BROKEN","firstBrokenSeq":k,"reason":"…","reasonCode":"CONTENT_CHANGED"}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "status",
  "events",
  "lastHash",
  "checkpoints",
  "firstBrokenSeq",
  "reason",
  "reasonCode"
})
public record VerificationResult(
    Status status,
    Long events,
    String lastHash,
    Long firstBrokenSeq,
    String reason,
    Reason reasonCode,
    Long checkpoints) {

  public enum Status {
    OK,
    BROKEN
  }

  public enum Reason {
    /** The stored hash is not the hash of the row's content: the row was changed. */
    CONTENT_CHANGED,
    /**
     * The row does not point at the hash of the row before it: a row was removed or the rows were
     * reordered.
     */
    PREVIOUS_HASH_MISMATCH,
    /** A seq is missing although the hashes link up. */
    SEQUENCE_GAP,
    /**
     * The chain head names a later event, or another hash, than the last stored one: the newest
     * rows are gone.
     */
    HEAD_MISMATCH,
    /**
     * A checkpoint's MAC is not valid under the checkpoint key: forged, or made with another key.
     */
    CHECKPOINT_INVALID,
    /**
     * The chain does not pass through a checkpointed (seq, hash): it was rewritten (e.g. rehashed)
     * after it.
     */
    CHECKPOINT_MISMATCH,
    /** A checkpoint attests a seq beyond the end of the chain: the newest events were cut off. */
    CHAIN_CUT,
    /**
     * A signature manifest in {@code gxp_signature} does not match its SIGNATURE audit event, or is
     * missing.
     */
    SIGNATURE_MISMATCH
  }

  public static VerificationResult ok(long events, String lastHash) {
    return new VerificationResult(Status.OK, events, lastHash, null, null, null, null);
  }

  /** This OK result, saying how many keyed checkpoints the chain was checked against. */
  public VerificationResult withCheckpoints(long count) {
    return new VerificationResult(
        status, events, lastHash, firstBrokenSeq, reason, reasonCode, count);
  }

  public static VerificationResult broken(long firstBrokenSeq, Reason reasonCode, String reason) {
    return new VerificationResult(
        Status.BROKEN, null, null, firstBrokenSeq, reason, reasonCode, null);
  }

  @JsonIgnore
  public boolean isOk() {
    return status == Status.OK;
  }
}
