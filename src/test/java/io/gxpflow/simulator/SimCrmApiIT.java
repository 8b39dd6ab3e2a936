package io.gxpflow.simulator;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gxpflow.support.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The simulated CRM over real HTTP, as the integration client calls it (docs/integration/crm.md).
 */
@IntegrationTest
class SimCrmApiIT {

  static final String KEY = "demo-simulator-key";
  static final String FUTURE = LocalDate.now().plusYears(1).toString();

  @Autowired TestRestTemplate rest;
  @Autowired CrmSimulator crm;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theDemoContentIsSeeded() {
    JsonNode content = crm.content("MLR-2026-0001").orElseThrow();

    assertThat(content.path("version").asInt()).isEqualTo(1);
    assertThat(content.path("channels").toString()).isEqualTo("[\"email\"]");
    assertThat(content.path("markets").toString()).isEqualTo("[\"CH\"]");
  }

  @Test
  void publishAnswersADistributionAndTheSameKeyReplaysItOnce() {
    String contentId = contentId();
    String key = key();

    ResponseEntity<String> first = publish(key, contentId, 1, "[\"CH\",\"DE\"]", FUTURE);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode distribution = json(first);
    assertThat(distribution.path("distributionId").asText()).startsWith("DIST-");
    assertThat(distribution.path("contentId").asText()).isEqualTo(contentId);
    assertThat(distribution.path("version").asInt()).isEqualTo(1);
    assertThat(distribution.path("status").asText()).isEqualTo("PUBLISHED");
    assertThat(Instant.parse(distribution.path("publishedAt").asText()))
        .isBeforeOrEqualTo(Instant.now());

    // a retry, even with another body, is the same request: the first answer, nothing applied again
    ResponseEntity<String> again = publish(key, contentId, 2, "[\"FR\"]", FUTURE);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(json(again)).isEqualTo(distribution);
    assertThat(crm.content(contentId).orElseThrow().path("markets").toString())
        .isEqualTo("[\"CH\",\"DE\"]");
    assertThat(
            count(
                "select count(*) from gxp_sim_record where system = 'crm' and kind = 'content' "
                    + "and record_key = ?",
                contentId))
        .isEqualTo(1);
    assertThat(
            count(
                "select count(*) from gxp_sim_idempotency where system = 'crm' and idempotency_key = ?",
                key))
        .isEqualTo(1);

    // the same version published with a new key is still the one distribution
    assertThat(json(publish(key(), contentId, 1, "[\"CH\",\"DE\"]", FUTURE)).path("distributionId"))
        .isEqualTo(distribution.path("distributionId"));
  }

