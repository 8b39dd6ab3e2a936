package io.gxpflow.compliance.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.compliance.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body must say what it is: {@code Content-Type: application/*} or an unparsable type is
 * a 415 problem detail. Spring MVC and Jersey would otherwise fail on it with a 500 while reading
 * the body.
 */
@Component
public class ConcreteContentTypeFilter extends OncePerRequestFilter {

  private final ObjectMapper objectMapper;

  public ConcreteContentTypeFilter(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String contentType = request.getContentType();
    if (contentType == null || concrete(contentType)) {
      chain.doFilter(request, response);
      return;
    }
    ProblemDetail problem =
        ProblemType.UNSUPPORTED_MEDIA_TYPE.problem(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "Content-Type must name one media type, such as application/json, not a pattern or an unreadable value.");
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }

  private static boolean concrete(String contentType) {
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return !type.isWildcardType() && !type.isWildcardSubtype();
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
