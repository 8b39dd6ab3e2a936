package io.gxpflow.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}, Camunda's own resource)
 * under the same {@link LoginThrottle} as HTTP Basic: a throttled client gets {@code 429} before Camunda checks a
 * password; Camunda's {@code 401} counts as a failure, its {@code 200} as a success.
 */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;
  private final AuthenticationEntryPoint refusal;

  WebappLoginThrottleFilter(LoginThrottle throttle, AuthenticationEntryPoint refusal) {
    this.throttle = throttle;
    this.refusal = refusal;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !request.getRequestURI().startsWith(request.getContextPath() + "/camunda/api/admin/auth/user/")
        || !request.getRequestURI().contains("/login/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // a form post: Jersey reads the parameters the container parsed here
    String userId = request.getParameter("username");
    String client = request.getRemoteAddr();
    if (userId == null) {
      chain.doFilter(request, response);
      return;
    }
    Instant lockedUntil = throttle.lockedUntil(client, userId);
    if (lockedUntil != null) {
      refusal.commence(request, response, new LoginThrottledException(userId, lockedUntil));
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.recordFailure(client, userId);
    } else if (response.getStatus() == HttpServletResponse.SC_OK) {
      throttle.recordSuccess(client, userId);
    }
  }
}
