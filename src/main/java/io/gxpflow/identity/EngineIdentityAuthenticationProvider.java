package io.gxpflow.identity;

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

/**
 * HTTP Basic credentials checked against the engine's identity service, the same check Camunda's own
 * {@code HttpBasicAuthenticationProvider} makes (including its brute-force login delay). The user's groups become
 * {@code GROUP_<id>} authorities, which {@link EngineAuthenticationFilter} hands on to the engine.
 */
public class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

  public static final String GROUP_PREFIX = "GROUP_";

  private final IdentityService identityService;

  public EngineIdentityAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String userId = authentication.getName();
    Object password = authentication.getCredentials();
    if (userId == null || userId.isBlank() || !(password instanceof String secret)
        || !identityService.checkPassword(userId, secret)) {
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, groupAuthorities(identityService, userId));
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
