package io.gxpflow.identity;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * HTTP Basic credentials checked against the engine's identity service, the same check Camunda's
 * own {@code HttpBasicAuthenticationProvider} makes, throttled per client and user by {@link
 * LoginThrottle} (the engine's own lock is off: a stranger could lock any account with it).
 * Technical clients (group {@code systems}, API clients) never log in with a password: they send
 * their API key. The user's groups become {@code GROUP_<id>} authorities, which {@link
 * EngineAuthenticationFilter} hands on to the engine.
 */
public class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

  public static final String GROUP_PREFIX = "GROUP_";

  private final IdentityService identityService;
  private final LoginThrottle throttle;
  private final ApiClientProperties apiClients;

  public EngineIdentityAuthenticationProvider(
      IdentityService identityService, LoginThrottle throttle, ApiClientProperties apiClients) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.apiClients = apiClients;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String userId = authentication.getName();
    Object password = authentication.getCredentials();
    if (userId == null || userId.isBlank() || !(password instanceof String secret)) {
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    if (isTechnicalClient(userId)) {
      // refused before any password check: nothing to guess, nothing to count or lock
      throw new BadCredentialsException(
          "Technical clients authenticate with their API key (header "
              + ApiKeyAuthentication.HEADER
              + "), not a password");
    }
    String client = client(authentication);
    Instant lockedUntil = throttle.lockedUntil(client, userId);
    if (lockedUntil != null) {
      throw new LoginThrottledException(userId, lockedUntil);
    }
    if (!identityService.checkPassword(userId, secret)) {
      Instant locked = throttle.recordFailure(client, userId);
      if (locked != null) {
        throw new LoginThrottledException(userId, locked);
      }
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    throttle.recordSuccess(client, userId);
    return UsernamePasswordAuthenticationToken.authenticated(
        userId, null, groupAuthorities(identityService, userId));
  }

  private boolean isTechnicalClient(String userId) {
    return apiClients.isApiClient(userId)
        || identityService
                .createUserQuery()
                .userId(userId)
                .memberOfGroup(GxpGroup.SYSTEMS.id())
                .count()
            > 0;
  }

  /**
   * The remote address Basic's filter recorded (behind a proxy: see
   * server.forward-headers-strategy).
   */
  private static String client(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details
            && details.getRemoteAddress() != null
        ? details.getRemoteAddress()
        : "unknown";
  }

  /** The user's groups in the identity service, as {@code GROUP_<id>} authorities. */
  static List<GrantedAuthority> groupAuthorities(IdentityService identityService, String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .<GrantedAuthority>map(id -> new SimpleGrantedAuthority(GROUP_PREFIX + id))
        .toList();
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
