package io.gxpflow.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a user logged in to the Camunda webapps (Tasklist) call {@code /api} from the browser: the
 * webapps' session login counts as authentication, but only together with the webapps' CSRF token
 * in {@code X-XSRF-TOKEN}, so a cross-site request riding on the session cookie is still refused.
 * Requests with an {@code Authorization} header go to HTTP Basic as before. This is how the
 * Tasklist signature plugin signs.
 *
 * <p>One exception, so that a record page opens by its URL, in a new tab or in Tasklist's Record
 * tab, and its PDF downloads from a link: a {@code GET} of a record copy ({@code
 * /api/records/{key}.html} or {@code .pdf}) needs no token when the browser says the request did
 * not come from another site ({@code Sec-Fetch-Site: same-origin} or {@code none}, a typed URL or
 * bookmark). Such a read changes nothing but the audit trail, which records who read what.
 */
public class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  static final String CSRF_HEADER = "X-XSRF-TOKEN";
  static final String FETCH_SITE_HEADER = "Sec-Fetch-Site";
  private static final String RECORDS = "/api/records/";
  static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";

  private final IdentityService identityService;
  private final String engineName;

  public WebappSessionAuthenticationFilter(IdentityService identityService, String engineName) {
    this.identityService = identityService;
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
      String userId = webappUser(request);
      if (userId != null) {
        SecurityContextHolder.getContext()
            .setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(
                    userId,
                    null,
                    EngineIdentityAuthenticationProvider.groupAuthorities(
                        identityService, userId)));
      }
    }
    chain.doFilter(request, response);
  }

  private String webappUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    if (isRecordCopyOpenedHere(request)) {
      return sessionUser(session);
    }
    String token = request.getHeader(CSRF_HEADER);
    if (token == null) {
      return null;
    }
    Object expected = session.getAttribute(CSRF_SESSION_ATTRIBUTE);
    if (!(expected instanceof String sessionToken)
        || !MessageDigest.isEqual(
            sessionToken.getBytes(StandardCharsets.UTF_8),
            token.getBytes(StandardCharsets.UTF_8))) {
      return null;
    }
    return sessionUser(session);
  }

  /** A GET of a record page or PDF that the browser says came from this site or the user. */
  static boolean isRecordCopyOpenedHere(HttpServletRequest request) {
    String path = path(request);
    String site = request.getHeader(FETCH_SITE_HEADER);
    return "GET".equals(request.getMethod())
        && path.startsWith(RECORDS)
        && (path.endsWith(".html") || path.endsWith(".pdf"))
        && ("same-origin".equals(site) || "none".equals(site));
  }

  /** A record page, which Tasklist's Record tab frames. */
  static boolean isRecordPage(HttpServletRequest request) {
    String path = path(request);
    return path.startsWith(RECORDS) && path.endsWith(".html");
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private String sessionUser(HttpSession session) {
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null
        || !(authentications.getAuthenticationForProcessEngine(engineName)
            instanceof UserAuthentication user)) {
      return null;
    }
    return user.getName();
  }
}
