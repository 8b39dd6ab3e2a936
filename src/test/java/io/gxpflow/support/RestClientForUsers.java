package io.gxpflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Calls the running app over HTTP as one demo user (password = user id) or anonymously. The
 * technical client {@code mes-bridge} sends its API key instead ({@link #API_KEYS}): it may not log
 * in with a password.
 */
public class RestClientForUsers {

  /** The demo API key of mes-bridge (application-demo.yaml holds its SHA-256). */
  public static final String MES_BRIDGE_API_KEY = "demo-mes-bridge-key";

  public static final Map<String, String> API_KEYS = Map.of("mes-bridge", MES_BRIDGE_API_KEY);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate rest;

  public RestClientForUsers(TestRestTemplate rest) {
    this.rest = rest;
  }

  public TestRestTemplate anonymous() {
    return rest;
  }

  /**
   * HTTP Basic as a demo user; for a technical client use the methods below, which send its API
   * key.
   */
  public TestRestTemplate as(String demoUser) {
    return rest.withBasicAuth(demoUser, demoUser);
  }

  public ResponseEntity<String> get(String user, String path) {
    return exchange(user, HttpMethod.GET, path, new HttpHeaders(), null);
  }

  public ResponseEntity<String> post(String user, String path, String json) {
    return send(user, HttpMethod.POST, path, json);
  }

  public ResponseEntity<String> put(String user, String path, String json) {
    return send(user, HttpMethod.PUT, path, json);
  }

  public ResponseEntity<String> delete(String user, String path) {
    return exchange(user, HttpMethod.DELETE, path, new HttpHeaders(), null);
  }

  private ResponseEntity<String> send(String user, HttpMethod method, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return exchange(user, method, path, headers, json);
  }

  private ResponseEntity<String> exchange(
      String user, HttpMethod method, String path, HttpHeaders headers, String body) {
    String apiKey = API_KEYS.get(user);
    if (apiKey != null) {
      headers.set("X-Api-Key", apiKey);
      return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
    return as(user).exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  public static JsonNode json(ResponseEntity<String> response) {
    try {
      return JSON.readTree(response.getBody());
    } catch (Exception e) {
      throw new AssertionError(
          "Not JSON (" + response.getStatusCode() + "): " + response.getBody(), e);
    }
  }
}
