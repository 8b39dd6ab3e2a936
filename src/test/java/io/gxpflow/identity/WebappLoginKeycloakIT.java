package io.gxpflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.support.EngineRegistry;
import io.gxpflow.support.KeycloakServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The webapps log in through Keycloak's real login page (profile {@code keycloak}): Tasklist sends
 * the browser there, Keycloak's form takes ivan's password, and Tasklist knows him with the groups
 * Keycloak gives him; the webapps' own login form is off; logout ends the Keycloak session too.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "gxpflow.keycloak.clock-skew=PT1S")
@ActiveProfiles({"test", "keycloak"})
@ExtendWith(EngineRegistry.class)
class WebappLoginKeycloakIT {

  static final Pattern LOGIN_FORM =
      Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @BeforeAll
  static void keycloak() {
    KeycloakServer.ensureRunning();
  }

  @Test
  void ivanLogsInToTasklistOnKeycloaksPageAndOutAgain() throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new LocalhostCookies())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    // Tasklist sends the browser to Keycloak's login page
    HttpResponse<String> loginPage = get(browser, app("/camunda/app/tasklist/default/"));
    assertThat(loginPage.uri().toString())
        .startsWith(KeycloakServer.issuer() + "/protocol/openid-connect/auth")
        .contains("client_id=gxpflow-webapp");
    Matcher form = LOGIN_FORM.matcher(loginPage.body());
    assertThat(form.find()).as(loginPage.body()).isTrue();

    // ivan's Keycloak password on Keycloak's form: back in Tasklist, logged in
    HttpResponse<String> back =
        browser.send(
            HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=ivan&password=ivan"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(back.uri().toString())
        .as("back in the application after the login form")
        .startsWith(app("/"));
    JsonNode who = whoIsLoggedIn(browser);
    // the engine knows his groups by their names, as Keycloak's groups claim gives them
    assertThat(engine.getIdentityService().createGroupQuery().groupMember("ivan").list())
        .extracting(group -> group.getId())
        .containsExactly("investigators");
    assertThat(who.path("userId").asText()).isEqualTo("ivan");
    assertThat(who.path("authorizedApps").toString()).contains("tasklist");
    // his work, through the webapps' engine API, as Tasklist asks for it
    HttpResponse<String> tasks =
        get(
            browser,
            app("/camunda/api/engine/engine/default/task/count?candidateGroup=investigators"));
    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);

    // no second login form: the webapps' own login is refused
    HttpResponse<String> ownLogin =
        browser.send(
            HttpRequest.newBuilder(
                    URI.create(app("/camunda/api/admin/auth/user/default/login/tasklist")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=quinn&password=quinn"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ownLogin.statusCode()).isEqualTo(403);

    // logout ends the Keycloak session: the next visit asks for the password again
    get(browser, app("/logout"));
    HttpResponse<String> again = get(browser, app("/camunda/app/tasklist/default/"));
    assertThat(again.uri().toString()).startsWith(KeycloakServer.issuer());
    assertThat(LOGIN_FORM.matcher(again.body()).find()).isTrue();
  }

  /**
   * Cookies as a browser keeps them for {@code localhost}: Keycloak marks its login cookies Secure
   * even over HTTP, and browsers treat localhost as a secure origin; Java's cookie manager does
   * not, so the flag is dropped here.
   */
  static final class LocalhostCookies extends CookieManager {
    @Override
    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
      Map<String, List<String>> browserLike = new HashMap<>();
      headers.forEach(
          (name, values) ->
              browserLike.put(
                  name,
                  name != null && name.equalsIgnoreCase("Set-Cookie")
                      ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList()
                      : values));
      super.put(uri, browserLike);
    }
  }

  private JsonNode whoIsLoggedIn(HttpClient browser) throws IOException, InterruptedException {
    HttpResponse<String> who = get(browser, app("/camunda/api/admin/auth/user/default"));
    assertThat(who.statusCode()).as(who.body()).isEqualTo(200);
    return new ObjectMapper().readTree(who.body());
  }

  private String app(String path) {
    return "http://localhost:" + port + path;
  }

  private static HttpResponse<String> get(HttpClient browser, String url)
      throws IOException, InterruptedException {
    return browser.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", "text/html,application/json")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
