package io.gxpflow.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.compliance.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * 401 and 403 from the security filters as RFC 9457 problem details, so an API client gets the same
 * shape of error from authentication as from validation. The 401 carries the Basic challenge
 * Camunda Modeler and curl expect; a client throttled after too many wrong passwords gets 429 with
 * {@code Retry-After}.
 */
public class ProblemResponses {

  public static final String REALM = "GxP Flow";

  private final ObjectMapper objectMapper;

  public ProblemResponses(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  public AuthenticationEntryPoint unauthorized() {
    return unauthorized(
        "Basic realm=\"" + REALM + "\"",
        "Authentication required: send the HTTP Basic credentials of a GxP Flow user (a technical"
            + " client: its "
            + ApiKeyAuthentication.HEADER
            + "). ");
  }

  /**
   * With Keycloak: a bearer token of the realm; a missing, expired, foreign or altered one is 401
   * with the Bearer challenge (RFC 6750).
   */
  public AuthenticationEntryPoint bearerUnauthorized() {
    return unauthorized(
        "Bearer realm=\"" + REALM + "\"",
        "Authentication required: send a bearer token of the GxP Flow realm (Authorization: Bearer"
            + " <access token>). ");
  }

  private AuthenticationEntryPoint unauthorized(String challenge, String required) {
    return (request, response, exception) -> {
      if (exception instanceof LoginThrottledException throttled) {
        // no challenge: another password would not be checked either, until the lock ends
        long seconds = Math.max(1, Duration.between(Instant.now(), throttled.until()).toSeconds());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, exception.getMessage());
        return;
      }
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
      write(request, response, HttpStatus.UNAUTHORIZED, required + exception.getMessage());
    };
  }

  public AccessDeniedHandler forbidden() {
    return (request, response, exception) ->
        write(
            request,
            response,
            HttpStatus.FORBIDDEN,
            "User '"
                + (request.getUserPrincipal() == null ? "?" : request.getUserPrincipal().getName())
                + "' is not allowed to "
                + request.getMethod()
                + " "
                + request.getRequestURI());
  }

  /**
   * A URL Spring Security's firewall refuses (an encoded slash, {@code ..}, a semicolon): 400 as a
   * problem detail like every other refusal, not the servlet container's error page.
   */
  public RequestRejectedHandler rejected() {
    return (request, response, exception) ->
        write(
            null,
            response,
            HttpStatus.BAD_REQUEST,
            "The request's URL is refused: it holds an encoded or relative path segment ("
                + exception.getMessage()
                + ")");
  }

  private void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = ProblemType.of(status).problem(status, detail);
    if (request != null) {
      problem.setInstance(URI.create(request.getRequestURI()));
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
