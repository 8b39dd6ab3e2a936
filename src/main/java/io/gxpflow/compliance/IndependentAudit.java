package io.gxpflow.compliance;

import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditTrail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Audits what must be on record whatever becomes of the transaction it happens in: a refusal that
 * rolls it back (segregation-of-duties violation), a call to another system (it happened, even if
 * the job then fails). The event is written once that transaction has ended, in a transaction of
 * its own: writing it earlier would either roll back with the refused change or wait on the audit
 * chain's lock held by it.
 */
@Component
public class IndependentAudit {

  private final AuditTrail auditTrail;

  public IndependentAudit(AuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  public void record(AuditEvent event) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      auditTrail.recordIndependently(event);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            auditTrail.recordIndependently(event);
          }
        });
  }
}