  @Test
  void withdrawnContentStaysWithdrawn() {
    String contentId = contentId();
    assertThat(publish(key(), contentId, 1, "[\"CH\"]", FUTURE).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    ResponseEntity<String> withdrawn = withdraw(key(), contentId);
    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(withdrawn).path("status").asText()).isEqualTo("WITHDRAWN");
    String withdrawnAt = json(withdrawn).path("withdrawnAt").asText();
    assertThat(Instant.parse(withdrawnAt)).isBeforeOrEqualTo(Instant.now());

    ResponseEntity<String> republished = publish(key(), contentId, 1, "[\"CH\"]", FUTURE);
    assertThat(republished.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(republished.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json(republished).path("code").asText()).isEqualTo("CONTENT_WITHDRAWN");
    assertThat(json(republished).path("type").asText())
        .isEqualTo("urn:gxpflow:crm:content-withdrawn");
    assertThat(crm.content(contentId).orElseThrow().path("status").asText()).isEqualTo("WITHDRAWN");

    // withdrawing again changes nothing; a new version may go out
    assertThat(json(withdraw(key(), contentId)).path("withdrawnAt").asText())
        .isEqualTo(withdrawnAt);
    assertThat(publish(key(), contentId, 2, "[\"CH\"]", FUTURE).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void withdrawingUnknownContentIs404() {
    ResponseEntity<String> response = withdraw(key(), contentId());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json(response).path("code").asText()).isEqualTo("CONTENT_UNKNOWN");
  }

  @Test
  void anUnknownMarketIs422AndPublishesNothing() {
    String contentId = contentId();

    ResponseEntity<String> response = publish(key(), contentId, 1, "[\"CH\",\"XX\"]", FUTURE);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(json(response).path("code").asText()).isEqualTo("MARKET_UNKNOWN");
    assertThat(json(response).path("detail").asText()).contains("XX");
    assertThat(crm.content(contentId)).isEmpty();
  }

  @Test
  void aPastExpiryIs422() {
    String contentId = contentId();

    ResponseEntity<String> response =
        publish(key(), contentId, 1, "[\"CH\"]", LocalDate.now().minusDays(2).toString());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(json(response).path("code").asText()).isEqualTo("CONTENT_EXPIRED");
    assertThat(crm.content(contentId)).isEmpty();
  }

  @Test
  void malformedRequestsAre400() {
    assertThat(json(publish(null, contentId(), 1, "[\"CH\"]", FUTURE)).path("code").asText())
        .isEqualTo("IDEMPOTENCY_KEY_MISSING");
    ResponseEntity<String> badChannel =
        post(
            "/sim/crm/content",
            key(),
            "{\"contentId\":\""
                + contentId()
                + "\",\"version\":1,\"title\":\"t\",\"channels\":[\"fax\"],\"markets\":[\"CH\"],\"expiryDate\":\""
                + FUTURE
                + "\"}");
    assertThat(badChannel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(badChannel).path("code").asText()).isEqualTo("INVALID_REQUEST");
  }

  @Test
  void supplyAvailabilityReplacesThePreviousOne() {
    String product = "P-" + UUID.randomUUID().toString().substring(0, 8);

    ResponseEntity<String> first =
        supply(
            key(),
            product,
            "DE",
            "{\"status\":\"AVAILABLE\"," + "\"batchNumber\":\"B-2026-0042\",\"quantity\":5000}");
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(first).path("productCode").asText()).isEqualTo(product);
    assertThat(json(first).path("market").asText()).isEqualTo("DE");
    assertThat(json(first).path("status").asText()).isEqualTo("AVAILABLE");
    assertThat(json(first).path("quantity").asLong()).isEqualTo(5000);

    ResponseEntity<String> next =
        supply(key(), product, "DE", "{\"status\":\"UNAVAILABLE\",\"quantity\":0}");
    assertThat(json(next).path("status").asText()).isEqualTo("UNAVAILABLE");
    assertThat(json(next).path("batchNumber").isNull()).isTrue();
    assertThat(crm.supply(product, "DE").orElseThrow().path("status").asText())
        .isEqualTo("UNAVAILABLE");

    ResponseEntity<String> market =
        supply(key(), product, "XX", "{\"status\":\"AVAILABLE\",\"quantity\":1}");
    assertThat(market.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(json(market).path("code").asText()).isEqualTo("MARKET_UNKNOWN");
    ResponseEntity<String> status =
        supply(key(), product, "DE", "{\"status\":\"PLENTY\",\"quantity\":1}");
    assertThat(json(status).path("code").asText()).isEqualTo("INVALID_REQUEST");
  }

  @Test
  void aKeyReusedForAnotherOperationIs422() {
    String contentId = contentId();
    String key = key();
    assertThat(publish(key, contentId, 1, "[\"CH\"]", FUTURE).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    ResponseEntity<String> response = withdraw(key, contentId);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(json(response).path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(crm.content(contentId).orElseThrow().path("status").asText()).isEqualTo("PUBLISHED");
  }

  @Test
  void withoutTheApiKeyIs401() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", key());
    ResponseEntity<String> response =
        rest.exchange(
            "/sim/crm/content/MLR-2026-0001/withdrawal",
            HttpMethod.POST,
            new HttpEntity<>("{\"reason\":\"x\"}", headers),
            String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(crm.content("MLR-2026-0001").orElseThrow().path("status").asText()).isNotEqualTo("");
  }

  private int count(String sql, String arg) {
    return jdbc.queryForObject(sql, Integer.class, arg);
  }

  static String contentId() {
    return "MLR-IT-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String key() {
    return "it-" + UUID.randomUUID();
  }

  ResponseEntity<String> publish(
      String idempotencyKey, String contentId, int version, String markets, String expiry) {
    return post(
        "/sim/crm/content",
        idempotencyKey,
        "{\"contentId\":\""
            + contentId
            + "\",\"version\":"
            + version
            + ",\"title\":\"Dosing leaflet\",\"channels\":[\"email\",\"web\"],\"markets\":"
            + markets
            + ",\"expiryDate\":\""
            + expiry
            + "\"}");
  }

  ResponseEntity<String> withdraw(String idempotencyKey, String contentId) {
    return post(
        "/sim/crm/content/" + contentId + "/withdrawal",
        idempotencyKey,
        "{\"reason\":\"claim no longer supported\"}");
  }

  ResponseEntity<String> supply(String idempotencyKey, String product, String market, String body) {
    return rest.exchange(
        "/sim/crm/products/{p}/markets/{m}/supply",
        HttpMethod.PUT,
        new HttpEntity<>(body, writeHeaders(idempotencyKey)),
        String.class,
        product,
        market);
  }

  ResponseEntity<String> post(String path, String idempotencyKey, String body) {
    return rest.exchange(
        path, HttpMethod.POST, new HttpEntity<>(body, writeHeaders(idempotencyKey)), String.class);
  }

  static HttpHeaders writeHeaders(String idempotencyKey) {
    HttpHeaders headers = SimMesApiIT.headers(KEY);
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      headers.set("Idempotency-Key", idempotencyKey);
    }
    return headers;
  }
}
