package io.gxpflow.identity;

import io.gxpflow.compliance.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import java.security.MessageDigest;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * {@code X-Api-Key} for technical clients ({@link ApiClientProperties}): a key a stranger can
 * neither guess nor lock, unlike a password. The presented key's SHA-256 is compared with every
 * configured hash in constant time; a match authenticates as that client's engine user with its
 * groups, so the engine's authorizations apply as for anyone.
 */
final class ApiKeyAuthentication {

  static final String HEADER = "X-Api-Key";

  private ApiKeyAuthentication() {}

  /**
   * The key from the header, for Spring Security's {@code AuthenticationFilter}; no header → not
   * this scheme.
   */
  static AuthenticationConverter converter() {
    return (HttpServletRequest request) -> {
      String key = request.getHeader(HEADER);
      return key == null ? null : new KeyToken(key);
    };
  }

  static AuthenticationProvider provider(
      ApiClientProperties clients, IdentityService identityService) {
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(Authentication authentication) {
        byte[] presented = Sha256.of(((KeyToken) authentication).key);
        String match = null;
        // every hash compared, no early exit: the time taken says nothing about which key came
        // close
        for (ApiClientProperties.ApiClient client : clients.apiClients()) {
          if (MessageDigest.isEqual(presented, client.keyHash()) && match == null) {
            match = client.userId();
          }
        }
        if (match == null || identityService.createUserQuery().userId(match).count() == 0) {
          throw new BadCredentialsException("Unknown API key");
        }
        return UsernamePasswordAuthenticationToken.authenticated(
            match,
            null,
            EngineIdentityAuthenticationProvider.groupAuthorities(identityService, match));
      }

      @Override
      public boolean supports(Class<?> authentication) {
        return KeyToken.class.isAssignableFrom(authentication);
      }
    };
  }

  /** A presented key, not yet checked; never printed. */
  static final class KeyToken extends AbstractAuthenticationToken {

    private final String key;

    KeyToken(String key) {
      super(null);
      this.key = key;
    }

    @Override
    public Object getCredentials() {
      return "[api key]";
    }

    @Override
    public Object getPrincipal() {
      return "[api client]";
    }
  }
}
