package io.gxpflow.identity;

import io.gxpflow.compliance.audit.AuditTrail;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's identity store with audit and admin-only profiles ({@link AuditedIdentityProvider};
 * not with Keycloak, which keeps people and groups itself), and new users without rights on their
 * own profile ({@link OwnUserReadOnly}). The starter applies every ProcessEnginePlugin bean.
 */
@Component
public class IdentityEnginePlugin extends AbstractProcessEnginePlugin {

  private final AuditTrail auditTrail;
  private final JdbcTemplate jdbc;
  private final Environment environment;

  public IdentityEnginePlugin(AuditTrail auditTrail, JdbcTemplate jdbc, Environment environment) {
    this.auditTrail = auditTrail;
    this.jdbc = jdbc;
    this.environment = environment;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // with Keycloak, people and groups are Keycloak's (KeycloakIdentity), changed and audited there
    if (!environment.matchesProfiles(SecurityConfiguration.KEYCLOAK_PROFILE)) {
      configuration.setIdentityProviderSessionFactory(
          AuditedIdentityProvider.factory(auditTrail, jdbc));
    }
    configuration.setResourceAuthorizationProvider(new OwnUserReadOnly());
  }
}
