package io.gxpflow.compliance;

import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditTrail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Audits a refusal (segregation-of-duties violation, failed signature) that rolls back the transaction it
 * happens in. The event is written once that transaction has ended, in a transaction of its own: writing it
 * earlier would either roll back with the refused change or wait on the audit chain's lock held by it.
 */
@Component
public class RefusalAudit {

  private final AuditTrail auditTrail;

  public RefusalAudit(AuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  public void record(AuditEvent event) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      auditTrail.recordIndependently(event);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        auditTrail.recordIndependently(event);
      }
    });
  }
}
