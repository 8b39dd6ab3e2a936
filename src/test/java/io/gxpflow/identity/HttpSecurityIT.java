package io.gxpflow.identity;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.ProbeUsers;
import io.gxpflow.support.RestClientForUsers;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Deny by default over HTTP: who gets a 401, who a 403, what stays public. */
@IntegrationTest
class HttpSecurityIT {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  RestClientForUsers http;

  @BeforeEach
  void setUp() {
    http = new RestClientForUsers(rest);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/engine-rest/process-definition",
        "/engine-rest/engine/default/task",
        "/api/audit",
        "/api/anything",
        "/actuator/metrics",
        "/actuator/info"
      })
  void anonymousCallsAreRefusedWith401ProblemAndBasicChallenge(String path) {
    ResponseEntity<String> response = rest.getForEntity(path, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
        .isEqualTo("Basic realm=\"GxP Flow\"");
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json(response).path("status").asInt()).isEqualTo(401);
    assertThat(json(response).path("instance").asText()).isEqualTo(path);
  }

  @Test
  void wrongPasswordIsRefusedWith401() {
    String probe =
        ProbeUsers.create(identityService, "wrong-password-probe", "the-right-one", "qa");

    ResponseEntity<String> response =
        rest.withBasicAuth(probe, "not-the-right-one")
            .getForEntity("/engine-rest/process-definition", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(json(response).path("detail").asText()).contains("wrong password");
  }

  @Test
  void unknownUserIsRefusedWith401() {
    ResponseEntity<String> response =
        rest.withBasicAuth("mallory", "mallory")
            .getForEntity("/engine-rest/process-definition", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void healthIsPublicAndShowsNoDetailsToAnonymous() {
    ResponseEntity<String> response = rest.getForEntity("/actuator/health", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(response).path("status").asText()).isEqualTo("UP");
    assertThat(json(response).has("components")).isFalse();
  }

  @Test
  void otherActuatorEndpointsAreForOpsAndAdminsOnly() {
    assertThat(http.get("oscar", "/actuator/metrics").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.get("admin", "/actuator/metrics").getStatusCode()).isEqualTo(HttpStatus.OK);

    ResponseEntity<String> reviewer = http.get("mark", "/actuator/metrics");
    assertThat(reviewer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(reviewer.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json(reviewer).path("detail").asText()).contains("mark");
  }

  @Test
  void authenticatedUserPassesTheFilterOnTheProjectApi() {
    // nothing is mapped under /api yet: an authenticated call gets past security to a 404, not a
    // 401
    assertThat(http.get("mark", "/api/nothing-here").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void engineRestAnswersAnAuthenticatedUserWithinTheirAuthorizations() {
    ResponseEntity<String> response = http.get("mark", "/engine-rest/filter");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> filters = new ArrayList<>();
    json(response).forEach(filter -> filters.add(filter.path("name").asText()));
    assertThat(filters).containsExactlyInAnyOrder("MLR medical reviewers queue", "My tasks");
  }

  @Test
  void pathsOutsideTheKnownEntryPointsAreRefused() {
    assertThat(rest.getForEntity("/h2-console", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.get("admin", "/some/other/path").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void webappsAreServedAndRedirectTheRoot() {
    assertThat(rest.getForEntity("/camunda/app/tasklist/default/", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ResponseEntity<String> root = rest.getForEntity("/", String.class);
    assertThat(root.getStatusCode().is2xxSuccessful() || root.getStatusCode().is3xxRedirection())
        .isTrue();
  }
}
