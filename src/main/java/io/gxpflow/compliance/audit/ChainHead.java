package io.gxpflow.compliance.audit;

/** The end of the chain as {@code gxp_audit_chain_head} records it: the last seq and its hash. */
public record ChainHead(long lastSeq, String lastHash) {

  public static final ChainHead GENESIS = new ChainHead(0, AuditChain.GENESIS_HASH);
}
