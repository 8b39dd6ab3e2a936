package io.gxpflow.compliance.audit;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The full verification behind {@code GET /api/audit/verify}: the hash chain up to the committed
 * head ({@link AuditVerifier}), anchored by every keyed checkpoint of the database and of this
 * installation's checkpoint file ({@link AuditCheckpoints}), then the records the chain covers
 * ({@link AuditCrossCheck}: the signature manifests).
 */
@Service
public class AuditVerification {

  private final AuditTrail auditTrail;
  private final AuditCheckpoints checkpoints;
  private final List<AuditCrossCheck> crossChecks;

  public AuditVerification(
      AuditTrail auditTrail, AuditCheckpoints checkpoints, List<AuditCrossCheck> crossChecks) {
    this.auditTrail = auditTrail;
    this.checkpoints = checkpoints;
    this.crossChecks = crossChecks;
  }

  public VerificationResult verify() {
    // checkpoints first: each attests a head committed before it, so none can be newer than the
    // head read next
    List<AuditCheckpoint> anchors = checkpoints.all();
    ChainHead head = auditTrail.head();
    VerificationResult chain =
        AuditVerifier.verify(
            auditTrail.chainUpTo(head.lastSeq()), head, anchors, checkpoints.key());
    if (!chain.isOk()) {
      return chain;
    }
    for (AuditCrossCheck crossCheck : crossChecks) {
      Optional<VerificationResult> broken = crossCheck.check(head);
      if (broken.isPresent()) {
        return broken.get();
      }
    }
    return chain;
  }
}
