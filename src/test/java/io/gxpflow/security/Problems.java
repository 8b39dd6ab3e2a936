package io.gxpflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What every refusal must look like: a 4xx RFC 9457 problem detail in sentences, no Java class
 * names.
 */
final class Problems {

  /**
   * A qualified Java name (the project's own too) or an exception's name: what a stack trace leaks.
   */
  static final Pattern JAVA_NAME =
      Pattern.compile("\\b(java|javax|jakarta|org|com|io)\\.[a-z]+\\.[A-Za-z.]+|Exception\\b");

  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {}

  /** Asserts the refusal and returns the problem detail. */
  static JsonNode refused(ResponseEntity<String> response, int status) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    return problem(response);
  }

  static JsonNode problem(ResponseEntity<String> response) {
    assertThat(response.getStatusCode().is4xxClientError())
        .as("%s %s", response.getStatusCode(), response.getBody())
        .isTrue();
    assertThat(response.getHeaders().getContentType())
        .as(response.getBody())
        .isNotNull()
        .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    String body = response.getBody();
    assertThat(body).as("no Java class names").doesNotContainPattern(JAVA_NAME);
    try {
      JsonNode problem = JSON.readTree(body);
      assertThat(problem.path("status").asInt()).isEqualTo(response.getStatusCode().value());
      assertThat(problem.path("title").asText() + problem.path("detail").asText()).isNotBlank();
      return problem;
    } catch (Exception e) {
      throw new AssertionError("Not a JSON problem detail: " + body, e);
    }
  }
}
