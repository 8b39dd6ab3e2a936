package io.gxpflow.identity;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * How a bearer token of the Keycloak realm is checked (profile {@code keycloak}): signed by the
 * realm's keys (fetched when first needed, so the application starts while Keycloak does), issued
 * by the realm, for the API audience, and not expired — with a clock skew of our choosing ({@code
 * gxpflow.keycloak.clock-skew}, 30 s by default) rather than Spring's fixed 60 s. The rest is
 * Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*} (application-keycloak.yaml).
 */
@Configuration
@Profile(SecurityConfiguration.KEYCLOAK_PROFILE)
class RealmTokens {

  @Bean
  JwtDecoder realmTokenDecoder(
      OAuth2ResourceServerProperties properties,
      @Value("${gxpflow.keycloak.clock-skew:PT30S}") Duration clockSkew) {
    OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
    List<String> audiences = jwt.getAudiences();
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            new JwtTimestampValidator(clockSkew),
            new JwtIssuerValidator(jwt.getIssuerUri()),
            new JwtClaimValidator<Collection<String>>(
                JwtClaimNames.AUD,
                aud -> aud != null && aud.stream().anyMatch(audiences::contains))));
    return decoder;
  }
}
