package io.gxpflow.identity;

import io.gxpflow.compliance.audit.AuditTrail;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's identity store with audit and admin-only profiles ({@link AuditedIdentityProvider}),
 * and new users without rights on their own profile ({@link OwnUserReadOnly}). The starter applies
 * every ProcessEnginePlugin bean.
 */
@Component
public class IdentityEnginePlugin extends AbstractProcessEnginePlugin {

  private final AuditTrail auditTrail;
  private final JdbcTemplate jdbc;

  public IdentityEnginePlugin(AuditTrail auditTrail, JdbcTemplate jdbc) {
    this.auditTrail = auditTrail;
    this.jdbc = jdbc;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(
        AuditedIdentityProvider.factory(auditTrail, jdbc));
    configuration.setResourceAuthorizationProvider(new OwnUserReadOnly());
  }
}
