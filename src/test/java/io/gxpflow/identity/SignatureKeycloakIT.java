package io.gxpflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.compliance.ComplianceFixture;
import io.gxpflow.support.EngineRegistry;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.KeycloakServer;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Part 11 signatures with Keycloak: the signer's password is checked by Keycloak (not the engine),
 * the printed name is the one Keycloak holds, every wrong password counts toward Keycloak's lockout
 * as well as the project's signing lock, and a user disabled in Keycloak cannot sign at once. Each
 * test signs as a QA user of its own, made in the realm for it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "gxpflow.keycloak.clock-skew=PT1S")
@ActiveProfiles({"test", "keycloak"})
@ExtendWith(EngineRegistry.class)
class SignatureKeycloakIT {

  static final String MEANING = "Deviation closure approved";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  Deployment deployment;
  String signer;
  String password;

  @BeforeAll
  static void keycloak() {
    KeycloakServer.ensureRunning();
  }

  @BeforeEach
  void signer() {
    deployment = ComplianceFixture.deploy(repositoryService);
    signer = "signer-" + UUID.randomUUID().toString().substring(0, 8);
    password = "pw-" + UUID.randomUUID();
    KeycloakServer.createUser(signer, password, "qa");
  }

  @AfterEach
  void cleanUp() {
    Fixtures.undeploy(repositoryService, deployment);
    KeycloakServer.deleteUser(signer);
  }

  @Test
  void theKeycloakPasswordSignsAndTheManifestCarriesTheNameKeycloakHolds() throws Exception {
    // the engine reads people from the realm: the probe user exists for it, read-only
    assertThat(identityService.isReadOnly()).isTrue();
    assertThat(identityService.createUserQuery().userId(signer).singleResult().getLastName())
        .isEqualTo(signer);

    Task closure = closureClaimed();
    ResponseEntity<String> signed = sign(closure, password);
    assertThat(signed.getStatusCode().value()).as(signed.getBody()).isEqualTo(201);
    JsonNode manifest = JSON.readTree(signed.getBody());
    assertThat(manifest.path("signerId").asText()).isEqualTo(signer);
    assertThat(manifest.path("signerName").asText()).isEqualTo("Probe " + signer);
    assertThat(manifest.path("meaning").asText()).isEqualTo(MEANING);
  }

  @Test
  void wrongPasswordsCountInKeycloakAndItsLockoutRefusesTheRightOne() throws Exception {
    Task closure = closureClaimed();
    // one login for all attempts: a successful login would reset Keycloak's count of failures
    String token = KeycloakServer.tokenFor(signer, password);
    ResponseEntity<String> wrong = sign(token, closure, "not-" + password);
    assertThat(wrong.getStatusCode().value()).isBetween(400, 499);
    assertThat(wrong.getBody()).contains("wrong-password").doesNotContain(password);
    assertThat(KeycloakServer.bruteForceStatus(signer).path("numFailures").asInt()).isEqualTo(1);

    // four more, further apart than Keycloak's quick-login check: locked there after the fifth
    for (int attempt = 2; attempt <= 5; attempt++) {
      Thread.sleep(1_100);
      assertThat(sign(token, closure, "not-" + password).getStatusCode().value())
          .isBetween(400, 499);
    }
    assertThat(KeycloakServer.bruteForceStatus(signer).path("disabled").asBoolean()).isTrue();
    ResponseEntity<String> locked = sign(token, closure, password);
    assertThat(locked.getStatusCode().value()).isBetween(400, 499);
    assertThat(taskService.createTaskQuery().taskId(closure.getId()).count()).isOne();
  }

  @Test
  void aUserDisabledInKeycloakCannotSignAtOnce() throws Exception {
    Task closure = closureClaimed();
    String token = KeycloakServer.tokenFor(signer, password);
    KeycloakServer.setUserEnabled(signer, false);
    // the token in hand is still valid for minutes; the signature asks Keycloak again
    ResponseEntity<String> refused = sign(token, closure, password);
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(401);
    assertThat(refused.getBody()).contains("may not log in");
    assertThat(taskService.createTaskQuery().taskId(closure.getId()).count()).isOne();
  }

  private Task closureClaimed() {
    Task closure =
        ComplianceFixture.closureOfNewCase(
            runtimeService, taskService, "DEV-KC-" + UUID.randomUUID().toString().substring(0, 8));
    ResponseEntity<String> claimed =
        send(
            KeycloakServer.tokenFor(signer, password),
            HttpMethod.POST,
            "/engine-rest/task/" + closure.getId() + "/claim",
            "{\"userId\": \"" + signer + "\"}");
    assertThat(claimed.getStatusCode().value()).as(claimed.getBody()).isEqualTo(204);
    return closure;
  }

  private ResponseEntity<String> sign(Task task, String signingPassword) throws Exception {
    return sign(KeycloakServer.tokenFor(signer, password), task, signingPassword);
  }

  private ResponseEntity<String> sign(String token, Task task, String signingPassword)
      throws Exception {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "password",
                signingPassword,
                "meaning",
                MEANING,
                "variables",
                Map.of("closureComment", "All CAPAs verified")));
    return send(token, HttpMethod.POST, "/api/tasks/" + task.getId() + "/signature", body);
  }

  private ResponseEntity<String> send(String token, HttpMethod method, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
  }
}
