package io.gxpflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The realm file and {@link KeycloakServer} give what the keycloak profile relies on: the issuer,
 * tokens with the contract's groups and the API audience, the bridge's service account in {@code
 * systems}, and the brute-force lockout. No Spring here.
 */
class KeycloakServerIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void discoveryNamesTheIssuerTheAppIsConfiguredWith() throws Exception {
    HttpResponse<String> discovery =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(KeycloakServer.issuer() + "/.well-known/openid-configuration"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(discovery.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(discovery.body()).get("issuer").asText())
        .isEqualTo("http://localhost:8180/realms/gxpflow");
  }

  @Test
  void aDemoUsersTokenCarriesNameGroupsAudienceAndIssuer() {
    JsonNode claims = KeycloakServer.claims(KeycloakServer.tokenFor("ivan", "ivan"));

    assertThat(claims.get("preferred_username").asText()).isEqualTo("ivan");
    assertThat(values(claims.get("groups"))).containsExactly("investigators");
    assertThat(values(claims.get("aud"))).contains("gxpflow-api");
    assertThat(claims.get("iss").asText()).isEqualTo(KeycloakServer.ISSUER);
    assertThat(claims.get("email").asText()).isEqualTo("ivan@demo.gxpflow.io");
  }

  @Test
  void everyDemoUserIsInTheGroupOfTheContract() {
    String[][] demo = {
      {"alice", "content-authors"}, {"carl", "mlr-coordinators"}, {"mark", "mlr-medical"},
      {"lena", "mlr-legal"}, {"rita", "mlr-regulatory"}, {"paul", "production"},
      {"ivan", "investigators"}, {"quinn", "qa"}, {"petra", "qp"},
      {"olivia", "process-owners"}, {"oscar", "ops"}, {"admin", "camunda-admin"}
    };
    for (String[] user : demo) {
      JsonNode claims = KeycloakServer.claims(KeycloakServer.tokenFor(user[0], user[0]));
      assertThat(values(claims.get("groups"))).as(user[0]).containsExactly(user[1]);
      assertThat(values(claims.get("aud"))).as(user[0]).contains("gxpflow-api");
    }
  }

  @Test
  void theMesBridgeServiceAccountIsInGroupSystems() {
    JsonNode claims =
        KeycloakServer.claims(KeycloakServer.serviceToken("mes-bridge", "mes-bridge-secret"));

    assertThat(values(claims.get("groups"))).containsExactly("systems");
    assertThat(values(claims.get("aud"))).contains("gxpflow-api");
    assertThat(claims.get("azp").asText()).isEqualTo("mes-bridge");
  }

  @Test
  void aWrongPasswordGets401AndTheFifthLocksTheRightOneOutUntilUnlocked() throws Exception {
    String user = "probe-" + UUID.randomUUID().toString().substring(0, 8);
    KeycloakServer.createUser(user, "right-" + user, "investigators");
    try {
      for (int failure = 1; failure <= 5; failure++) {
        // more than quickLoginCheckMilliSeconds apart: two failures within 1 s lock at once
        Thread.sleep(1100);
        HttpResponse<String> wrong = KeycloakServer.passwordGrant(user, "wrong");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("invalid_grant");
        assertThat(KeycloakServer.bruteForceStatus(user).get("disabled").asBoolean())
            .as("locked after failure " + failure)
            .isEqualTo(failure == 5);
      }

      assertThat(KeycloakServer.passwordGrant(user, "right-" + user).statusCode()).isEqualTo(401);

      KeycloakServer.unlockUser(user);
      assertThat(KeycloakServer.passwordGrant(user, "right-" + user).statusCode()).isEqualTo(200);
    } finally {
      KeycloakServer.deleteUser(user);
    }
  }

  @Test
  void aDisabledUserGetsNoTokenAndAnEnabledOneDoes() {
    String user = "probe-" + UUID.randomUUID().toString().substring(0, 8);
    KeycloakServer.createUser(user, user, "qa");
    try {
      KeycloakServer.setUserEnabled(user, false);
      HttpResponse<String> refused = KeycloakServer.passwordGrant(user, user);
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body()).contains("invalid_grant", "Account disabled");

      KeycloakServer.setUserEnabled(user, true);
      JsonNode claims = KeycloakServer.claims(KeycloakServer.tokenFor(user, user));
      assertThat(values(claims.get("groups"))).containsExactly("qa");
    } finally {
      KeycloakServer.deleteUser(user);
    }
  }

  @Test
  void theCamundaIdentityServiceReadsUsersAndGroupsButChangesNothing() throws Exception {
    String token =
        KeycloakServer.serviceToken("camunda-identity-service", "camunda-identity-service-secret");
    HttpResponse<String> groups = adminApi(token, "GET", "/groups", null);
    assertThat(groups.statusCode()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    JSON.readTree(groups.body()).forEach(group -> names.add(group.get("name").asText()));
    assertThat(names)
        .containsExactlyInAnyOrder(
            "content-authors",
            "mlr-coordinators",
            "mlr-medical",
            "mlr-legal",
            "mlr-regulatory",
            "production",
            "investigators",
            "qa",
            "qp",
            "process-owners",
            "ops",
            "camunda-admin",
            "systems");
    HttpResponse<String> ivan = adminApi(token, "GET", "/users?exact=true&username=ivan", null);
    assertThat(ivan.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ivan.body()).get(0).get("lastName").asText())
        .isEqualTo("Investigator");

    assertThat(adminApi(token, "POST", "/users", "{\"username\":\"intruder\"}").statusCode())
        .isEqualTo(403);
  }

  private static HttpResponse<String> adminApi(
      String token, String method, String path, String json) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(KeycloakServer.BASE_URL + "/admin/realms/gxpflow" + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                    method,
                    json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theWebappClientTakesAnyLocalhostPortAsRedirectButNoOtherHost() throws Exception {
    assertThat(authorizationRequest("http://localhost:8080/login/oauth2/code/keycloak"))
        .isEqualTo(200);
    // the tests' app runs on a random port: Keycloak ignores the port of a loopback redirect URI
    assertThat(authorizationRequest("http://localhost:41234/login/oauth2/code/keycloak"))
        .isEqualTo(200);
    assertThat(authorizationRequest("http://127.0.0.1:41234/login/oauth2/code/keycloak"))
        .isEqualTo(200);
    assertThat(authorizationRequest("http://gxpflow.example/login/oauth2/code/keycloak"))
        .isEqualTo(400);
  }

  /** The status of the login page Keycloak shows for a webapp login with this redirect URI. */
  private static int authorizationRequest(String redirectUri) throws Exception {
    String url =
        KeycloakServer.issuer()
            + "/protocol/openid-connect/auth?response_type=code&scope=openid"
            + "&client_id=gxpflow-webapp&redirect_uri="
            + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** A claim that may be one string or an array of them ({@code aud} is either). */
  private static List<String> values(JsonNode claim) {
    List<String> values = new ArrayList<>();
    if (claim == null) {
      return values;
    }
    if (claim.isArray()) {
      claim.forEach(value -> values.add(value.asText()));
    } else {
      values.add(claim.asText());
    }
    return values;
  }
}
