package io.gxpflow.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}},
 * Camunda's own resource) under the same {@link LoginThrottle} as HTTP Basic: a throttled client
 * gets {@code 429} before Camunda checks a password; Camunda's {@code 401} counts as a failure, its
 * {@code 200} as a success.
 */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

  // a user name and a password; anything longer is cut off here and Camunda refuses it
  static final int MAX_FORM_BYTES = 16 * 1024;

  private final LoginThrottle throttle;
  private final AuthenticationEntryPoint refusal;

  WebappLoginThrottleFilter(LoginThrottle throttle, AuthenticationEntryPoint refusal) {
    this.throttle = throttle;
    this.refusal = refusal;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !request
            .getRequestURI()
            .startsWith(request.getContextPath() + "/camunda/api/admin/auth/user/")
        || !request.getRequestURI().contains("/login/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // read here and replayed to Camunda's resource: request.getParameter would consume the body
    // behind Jersey's back
    byte[] body = request.getInputStream().readNBytes(MAX_FORM_BYTES);
    HttpServletRequest replay = new ReplayedBody(request, body);
    String userId = formValue(body, "username");
    String client = request.getRemoteAddr();
    if (userId == null) {
      chain.doFilter(replay, response);
      return;
    }
    Instant lockedUntil = throttle.lockedUntil(client, userId);
    if (lockedUntil != null) {
      refusal.commence(request, response, new LoginThrottledException(userId, lockedUntil));
      return;
    }
    chain.doFilter(replay, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.recordFailure(client, userId);
    } else if (response.getStatus() == HttpServletResponse.SC_OK) {
      throttle.recordSuccess(client, userId);
    }
  }

  /** One field of an application/x-www-form-urlencoded body, or null. */
  static String formValue(byte[] body, String name) {
    for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0
          && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
        return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** The request with its body read once and served again from memory. */
  private static final class ReplayedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    ReplayedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
