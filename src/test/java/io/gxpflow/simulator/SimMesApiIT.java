package io.gxpflow.simulator;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gxpflow.simulator.MesSimulator.Deviation;
import io.gxpflow.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
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
 * The simulated MES over real HTTP, as the integration client calls it (docs/integration/mes.md).
 */
@IntegrationTest
class SimMesApiIT {

  static final String KEY = "demo-simulator-key";

  @Autowired TestRestTemplate rest;
  @Autowired MesSimulator mes;
  @Autowired SimulatorStore store;
  @Autowired JdbcTemplate jdbc;

  @Test
  void readsASeededBatchRecord() {
    ResponseEntity<String> response = get("/sim/mes/batches/B-2026-0043/record", KEY);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON))
        .isTrue();
    JsonNode batch = json(response);
    assertThat(batch.path("batchNumber").asText()).isEqualTo("B-2026-0043");
    assertThat(batch.path("complete").asBoolean()).isTrue();
    assertThat(batch.path("product").path("code").asText()).isEqualTo("P-100");
    assertThat(batch.path("product").path("name").asText())
        .isEqualTo("Amoxicillin 500 mg capsules");
    assertThat(batch.path("site").asText()).isEqualTo("Basel");
    assertThat(batch.path("exceptions")).hasSize(1);
    assertThat(batch.path("exceptions").get(0).path("code").asText()).isEqualTo("DEV-TEMP");
    assertThat(batch.path("exceptions").get(0).path("description").asText())
        .isEqualTo("Temperature excursion in granulation");
    assertThat(batch.path("exceptions").get(0).path("severity").asText()).isEqualTo("MINOR");

    assertThat(json(get("/sim/mes/batches/B-2026-0042/record", KEY)).path("exceptions")).isEmpty();
    // the hold story is in the QMS: here the record is complete and clean
    JsonNode batch44 = json(get("/sim/mes/batches/B-2026-0044/record", KEY));
    assertThat(batch44.path("complete").asBoolean()).isTrue();
    assertThat(batch44.path("exceptions")).isEmpty();
    assertThat(json(get("/sim/mes/batches/B-2026-0045/record", KEY)).path("exceptions"))
        .singleElement()
        .satisfies(
            exception -> {
              assertThat(exception.path("code").asText()).isEqualTo("DEV-CONTAM");
              assertThat(exception.path("severity").asText()).isEqualTo("MAJOR");
            });
    JsonNode batch46 = json(get("/sim/mes/batches/B-2026-0046/record", KEY));
    assertThat(batch46.path("complete").asBoolean()).isFalse();
    assertThat(batch46.path("status").asText()).isEqualTo("IN_PRODUCTION");
  }

  @Test
  void unknownBatchIs404ProblemWithCode() {
    ResponseEntity<String> response = get("/sim/mes/batches/NO-SUCH-BATCH/record", KEY);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = json(response);
    assertThat(problem.path("type").asText()).isEqualTo("urn:gxpflow:mes:batch-unknown");
    assertThat(problem.path("title").asText()).isEqualTo("Batch unknown");
    assertThat(problem.path("status").asInt()).isEqualTo(404);
    assertThat(problem.path("code").asText()).isEqualTo("BATCH_UNKNOWN");
    assertThat(problem.path("detail").asText()).contains("NO-SUCH-BATCH");

    ResponseEntity<String> put = putStatus("NO-SUCH-BATCH", "ON_HOLD", key(), KEY);
    assertThat(put.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json(put).path("code").asText()).isEqualTo("BATCH_UNKNOWN");
  }

  @Test
  void theSameIdempotencyKeyAgainReplaysTheFirstAnswerAndChangesNothing() {
    String batch = newBatch("IN_REVIEW");
    String key = key();

    ResponseEntity<String> first = putStatus(batch, "ON_HOLD", key, KEY);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode change = json(first);
    assertThat(change.path("batchNumber").asText()).isEqualTo(batch);
    assertThat(change.path("status").asText()).isEqualTo("ON_HOLD");
    assertThat(change.path("previousStatus").asText()).isEqualTo("IN_REVIEW");
    assertThat(Instant.parse(change.path("changedAt").asText())).isBeforeOrEqualTo(Instant.now());
    Instant changedInStore = store.updatedAt("mes", "batch", batch).orElseThrow();

    // a retry, even one whose body differs, is the same request: the first answer, nothing applied
    ResponseEntity<String> again = putStatus(batch, "RELEASED", key, KEY);

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(again)).isEqualTo(change);
    assertThat(json(get("/sim/mes/batches/" + batch + "/record", KEY)).path("status").asText())
        .isEqualTo("ON_HOLD");
    assertThat(store.updatedAt("mes", "batch", batch)).contains(changedInStore);
    // the answer is in the table, not in memory: it is replayed after a restart too
    assertThat(
            jdbc.queryForObject(
                "select count(*) from gxp_sim_idempotency where system = 'mes' and idempotency_key = ?",
                Integer.class,
                key))
        .isEqualTo(1);

    // the batch changed once: the next change (a new key) starts from ON_HOLD
    ResponseEntity<String> next = putStatus(batch, "RELEASED", key(), KEY);
    assertThat(json(next).path("previousStatus").asText()).isEqualTo("ON_HOLD");
  }

  @Test
  void aReleasedBatchCannotChangeAnyMore() {
    String batch = newBatch("RELEASED");

    ResponseEntity<String> response = putStatus(batch, "ON_HOLD", key(), KEY);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json(response).path("code").asText()).isEqualTo("STATUS_TRANSITION_NOT_ALLOWED");
    assertThat(json(response).path("type").asText())
        .isEqualTo("urn:gxpflow:mes:status-transition-not-allowed");
    assertThat(json(get("/sim/mes/batches/" + batch + "/record", KEY)).path("status").asText())
        .isEqualTo("RELEASED");
  }

  @Test
  void anUnknownStatusIs400() {
    String batch = newBatch("IN_REVIEW");

    ResponseEntity<String> response = putStatus(batch, "SHIPPED", key(), KEY);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(response).path("code").asText()).isEqualTo("INVALID_STATUS");
  }

  @Test
  void aStatusChangeWithoutIdempotencyKeyIs400() {
    String batch = newBatch("IN_REVIEW");

    ResponseEntity<String> response = putStatus(batch, "ON_HOLD", null, KEY);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json(response).path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_MISSING");
    assertThat(json(get("/sim/mes/batches/" + batch + "/record", KEY)).path("status").asText())
        .isEqualTo("IN_REVIEW");
  }

  @Test
  void anIdempotencyKeyUsedForAnotherBatchIs422() {
    String key = key();
    assertThat(putStatus(newBatch("IN_REVIEW"), "ON_HOLD", key, KEY).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    ResponseEntity<String> response = putStatus(newBatch("IN_REVIEW"), "ON_HOLD", key, KEY);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(json(response).path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  void withoutTheRightApiKeyEverySimulatorCallIs401() {
    String batch = newBatch("IN_REVIEW");
    for (String apiKey : new String[] {null, "", "wrong-key", KEY + "x"}) {
      ResponseEntity<String> read = get("/sim/mes/batches/B-2026-0042/record", apiKey);
      ResponseEntity<String> write = putStatus(batch, "ON_HOLD", key(), apiKey);

      assertThat(read.getStatusCode())
          .as("read with key %s", apiKey)
          .isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(read.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(json(read).path("code").asText()).isEqualTo("API_KEY_INVALID");
      assertThat(write.getStatusCode())
          .as("write with key %s", apiKey)
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    assertThat(get("/sim/mes/no-such-endpoint", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(json(get("/sim/mes/batches/" + batch + "/record", KEY)).path("status").asText())
        .isEqualTo("IN_REVIEW");
  }

  private String newBatch(String status) {
    String number = "T-" + UUID.randomUUID().toString().substring(0, 8);
    mes.save(
        mes.batch(
            number,
            true,
            "P-100",
            "Amoxicillin 500 mg capsules",
            "Basel",
            status,
            List.of(new Deviation("DEV-X", "test", "MINOR"))));
    return number;
  }

  private static String key() {
    return "it-" + UUID.randomUUID();
  }

  ResponseEntity<String> get(String path, String apiKey) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(apiKey)), String.class);
  }

  ResponseEntity<String> putStatus(
      String batch, String status, String idempotencyKey, String apiKey) {
    HttpHeaders headers = headers(apiKey);
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      headers.set("Idempotency-Key", idempotencyKey);
    }
    String body = "{\"status\":\"" + status + "\",\"reason\":\"integration test\"}";
    return rest.exchange(
        "/sim/mes/batches/{batch}/status",
        HttpMethod.PUT,
        new HttpEntity<>(body, headers),
        String.class,
        batch);
  }

  static HttpHeaders headers(String apiKey) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    if (apiKey != null) {
      headers.set("X-Api-Key", apiKey);
    }
    return headers;
  }
}
