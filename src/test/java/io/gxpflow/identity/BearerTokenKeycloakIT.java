package io.gxpflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.support.EngineRegistry;
import io.gxpflow.support.KeycloakServer;
import io.gxpflow.support.ModelerUpload;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Profile {@code keycloak} against a real Keycloak with the project's realm: {@code /engine-rest}
 * and {@code /api} take the realm's bearer tokens and nothing else. A token that expired, comes
 * from another issuer, is for another audience or was altered is 401; HTTP Basic is off; the groups
 * in the token decide what a user may do (403 otherwise); the MES bridge posts events as a service
 * account. Runs in the H2 pass only: it tests authentication, not the database.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // a token is expired a second after its time, so the test need not wait Spring's minute
    properties = "gxpflow.keycloak.clock-skew=PT1S")
@ActiveProfiles({"test", "keycloak"})
@ExtendWith(EngineRegistry.class)
class BearerTokenKeycloakIT {

  @Autowired TestRestTemplate rest;

  @BeforeAll
  static void keycloak() {
    KeycloakServer.ensureRunning();
  }

  @Test
  void aUsersTokenIsTheUserWithTheGroupsKeycloakGivesThem() {
    String ivan = KeycloakServer.tokenFor("ivan", "ivan");
    ResponseEntity<String> tasks = get(ivan, "/engine-rest/task?candidateGroup=investigators");
    assertThat(tasks.getStatusCode().value()).as(tasks.getBody()).isEqualTo(200);
    // the audit trail is QA's: ivan's groups do not reach it, quinn's do
    ResponseEntity<String> refused = get(ivan, "/api/audit?businessKey=DEV-1");
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getBody()).contains("ivan").doesNotContain("Exception");
    String quinn = KeycloakServer.tokenFor("quinn", "quinn");
    assertThat(get(quinn, "/api/audit?businessKey=DEV-1").getStatusCode().value()).isEqualTo(200);
    // the engine checks its own authorizations for the token's user and groups too: the content
    // review process is not the investigators' (they do not see it), it is the authors'
    String mlrReview = "/engine-rest/process-definition/key/mlr-review";
    assertThat(get(ivan, mlrReview).getStatusCode().value()).isEqualTo(404);
    String alice = KeycloakServer.tokenFor("alice", "alice");
    assertThat(get(alice, mlrReview).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void noTokenBasicAForeignIssuerAnotherAudienceOrAnAlteredTokenIs401() {
    ResponseEntity<String> none = rest.getForEntity("/engine-rest/task", String.class);
    assertThat(none.getStatusCode().value()).isEqualTo(401);
    assertThat(none.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    assertThat(none.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

    // the embedded default's Basic login is off in this profile, even with a valid password
    assertThat(
            rest.withBasicAuth("ivan", "ivan")
                .getForEntity("/engine-rest/task", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(401);

    // another audience: the identity plugin's service account is not for the API
    String otherAudience =
        KeycloakServer.serviceToken("camunda-identity-service", "camunda-identity-service-secret");
    assertThat(KeycloakServer.claims(otherAudience).path("aud").toString())
        .doesNotContain("gxpflow-api");
    assertThat(get(otherAudience, "/engine-rest/task").getStatusCode().value()).isEqualTo(401);

    // an altered token: ivan's claims with quinn's name, his signature
    String ivan = KeycloakServer.tokenFor("ivan", "ivan");
    String[] parts = ivan.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]))
            .replace("\"preferred_username\":\"ivan\"", "\"preferred_username\":\"quinn\"");
    String altered =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
            + "."
            + parts[2];
    assertThat(get(altered, "/api/audit?businessKey=DEV-1").getStatusCode().value()).isEqualTo(401);

    // another issuer: a token of Keycloak's master realm
    String master = KeycloakServer.masterToken();
    assertThat(KeycloakServer.claims(master).path("iss").asText()).endsWith("/realms/master");
    assertThat(get(master, "/engine-rest/task").getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void anExpiredTokenIs401() throws InterruptedException {
    String expiring;
    KeycloakServer.setAccessTokenLifespan(1);
    try {
      expiring = KeycloakServer.tokenFor("ivan", "ivan");
    } finally {
      KeycloakServer.setAccessTokenLifespan(300);
    }
    long expiresAt = KeycloakServer.claims(expiring).path("exp").asLong();
    // past its expiry and the one second of clock skew this test allows
    while (System.currentTimeMillis() / 1000 <= expiresAt + 2) {
      Thread.sleep(250);
    }
    ResponseEntity<String> expired = get(expiring, "/engine-rest/task");
    assertThat(expired.getStatusCode().value()).isEqualTo(401);
    assertThat(expired.getBody()).contains("expired");
  }

  @Test
  void theMesBridgePostsEventsAsAServiceAccount() {
    String bridge = KeycloakServer.serviceToken("mes-bridge", "mes-bridge-secret");
    String event =
        "{\"eventId\": \"mes-"
            + UUID.randomUUID()
            + "\", \"source\": \"MES\", \"title\": \"Label mix-up\", \"description\":"
            + " \"Wrong label on line 3\", \"occurredAt\": \"2026-11-21T22:10:00Z\","
            + " \"site\": \"Basel\", \"category\": \"process\"}";
    ResponseEntity<String> accepted =
        send(bridge, HttpMethod.POST, "/api/events/deviations", event);
    assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(201);
    // a person may not post what only systems post
    String paul = KeycloakServer.tokenFor("paul", "paul");
    assertThat(send(paul, HttpMethod.POST, "/api/events/deviations", event).getStatusCode().value())
        .isEqualTo(403);
  }

  /**
   * Camunda Modeler's deploy with a bearer token (its "Bearer token" authentication): olivia's
   * token deploys, ivan's is refused by the engine.
   */
  @Test
  void modelerDeploysWithAProcessOwnersBearerToken() {
    ClassPathResource diagram =
        new ClassPathResource("fixtures/modeler/" + ModelerDeployIT.DIAGRAM);
    ResponseEntity<String> deployed =
        ModelerUpload.deploy(
            bearer(KeycloakServer.tokenFor("olivia", "olivia")),
            "Modeler deploy with Keycloak",
            ModelerDeployIT.DIAGRAM,
            diagram);
    assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);
    ResponseEntity<String> refused =
        ModelerUpload.deploy(
            bearer(KeycloakServer.tokenFor("ivan", "ivan")),
            "Modeler deploy with Keycloak",
            ModelerDeployIT.DIAGRAM,
            diagram);
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
  }

  /** The test client, sending a bearer token with every request. */
  private TestRestTemplate bearer(String token) {
    return new TestRestTemplate(
        new RestTemplateBuilder()
            .rootUri(rest.getRootUri())
            .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token));
  }

  private ResponseEntity<String> get(String token, String path) {
    return send(token, HttpMethod.GET, path, null);
  }

  private ResponseEntity<String> send(String token, HttpMethod method, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
  }
}
