package io.gxpflow.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Profile {@code keycloak}: the Camunda webapps take the user Spring Security logged in through
 * Keycloak (OpenID Connect, {@link SecurityConfiguration}) instead of their own login form —
 * Camunda's container-based authentication, fed by the ID token: the user name and the {@code
 * groups} claim. Camunda then checks its own authorizations ({@code AccessPolicy}) for that user
 * and those groups, as with the embedded default's logins.
 */
@Configuration
@Profile(SecurityConfiguration.KEYCLOAK_PROFILE)
class KeycloakWebappLogin {

  /** The realm's client of the webapps (application-keycloak.yaml). */
  static final String CLIENT_ID = "gxpflow-webapp";

  /** After Spring Security's filter chain, so the OpenID Connect login is known. */
  static final int AFTER_SPRING_SECURITY = 201;

  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappContainerAuthentication() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setInitParameters(
        Map.of("authentication-provider", FromOidcLogin.class.getName()));
    registration.setOrder(AFTER_SPRING_SECURITY);
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    return registration;
  }

  /**
   * Logout ends the Keycloak session too (OpenID Connect RP-initiated logout, with the ID token as
   * hint), and Keycloak sends the browser back to the webapps, which ask for a login again.
   */
  static LogoutSuccessHandler logout(String keycloakUrl, String realm) {
    return (request, response, authentication) -> {
      String back =
          ServletUriComponentsBuilder.fromContextPath(request).path("/camunda/app/").toUriString();
      UriComponentsBuilder end =
          UriComponentsBuilder.fromUriString(keycloakUrl)
              .pathSegment("realms", realm, "protocol", "openid-connect", "logout")
              .queryParam("post_logout_redirect_uri", back)
              .queryParam("client_id", CLIENT_ID);
      if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
        end.queryParam("id_token_hint", user.getIdToken().getTokenValue());
      }
      response.sendRedirect(end.encode().build().toUriString());
    };
  }

  /** The user and groups of the OpenID Connect login (the ID token), for the webapps' session. */
  public static class FromOidcLogin extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(
        HttpServletRequest request, ProcessEngine engine) {
      Authentication login = SecurityContextHolder.getContext().getAuthentication();
      if (login == null || !(login.getPrincipal() instanceof OidcUser user)) {
        return AuthenticationResult.unsuccessful();
      }
      AuthenticationResult result = new AuthenticationResult(user.getName(), true);
      result.setGroups(groups(user.getClaims().get("groups")));
      result.setTenants(List.of());
      return result;
    }

    private static List<String> groups(Object claim) {
      return claim instanceof Collection<?> names
          ? names.stream().map(String::valueOf).toList()
          : List.of();
    }
  }
}
