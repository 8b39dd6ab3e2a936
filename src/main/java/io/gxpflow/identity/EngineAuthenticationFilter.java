package io.gxpflow.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the authenticated user and groups to the engine for the length of the request, as Camunda's
 * {@code ProcessEngineAuthenticationFilter} does, so every engine call of the request is checked
 * against that user's authorizations (a 403 from {@code /engine-rest} when they are missing).
 * Cleared afterwards: threads are pooled.
 */
public class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  public EngineAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || authentication instanceof AnonymousAuthenticationToken
        || !authentication.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    List<String> groupIds =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(
                authority ->
                    authority.startsWith(EngineIdentityAuthenticationProvider.GROUP_PREFIX))
            .map(
                authority ->
                    authority.substring(EngineIdentityAuthenticationProvider.GROUP_PREFIX.length()))
            .toList();
    try {
      identityService.setAuthentication(authentication.getName(), groupIds, List.of());
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
