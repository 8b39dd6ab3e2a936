package io.gxpflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser-like session against the real Camunda webapps: cookies, the webapps' CSRF token (cookie
 * {@code XSRF-TOKEN}, echoed in the {@code X-XSRF-TOKEN} header) and their login endpoint, as
 * Tasklist's own login page uses them.
 */
public class WebappSession {

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  public WebappSession(int port) {
    this.baseUrl = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /**
   * Logs in to one webapp (tasklist, cockpit, admin); returns the HTTP status of the login call.
   */
  public int login(String user, String password, String app) {
    get("/camunda/app/" + app + "/default/");
    String form = "username=" + encode(user) + "&password=" + encode(password);
    int status =
        send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(form)))
            .statusCode();
    // the login starts a new session; like the app after login, ask who is logged in, which issues
    // its CSRF token
    get("/camunda/api/admin/auth/user/default");
    return status;
  }

  public HttpResponse<String> get(String path) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Accept", "application/json")
            .header("X-XSRF-TOKEN", csrfToken())
            .GET());
  }

  /** A page as a browser asks for it (Accept: text/html), with the session cookie. */
  public HttpResponse<String> getHtml(String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
  }

  /**
   * A page opened as the browser opens a link or a typed URL: the session cookie, no CSRF header,
   * and where the browser says it came from ({@code Sec-Fetch-Site}; null: a browser that does not
   * say).
   */
  public HttpResponse<String> open(String path, String fetchSite) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html");
    if (fetchSite != null) {
      request.header("Sec-Fetch-Site", fetchSite);
    }
    return send(request.GET());
  }

  /**
   * A JSON request to any path of the app with the session cookie, with or without the webapps'
   * CSRF header.
   */
  public HttpResponse<String> sendJson(
      String method, String path, String json, boolean withCsrfToken) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (withCsrfToken) {
      request.header("X-XSRF-TOKEN", csrfToken());
    }
    return send(request);
  }

  public JsonNode getJson(String path) {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GET " + path + " -> " + response.statusCode() + ": " + response.body());
    }
    try {
      return new ObjectMapper().readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private String csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse("");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
