package io.gxpflow.simulator;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * Faults injected through /api/sim/faults, seen by a client of the simulated MES over real HTTP.
 */
@IntegrationTest
class SimFaultInjectionIT {

  static final String KEY = "demo-simulator-key";
  static final String RECORD = "/sim/mes/batches/B-2026-0042/record";

  @Autowired TestRestTemplate rest;
  @Autowired MesSimulator mes;
  @Autowired JdbcTemplate jdbc;
  RestClientForUsers http;

  @BeforeEach
  void setUp() {
    http = new RestClientForUsers(rest);
  }

  @AfterEach
  void clearFaults() {
    assertThat(http.delete("oscar", "/api/sim/faults").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void a503OnceThenTheNormalAnswer() {
    ResponseEntity<String> set =
        http.put(
            "oscar",
            "/api/sim/faults/mes/batch-record",
            "{\"status\":503,\"delayMs\":0,\"malformed\":false,\"times\":1}");
    assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(http.get("oscar", "/api/sim/faults")).get(0).path("operation").asText())
        .isEqualTo("batch-record");

    ResponseEntity<String> faulted = get(RECORD);
    assertThat(faulted.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(faulted.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json(faulted).path("code").asText()).isEqualTo("FAULT_INJECTED");

    ResponseEntity<String> next = get(RECORD);
    assertThat(next.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(next).path("batchNumber").asText()).isEqualTo("B-2026-0042");
    assertThat(json(http.get("oscar", "/api/sim/faults"))).isEmpty();
  }

  @Test
  void aFaultedStatusChangeChangesNothingAndRecordsNoAnswer() {
    String batch = newBatch();
    String key = "it-" + UUID.randomUUID();
    http.put("admin", "/api/sim/faults/mes/set-status", "{\"status\":500,\"times\":1}");

    assertThat(putStatus(batch, key).getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(json(get("/sim/mes/batches/" + batch + "/record")).path("status").asText())
        .isEqualTo("IN_REVIEW");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from gxp_sim_idempotency where idempotency_key = ?",
                Integer.class,
                key))
        .isZero();

    // the retry with the same key is the first real attempt
    ResponseEntity<String> retry = putStatus(batch, key);
    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(retry).path("previousStatus").asText()).isEqualTo("IN_REVIEW");
  }

  @Test
  void aDelayHoldsTheAnswerBack() {
    http.put("oscar", "/api/sim/faults/mes/batch-record", "{\"delayMs\":1500,\"times\":1}");

    long started = System.nanoTime();
    ResponseEntity<String> response = get(RECORD);
    long elapsedMs = (System.nanoTime() - started) / 1_000_000;

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(response).path("batchNumber").asText()).isEqualTo("B-2026-0042");
    assertThat(elapsedMs).isGreaterThanOrEqualTo(1500);
  }

  @Test
  void aMalformedAnswerIs200WithABodyThatIsNotJson() {
    http.put("oscar", "/api/sim/faults/mes/batch-record", "{\"malformed\":true}");

    for (int i = 0; i < 2; i++) { // times null: until cleared
      ResponseEntity<String> response = get(RECORD);
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(
              response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON))
          .isTrue();
      assertThatThrownBy(() -> new ObjectMapper().readTree(response.getBody()))
          .isInstanceOf(Exception.class);
    }

    assertThat(http.delete("oscar", "/api/sim/faults/mes/batch-record").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(get(RECORD).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aFaultForAnUnknownOperationIsRefused() {
    ResponseEntity<String> response =
        http.put("oscar", "/api/sim/faults/mes/delete-batch", "{\"status\":503}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(response).path("code").asText()).isEqualTo("UNKNOWN_OPERATION");
  }

  @Test
  void theFaultsApiIsForOpsAndAdminsOnly() {
    ResponseEntity<String> reviewer =
        http.put("mark", "/api/sim/faults/mes/batch-record", "{\"status\":503}");
    assertThat(reviewer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.get("mark", "/api/sim/faults").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.delete("mark", "/api/sim/faults").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> anonymous =
        rest.exchange(
            "/api/sim/faults/mes/batch-record",
            HttpMethod.PUT,
            new HttpEntity<>("{\"status\":503}", jsonHeaders()),
            String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/api/sim/faults", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    // the simulator's API key is not a way in either
    HttpHeaders withApiKey = jsonHeaders();
    withApiKey.set("X-Api-Key", KEY);
    assertThat(
            rest.exchange(
                    "/api/sim/faults", HttpMethod.GET, new HttpEntity<>(withApiKey), String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    assertThat(json(http.get("admin", "/api/sim/faults"))).isEmpty();
    assertThat(get(RECORD).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private String newBatch() {
    String number = "T-" + UUID.randomUUID().toString().substring(0, 8);
    mes.save(
        mes.batch(
            number, true, "P-100", "Amoxicillin 500 mg capsules", "Basel", "IN_REVIEW", List.of()));
    return number;
  }

  private ResponseEntity<String> get(String path) {
    return rest.exchange(
        path, HttpMethod.GET, new HttpEntity<>(SimMesApiIT.headers(KEY)), String.class);
  }

  private ResponseEntity<String> putStatus(String batch, String key) {
    HttpHeaders headers = SimMesApiIT.headers(KEY);
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", key);
    return rest.exchange(
        "/sim/mes/batches/{batch}/status",
        HttpMethod.PUT,
        new HttpEntity<>("{\"status\":\"ON_HOLD\",\"reason\":\"test\"}", headers),
        String.class,
        batch);
  }

  private static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }
}
