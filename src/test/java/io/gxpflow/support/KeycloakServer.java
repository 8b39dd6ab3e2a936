package io.gxpflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one real Keycloak of an integration test run, on {@value #PORT} with the realm of {@code
 * keycloak/gxpflow-realm.json}. The first call starts it, or reuses one that already serves the
 * realm there (e.g. {@code keycloak/run.sh --background}, or a run killed before its shutdown
 * hook); a Keycloak this class started is stopped when the test JVM exits. Starting takes about a
 * minute (the first start after unpacking about 1.5 minutes), so every test shares it: tests that
 * lock, disable or fail a user's password create a user of their own ({@link #createUser}).
 *
 * <p>The distribution is unpacked by the build ({@code dependency:unpack@keycloak-dist} before the
 * integration tests); failsafe passes its directory as {@code gxpflow.keycloak.home}.
 */
public final class KeycloakServer {

  public static final int PORT = 8180;
  public static final String REALM = "gxpflow";
  public static final String BASE_URL = "http://localhost:" + PORT;
  public static final String ISSUER = BASE_URL + "/realms/" + REALM;

  /** The public client with the password grant (tests, Modeler's token, signature re-check). */
  public static final String CLI_CLIENT = "gxpflow-cli";

  /** The master realm's administrator of the demo and test Keycloak (keycloak/README.md). */
  public static final String ADMIN_USER = "kcadmin";

  public static final String ADMIN_PASSWORD = "kcadmin";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
  private static final Path REALM_FILE = Path.of("keycloak/gxpflow-realm.json");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static boolean ready;
  private static String adminToken;
  private static Instant adminTokenRenewal;

  private KeycloakServer() {}

  /** Starts Keycloak, or finds it running, once per JVM; later calls return at once. */
  public static synchronized void ensureRunning() {
    if (ready) {
      return;
    }
    if (!answers()) {
      if (portTaken()) {
        throw new IllegalStateException(
            "Port "
                + PORT
                + " is taken, but not by a Keycloak with the realm "
                + REALM
                + ": stop what runs there");
      }
      start();
    }
    ready = true;
  }

  /** {@code http://localhost:8180/realms/gxpflow}, the {@code iss} of every token of the realm. */
  public static String issuer() {
    ensureRunning();
    return ISSUER;
  }

  /** An access token of {@code username} by the password grant on {@value #CLI_CLIENT}. */
  public static String tokenFor(String username, String password) {
    return accessToken(passwordGrant(username, password), username);
  }

  /**
   * The token endpoint's raw answer to a password grant: 200 with tokens; 401 {@code invalid_grant}
   * for a wrong password and for a locked user (Keycloak does not tell them apart); 400 {@code
   * invalid_grant} "Account disabled" for a disabled user.
   */
  public static HttpResponse<String> passwordGrant(String username, String password) {
    ensureRunning();
    return post(
        ISSUER + "/protocol/openid-connect/token",
        null,
        Map.of(
            "grant_type", "password",
            "client_id", CLI_CLIENT,
            "username", username,
            "password", password,
            "scope", "openid"));
  }

  /**
   * An access token of a confidential client's service account (client credentials), e.g. {@code
   * serviceToken("mes-bridge", "mes-bridge-secret")}.
   */
  public static String serviceToken(String clientId, String secret) {
    ensureRunning();
    HttpResponse<String> response =
        post(
            ISSUER + "/protocol/openid-connect/token",
            basic(clientId, secret),
            Map.of("grant_type", "client_credentials"));
    return accessToken(response, clientId);
  }

  /** The payload of a JWT (not verified: the tests look at what Keycloak put in). */
  public static JsonNode claims(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a JWT");
    }
    return read(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
  }

  /**
   * Creates a user of the realm, email verified, no required actions, password not temporary,
   * member of the given groups (the contract's ids). For tests that lock, disable or fail a user.
   */
  public static void createUser(String username, String password, String... groups) {
    ObjectNode user = JSON.createObjectNode();
    user.put("username", username);
    user.put("enabled", true);
    user.put("emailVerified", true);
    user.put("firstName", "Probe");
    user.put("lastName", username);
    user.put("email", username + "@probe.gxpflow.io");
    user.putArray("requiredActions");
    user.putArray("credentials")
        .addObject()
        .put("type", "password")
        .put("value", password)
        .put("temporary", false);
    Stream.of(groups).forEach(group -> user.withArray("groups").add("/" + group));
    HttpResponse<String> response = admin("POST", "/users", user.toString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("creating user " + username + ": " + describe(response));
    }
  }

  public static void deleteUser(String username) {
    expectNoContent(admin("DELETE", "/users/" + userId(username), null), "deleting " + username);
  }

  /** Enables or disables a user in Keycloak (a disabled user gets no token and cannot sign). */
  public static void setUserEnabled(String username, boolean enabled) {
    String path = "/users/" + userId(username);
    ObjectNode user = (ObjectNode) read(expectOk(admin("GET", path, null), "reading " + username));
    user.put("enabled", enabled);
    expectNoContent(admin("PUT", path, user.toString()), "updating " + username);
  }

  /**
   * Keycloak's brute-force record of a user: {@code disabled} (locked now), {@code numFailures},
   * {@code lastFailure}.
   */
  public static JsonNode bruteForceStatus(String username) {
    return read(
        expectOk(
            admin("GET", "/attack-detection/brute-force/users/" + userId(username), null),
            "brute-force status of " + username));
  }

  /** Clears a user's failed logins and lockout, as an administrator's "unlock" does. */
  public static void unlockUser(String username) {
    expectNoContent(
        admin("DELETE", "/attack-detection/brute-force/users/" + userId(username), null),
        "unlocking " + username);
  }

