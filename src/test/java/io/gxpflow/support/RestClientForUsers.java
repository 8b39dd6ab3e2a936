package io.gxpflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls the running app over HTTP as one demo user (password = user id) or anonymously. */
public class RestClientForUsers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate rest;

  public RestClientForUsers(TestRestTemplate rest) {
    this.rest = rest;
  }

  public TestRestTemplate anonymous() {
    return rest;
  }

  public TestRestTemplate as(String demoUser) {
    return rest.withBasicAuth(demoUser, demoUser);
  }

  public ResponseEntity<String> get(String user, String path) {
    return as(user).getForEntity(path, String.class);
  }

  public ResponseEntity<String> post(String user, String path, String json) {
    return send(user, HttpMethod.POST, path, json);
  }

  public ResponseEntity<String> put(String user, String path, String json) {
    return send(user, HttpMethod.PUT, path, json);
  }

  public ResponseEntity<String> delete(String user, String path) {
    return as(user).exchange(path, HttpMethod.DELETE, HttpEntity.EMPTY, String.class);
  }

  private ResponseEntity<String> send(String user, HttpMethod method, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return as(user).exchange(path, method, new HttpEntity<>(json, headers), String.class);
  }

  public static JsonNode json(ResponseEntity<String> response) {
    try {
      return JSON.readTree(response.getBody());
    } catch (Exception e) {
      throw new AssertionError("Not JSON (" + response.getStatusCode() + "): " + response.getBody(), e);
    }
  }
}
