package io.gxpflow.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.integration.contract.SystemHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The simulators' own authentication, as a customer's MES gateway would do it: header {@code
 * X-Api-Key} equal to {@code gxpflow.simulators.api-key}, else 401. Spring Security permits {@code
 * /sim/**} and leaves it to this filter, which is registered for {@code /sim/*} only (see {@link
 * SimulatorConfiguration}).
 */
public class SimulatorApiKeyFilter extends OncePerRequestFilter {

  private final byte[] apiKey;
  private final ObjectMapper objectMapper;

  public SimulatorApiKeyFilter(String apiKey, ObjectMapper objectMapper) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalStateException("gxpflow.simulators.api-key must not be empty");
    }
    this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
    this.objectMapper = objectMapper;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String presented = request.getHeader(SystemHeaders.API_KEY);
    // constant-time comparison: the answer time does not tell how much of a guessed key was right
    if (presented != null
        && MessageDigest.isEqual(apiKey, presented.getBytes(StandardCharsets.UTF_8))) {
      chain.doFilter(request, response);
      return;
    }
    SimulatorProblem problem =
        new SimulatorProblem(
            HttpStatus.UNAUTHORIZED,
            "urn:gxpflow:sim:api-key-invalid",
            "API key missing or wrong",
            "API_KEY_INVALID",
            (presented == null ? "No " : "Wrong ") + SystemHeaders.API_KEY + " header.");
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem.problem());
  }
}