  /**
   * Sets how long the realm's access tokens live (seconds; the realm file says 300), for a test
   * that needs a token that expires; set it back afterwards.
   */
  public static void setAccessTokenLifespan(int seconds) {
    ObjectNode realm = (ObjectNode) read(expectOk(admin("GET", "", null), "reading the realm"));
    realm.put("accessTokenLifespan", seconds);
    expectNoContent(admin("PUT", "", realm.toString()), "updating the realm");
  }

  private static String userId(String username) {
    String query = "/users?exact=true&username=" + encode(username);
    JsonNode users = read(expectOk(admin("GET", query, null), "finding " + username));
    if (users.size() != 1) {
      throw new IllegalArgumentException("no user " + username + " in realm " + REALM);
    }
    return users.get(0).get("id").asText();
  }

  /** An admin REST call on the realm, as kcadmin. */
  private static HttpResponse<String> admin(String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(BASE_URL + "/admin/realms/" + REALM + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + adminToken())
            .header("Content-Type", "application/json");
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return send(request.build());
  }

  /** A token of Keycloak's master realm (kcadmin's): signed by Keycloak, but another issuer. */
  public static String masterToken() {
    return adminToken();
  }

  /** kcadmin's token, kept while it has 10 s left (the master realm's tokens live 60 s). */
  private static synchronized String adminToken() {
    ensureRunning();
    if (adminToken == null || Instant.now().isAfter(adminTokenRenewal)) {
      HttpResponse<String> login =
          post(
              BASE_URL + "/realms/master/protocol/openid-connect/token",
              null,
              Map.of(
                  "grant_type",
                  "password",
                  "client_id",
                  "admin-cli",
                  "username",
                  ADMIN_USER,
                  "password",
                  ADMIN_PASSWORD));
      JsonNode tokens = read(expectOk(login, "token for " + ADMIN_USER));
      adminToken = tokens.get("access_token").asText();
      adminTokenRenewal = Instant.now().plusSeconds(tokens.get("expires_in").asLong() - 10);
    }
    return adminToken;
  }

  private static boolean answers() {
    try {
      HttpResponse<String> discovery =
          send(
              HttpRequest.newBuilder(URI.create(ISSUER + "/.well-known/openid-configuration"))
                  .timeout(Duration.ofSeconds(5))
                  .build());
      return discovery.statusCode() == 200
          && ISSUER.equals(read(discovery.body()).path("issuer").asText());
    } catch (IllegalStateException notYet) {
      return false;
    }
  }

  private static boolean portTaken() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", PORT), 1000);
      return true;
    } catch (IOException free) {
      return false;
    }
  }

  /**
   * Starts {@code kc.sh start-dev} with a fresh database, so the realm file is imported as it is
   * now (Keycloak skips a realm it already has), and waits until the realm answers.
   */
  private static void start() {
    Path home = home();
    Path log = home.resolveSibling("keycloak-it.log");
    try {
      Files.createDirectories(home.resolve("data/import"));
      Files.copy(
          REALM_FILE,
          home.resolve("data/import").resolve(REALM_FILE.getFileName()),
          StandardCopyOption.REPLACE_EXISTING);
      deleteTree(home.resolve("data/h2"));
      ProcessBuilder builder =
          new ProcessBuilder(
                  home.resolve("bin/kc.sh").toString(),
                  "start-dev",
                  "--http-port=" + PORT,
                  "--import-realm")
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
      env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
      env.put("KC_HTTP_HOST", "127.0.0.1");
      env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
      // the tests' Java unless the environment names one for Keycloak
      env.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
      Process process = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
      Instant deadline = Instant.now().plus(START_TIMEOUT);
      while (!answers()) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              "Keycloak did not answer within " + START_TIMEOUT + "; see " + log);
        }
        if (!process.isAlive() && !portTaken()) {
          throw new IllegalStateException(
              "Keycloak exited with " + process.exitValue() + " while starting; see " + log);
        }
        Thread.sleep(500);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot start Keycloak from " + home, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while Keycloak started", e);
    }
  }

  /** kc.sh passes TERM on to Keycloak's JVM; its children are ended too should it not. */
  private static void stop(Process process) {
    List<ProcessHandle> tree = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private static Path home() {
    String configured = System.getProperty("gxpflow.keycloak.home");
    Path home;
    if (configured != null) {
      home = Path.of(configured);
    } else {
      try (Stream<Path> unpacked = Files.list(Path.of("target/keycloak"))) {
        home =
            unpacked
                .filter(dir -> dir.getFileName().toString().startsWith("keycloak-"))
                .filter(Files::isDirectory)
                .max(Comparator.naturalOrder())
                .orElse(Path.of("target/keycloak/missing"));
      } catch (IOException e) {
        home = Path.of("target/keycloak/missing");
      }
    }
    if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
      throw new IllegalStateException(
          "No Keycloak distribution in "
              + home
              + ": ./mvnw dependency:unpack@keycloak-dist unpacks it");
    }
    return home;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static String accessToken(HttpResponse<String> response, String who) {
    return read(expectOk(response, "token for " + who)).get("access_token").asText();
  }

  private static HttpResponse<String> post(
      String url, String authorization, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak at " + BASE_URL + " does not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (encode(user) + ":" + encode(password)).getBytes(StandardCharsets.UTF_8));
  }

  private static String expectOk(HttpResponse<String> response, String what) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(what + ": " + describe(response));
    }
    return response.body();
  }

  private static void expectNoContent(HttpResponse<String> response, String what) {
    if (response.statusCode() != 204) {
      throw new IllegalStateException(what + ": " + describe(response));
    }
  }

  private static String describe(HttpResponse<String> response) {
    return response.request().method()
        + " "
        + response.uri().getPath()
        + " -> "
        + response.statusCode()
        + " "
        + response.body();
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + json, e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
