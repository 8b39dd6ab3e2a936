package io.gxpflow.identity;

import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code keycloak}: the engine reads its users and groups from the realm, read-only — names
 * on task cards and under signatures, candidate groups, Camunda Admin — through the Camunda
 * community's Keycloak identity provider plugin (client {@code camunda-identity-service}). A
 * signature's password is checked by Keycloak too ({@code IdentityService.checkPassword}: a
 * password grant), so its brute-force protection applies and a user disabled there cannot sign at
 * once. The plugin's login cache stays off for that reason. Settings: {@code
 * gxpflow.keycloak.identity.*} (application-keycloak.yaml).
 */
@Configuration
@Profile(SecurityConfiguration.KEYCLOAK_PROFILE)
class KeycloakIdentity {

  @Bean
  @ConfigurationProperties("gxpflow.keycloak.identity")
  KeycloakIdentityProviderPlugin keycloakIdentityProviderPlugin() {
    return new KeycloakIdentityProviderPlugin();
  }
}
