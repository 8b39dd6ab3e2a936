package io.gxpflow.security;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.ProbeUsers;
import io.gxpflow.support.RestClientForUsers;
import io.gxpflow.support.WebappSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10, point 7: ten wrong passwords from a stranger locked an account until an administrator
 * unlocked it. Now the stranger's client is throttled for that user, for a while; the owner logs in
 * from elsewhere at once; and the technical client mes-bridge authenticates with an API key nobody
 * can lock. The attacker's requests come from another loopback address (127.0.0.2) than the owner's
 * (127.0.0.1), as from another machine.
 */
@IntegrationTest
class LoginLockoutIT {

  static final String ATTACKER = "127.0.0.2";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired AuditTrail auditTrail;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aStrangerWithTenWrongPasswordsDoesNotLockTheOwnerOut() {
    String victim =
        ProbeUsers.create(identityService, "victim-" + suffix(), "victims-password", "production");
    long before = auditTrail.head().lastSeq();

    List<Integer> statuses = new ArrayList<>();
    for (int attempt = 0; attempt < 12; attempt++) {
      statuses.add(basic(ATTACKER, victim, "guess-" + attempt, "/engine-rest/task/count").status);
    }

    // nine refusals, then the attacker's client is locked out of this user
    assertThat(statuses.subList(0, 9)).containsOnly(401);
    assertThat(statuses.subList(9, 12)).containsOnly(429);
    Raw throttled = basic(ATTACKER, victim, "victims-password", "/engine-rest/task/count");
    assertThat(throttled.status).as("the right password from the throttled client").isEqualTo(429);
    assertThat(throttled.header("content-type")).startsWith("application/problem+json");
    assertThat(Long.parseLong(throttled.header("retry-after"))).isBetween(800L, 900L);
    assertThat(throttled.body).doesNotContain("Exception");

    // the owner, from another client, right away
    ResponseEntity<String> owner =
        rest.withBasicAuth(victim, "victims-password")
            .getForEntity("/engine-rest/task/count", String.class);
    assertThat(owner.getStatusCode()).as(owner.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(identityService.checkPassword(victim, "victims-password")).isTrue();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from gxp_audit_event where seq > ? and event_type = ?"
                    + " and details like ?",
                Integer.class,
                before,
                AuditEventTypes.LOGIN_THROTTLED,
                "%" + victim + "%"))
        .isEqualTo(1);
  }

  @Test
  void theWebappLoginIsThrottledTheSameWayAndTheOwnerStillGetsIn() {
    String victim =
        ProbeUsers.create(
            identityService, "victim-web-" + suffix(), "victims-password", "mlr-coordinators");
    assertThat(new WebappSession(port).login(victim, "victims-password", "tasklist"))
        .isEqualTo(200);

    List<Integer> statuses = new ArrayList<>();
    for (int attempt = 0; attempt < 11; attempt++) {
      statuses.add(webappLogin(ATTACKER, victim, "guess-" + attempt));
    }
    assertThat(statuses.subList(0, 10)).containsOnly(401);
    assertThat(statuses.get(10)).isEqualTo(429);
    assertThat(webappLogin(ATTACKER, victim, "victims-password")).isEqualTo(429);

    assertThat(new WebappSession(port).login(victim, "victims-password", "tasklist"))
        .isEqualTo(200);
  }

  @Test
  void mesBridgePostsEventsWithItsApiKeyAndCannotBeLockedThroughItsPassword() {
    // its password no longer opens anything, so guessing it gets nowhere and counts for nothing
    for (int attempt = 0; attempt < 12; attempt++) {
      Raw guess = basic(ATTACKER, "mes-bridge", "guess-" + attempt, "/engine-rest/task/count");
      assertThat(guess.status).isEqualTo(401);
      assertThat(guess.body).contains("authenticate with their API key").contains("not a password");
    }
    ResponseEntity<String> withPassword =
        rest.withBasicAuth("mes-bridge", "mes-bridge")
            .postForEntity("/api/events/deviations", jsonBody("{}"), String.class);
    assertThat(withPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(json(withPassword).path("detail").asText()).contains("API key");

    // the key: through authentication and authorization to the controller, which reads the (empty)
    // event
    ResponseEntity<String> withKey = withApiKey(RestClientForUsers.MES_BRIDGE_API_KEY, "{}");
    assertThat(withKey.getStatusCode()).as(withKey.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(
            rest.exchange(
                    "/engine-rest/task/count",
                    HttpMethod.GET,
                    apiKeyEntity(RestClientForUsers.MES_BRIDGE_API_KEY, null),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);

    for (String wrong :
        new String[] {
          "",
          "wrong",
          RestClientForUsers.MES_BRIDGE_API_KEY + "x",
          RestClientForUsers.MES_BRIDGE_API_KEY.toUpperCase(Locale.ROOT)
        }) {
      ResponseEntity<String> refused = withApiKey(wrong, "{}");
      assertThat(refused.getStatusCode())
          .as("key '" + wrong + "'")
          .isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(refused.getHeaders().getContentType().toString())
          .startsWith("application/problem+json");
    }
    // a person's key does not exist: a key authenticates only the client configured for it
    assertThat(
            rest.exchange(
                    "/api/events/deviations",
                    HttpMethod.POST,
                    apiKeyEntity(null, "{}"),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private ResponseEntity<String> withApiKey(String key, String body) {
    return rest.exchange(
        "/api/events/deviations", HttpMethod.POST, apiKeyEntity(key, body), String.class);
  }

  private static HttpEntity<String> apiKeyEntity(String key, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("Content-Type", "application/json");
    if (key != null) {
      headers.set("X-Api-Key", key);
    }
    return new HttpEntity<>(body, headers);
  }

  private static HttpEntity<String> jsonBody(String body) {
    return apiKeyEntity(null, body);
  }

  private Raw basic(String from, String user, String password, String path) {
    String credentials =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return send(
        from,
        "GET",
        path,
        Map.of("Authorization", "Basic " + credentials, "Accept", "application/json"),
        null);
  }

  /** The Tasklist login page's call, with its session cookie and CSRF token, from {@code from}. */
  private int webappLogin(String from, String user, String password) {
    Raw page = send(from, "GET", "/camunda/app/tasklist/default/", Map.of(), null);
    Map<String, String> cookies = new LinkedHashMap<>();
    for (String setCookie : page.setCookies) {
      String pair = setCookie.split(";", 2)[0];
      cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(
        "Cookie",
        String.join(
            "; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    headers.put("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""));
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    headers.put("Accept", "application/json");
    return send(from, "POST", "/camunda/api/admin/auth/user/default/login/tasklist", headers, form)
        .status;
  }

  /**
   * One HTTP/1.1 request over a socket bound to {@code from}: the server sees that remote address.
   */
  private Raw send(
      String from, String method, String path, Map<String, String> headers, String body) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(10000);
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder request =
          new StringBuilder(
              method
                  + " "
                  + path
                  + " HTTP/1.1\r\nHost: localhost:"
                  + port
                  + "\r\nConnection: close\r\n");
      headers.forEach(
          (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      if (body != null) {
        request.append("Content-Length: ").append(content.length).append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return Raw.parse(socket.getInputStream());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Status, headers (lower-case names) and body of a raw response; a chunked body is left as sent.
   */
  record Raw(int status, Map<String, String> headers, List<String> setCookies, String body) {

    String header(String name) {
      return headers.get(name);
    }

    static Raw parse(InputStream in) throws IOException {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String[] lines = text.substring(0, end).split("\r\n");
      Map<String, String> headers = new LinkedHashMap<>();
      List<String> cookies = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        String name = lines[i].substring(0, lines[i].indexOf(':')).toLowerCase(Locale.ROOT);
        String value = lines[i].substring(lines[i].indexOf(':') + 1).trim();
        headers.put(name, value);
        if (name.equals("set-cookie")) {
          cookies.add(value);
        }
      }
      return new Raw(
          Integer.parseInt(lines[0].split(" ")[1]), headers, cookies, text.substring(end + 4));
    }
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
