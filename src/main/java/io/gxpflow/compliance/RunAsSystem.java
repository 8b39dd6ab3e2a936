package io.gxpflow.compliance;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way the application's own code uses the engine as the system: without the caller's
 * Camunda authentication, so no authorization check applies, in one transaction that engine calls
 * and audit appends join. For work whose right was decided elsewhere (web security rules, a
 * signature step the signer may see) or that reads across every case (KPIs). Audit events of engine
 * changes made here name the actor {@code system}; record who asked explicitly.
 */
@Component
public class RunAsSystem {

  private final IdentityService identity;
  private final TransactionTemplate transaction;

  public RunAsSystem(ProcessEngine engine, PlatformTransactionManager transactionManager) {
    this.identity = engine.getIdentityService();
    this.transaction = new TransactionTemplate(transactionManager);
  }

  public <T> T call(Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return transaction.execute(status -> work.get());
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
