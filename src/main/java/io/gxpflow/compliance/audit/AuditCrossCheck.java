package io.gxpflow.compliance.audit;

import java.util.Optional;

/**
 * A record outside {@code gxp_audit_event} that the chain covers (a signature manifest, say):
 * checked against its audit event by {@link AuditVerification} once the chain itself verified.
 */
public interface AuditCrossCheck {

  /**
   * A BROKEN result naming the first record (up to {@code head}) that no longer matches its event,
   * or empty.
   */
  Optional<VerificationResult> check(ChainHead head);
}
