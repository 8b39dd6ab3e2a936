package io.gxpflow.simulator;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gxpflow.integration.BusinessRejection;
import io.gxpflow.integration.qms.QmsPort;
import io.gxpflow.integration.qms.QmsPort.ActionStatus;
import io.gxpflow.integration.qms.QmsPort.CapaAction;
import io.gxpflow.integration.qms.QmsPort.Classification;
import io.gxpflow.integration.qms.QmsPort.DeviationStatus;
import io.gxpflow.integration.qms.QmsPort.NewCapa;
import io.gxpflow.integration.qms.QmsPort.NewDeviation;
import io.gxpflow.support.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * The simulated QMS over real HTTP, raw and through the integration client
 * (docs/integration/qms.md).
 */
@IntegrationTest
class SimQmsApiIT {

  static final String KEY = "demo-simulator-key";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired QmsPort qms;

  @Test
  void createsADeviationOnceForTheSameIdempotencyKey() {
    String batch = newBatchNumber();
    String key = key();

    ResponseEntity<String> first = post("/sim/qms/deviations", deviation(batch), key);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode created = json(first);
    int year = LocalDate.now(ZoneOffset.UTC).getYear();
    assertThat(created.path("id").asText()).matches("DEV-" + year + "-\\d{4}");
    assertThat(created.path("status").asText()).isEqualTo("OPEN");
    assertThat(created.path("batchNumbers").get(0).asText()).isEqualTo(batch);
    assertThat(created.path("occurredAt").asText()).isEqualTo("2026-11-22T08:00:00Z");

    // a retry, even one whose body differs, is the same request: the first answer, no second record
    ResponseEntity<String> again =
        post("/sim/qms/deviations", deviation(batch).replace("Temperature", "Humidity"), key);

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(json(again)).isEqualTo(created);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from gxp_sim_record where system = 'qms' and kind = 'deviation'"
                    + " and body like ?",
                Integer.class,
                "%" + batch + "%"))
        .isEqualTo(1);
    assertThat(json(get("/sim/qms/batches/" + batch + "/quality-events")).path("deviations"))
        .singleElement()
        .satisfies(d -> assertThat(d.path("id").asText()).isEqualTo(created.path("id").asText()));

    // the next deviation (a new key) gets the next number
    String next = json(post("/sim/qms/deviations", deviation(batch), key())).path("id").asText();
    assertThat(number(next)).isGreaterThan(number(created.path("id").asText()));
  }

  @Test
  void closingTwiceIs409AndTheClosedDeviationIsNoLongerOpenForItsBatch() {
    String batch = newBatchNumber();
    String id = json(post("/sim/qms/deviations", deviation(batch), key())).path("id").asText();

    ResponseEntity<String> closed =
        post("/sim/qms/deviations/" + id + "/close", "{\"closureSummary\":\"done\"}", key());
    assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(closed).path("status").asText()).isEqualTo("CLOSED");
    assertThat(json(closed).path("closedAt").asText()).isNotBlank();

    ResponseEntity<String> twice =
        post("/sim/qms/deviations/" + id + "/close", "{\"closureSummary\":\"again\"}", key());
    assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(twice.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json(twice).path("code").asText()).isEqualTo("DEVIATION_ALREADY_CLOSED");
    assertThat(json(get("/sim/qms/batches/" + batch + "/quality-events")).path("deviations"))
        .isEmpty();
  }

  @Test
  void theClientRunsADeviationAndItsCapaThroughTheSimulator() {
    String batch = newBatchNumber();
    String id =
        qms.createDeviation(
            new NewDeviation(
                "Label mix-up",
                "Wrong label roll loaded",
                "Basel",
                "P-100",
                List.of(batch),
                "LABELLING",
                Instant.parse("2026-11-22T08:00:00Z")),
            key());

    assertThat(
            qms.updateDeviation(
                id, Classification.MAJOR, DeviationStatus.UNDER_INVESTIGATION, key()))
        .satisfies(d -> assertThat(d.classification()).isEqualTo("MAJOR"))
        .satisfies(d -> assertThat(d.status()).isEqualTo("UNDER_INVESTIGATION"));
    String capaId =
        qms.createCapa(
            id, new NewCapa("Line clearance", "Two-person line clearance", "mark"), key());
    assertThat(capaId).matches("CAPA-\\d{4}-\\d{4}");
    assertThat(
            qms.updateCapa(
                    capaId,
                    List.of(
                        new CapaAction(
                            "Update SOP-PK-012", "mark", "2026-12-31", ActionStatus.OPEN)),
                    key())
                .actions())
        .singleElement()
        .satisfies(a -> assertThat(a.dueDate()).isEqualTo("2026-12-31"));
    assertThat(qms.closeCapa(capaId, "No recurrence in 10 batches", key()).status())
        .isEqualTo("CLOSED");
    assertThat(qms.closeDeviation(id, "Root cause fixed", key()).status()).isEqualTo("CLOSED");

    // a business 409 from the real server arrives as the model's BPMN error
    assertThatThrownBy(() -> qms.closeDeviation(id, "again", key()))
        .isInstanceOf(BusinessRejection.class)
        .satisfies(
            e ->
                assertThat(((BusinessRejection) e).bpmnErrorCode())
                    .isEqualTo("QMS_DEVIATION_ALREADY_CLOSED"));
    assertThatThrownBy(() -> qms.closeCapa(capaId, "again", key()))
        .isInstanceOf(BusinessRejection.class)
        .satisfies(
            e ->
                assertThat(((BusinessRejection) e).bpmnErrorCode())
                    .isEqualTo("QMS_CAPA_ALREADY_CLOSED"));
    assertThatThrownBy(() -> qms.closeDeviation("DEV-1999-9999", "x", key()))
        .isInstanceOf(BusinessRejection.class)
        .satisfies(
            e ->
                assertThat(((BusinessRejection) e).bpmnErrorCode())
                    .isEqualTo("QMS_DEVIATION_UNKNOWN"));
  }

  @Test
  void seededBatchesHaveTheirQualityEventsAndQcResults() {
    // the hold story: a complete batch with a major deviation open in the QMS
    JsonNode events44 = json(get("/sim/qms/batches/B-2026-0044/quality-events"));
    assertThat(events44.path("deviations"))
        .anySatisfy(
            d -> {
              assertThat(d.path("id").asText()).isEqualTo("DEV-2026-0001");
              assertThat(d.path("title").asText())
                  .isEqualTo("Blend sampled at the wrong positions before encapsulation");
              assertThat(d.path("status").asText()).isEqualTo("OPEN");
            });
    assertThat(events44.path("changeControls").isArray()).isTrue();
    JsonNode deviation = json(get("/sim/qms/deviations/DEV-2026-0001"));
    assertThat(deviation.path("classification").asText()).isEqualTo("MAJOR");
    assertThat(deviation.path("batchNumbers").get(0).asText()).isEqualTo("B-2026-0044");
    assertThat(qms.qcResults("B-2026-0044").testsComplete()).isTrue();

    // nothing open for the clean batch; for the minor-exception batch no seeded deviation (other
    // tests report deviations against it)
    assertThat(qms.batchQualityEvents("B-2026-0042").deviations()).isEmpty();
    assertThat(qms.batchQualityEvents("B-2026-0042").changeControls()).isEmpty();
    assertThat(qms.batchQualityEvents("B-2026-0043").deviations())
        .noneSatisfy(d -> assertThat(d.id()).isEqualTo("DEV-2026-0001"));
    assertThat(qms.batchQualityEvents("B-2026-0043").changeControls()).isEmpty();

    assertThat(qms.qcResults("B-2026-0042"))
        .satisfies(
            r -> {
              assertThat(r.testsComplete()).isTrue();
              assertThat(r.oosResults()).isEmpty();
            });
    assertThat(qms.qcResults("B-2026-0043"))
        .satisfies(
            r -> {
              assertThat(r.testsComplete()).isTrue();
              assertThat(r.oosResults()).isEmpty();
            });
    JsonNode qc45 = json(get("/sim/qms/batches/B-2026-0045/qc-results"));
    assertThat(qc45.path("testsComplete").asBoolean()).isTrue();
    assertThat(qc45.path("oosResults"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path("test").asText()).isEqualTo("Visible particles");
              assertThat(r.path("specification").asText()).isEqualTo("None detected");
            });
    assertThat(qms.batchQualityEvents("B-2026-0045").deviations()).isEmpty();
    assertThat(qms.qcResults("B-2026-0046").testsComplete()).isFalse();
  }

  @Test
  void anUnknownBatchIs404() {
    for (String path :
        new String[] {
          "/sim/qms/batches/NO-SUCH-BATCH/quality-events",
          "/sim/qms/batches/NO-SUCH-BATCH/qc-results"
        }) {
      ResponseEntity<String> response = get(path);
      assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(response.getHeaders().getContentType())
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(json(response).path("code").asText()).isEqualTo("BATCH_UNKNOWN");
      assertThat(json(response).path("type").asText()).isEqualTo("urn:gxpflow:qms:batch-unknown");
    }
    assertThatThrownBy(() -> qms.qcResults("NO-SUCH-BATCH"))
        .isInstanceOf(BusinessRejection.class)
        .satisfies(
            e ->
                assertThat(((BusinessRejection) e).bpmnErrorCode()).isEqualTo("QMS_BATCH_UNKNOWN"));
  }

  @Test
  void aKeyReusedForAnotherOperationIs422AndAWriteWithoutKeyIs400() {
    String key = key();
    String id =
        json(post("/sim/qms/deviations", deviation(newBatchNumber()), key)).path("id").asText();

    ResponseEntity<String> reused = post("/sim/qms/deviations/" + id + "/close", "{}", key);
    assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(json(reused).path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

    ResponseEntity<String> noKey = post("/sim/qms/deviations", deviation(newBatchNumber()), null);
    assertThat(noKey.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(noKey).path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_MISSING");

    ResponseEntity<String> incomplete = post("/sim/qms/deviations", "{\"title\":\"x\"}", key());
    assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(incomplete).path("code").asText()).isEqualTo("INVALID_REQUEST");
    assertThat(json(get("/sim/qms/deviations/" + id)).path("status").asText()).isEqualTo("OPEN");
  }

  @Test
  void withoutTheApiKeyItIs401() {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    ResponseEntity<String> response =
        rest.exchange(
            "/sim/qms/batches/B-2026-0042/qc-results",
            HttpMethod.GET,
            new HttpEntity<>(headers),
            String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(json(response).path("code").asText()).isEqualTo("API_KEY_INVALID");
  }

  static String deviation(String batch) {
    return "{\"title\":\"Temperature excursion\",\"description\":\"24 °C for 40 min in granulation\","
        + "\"site\":\"Basel\",\"product\":\"P-100\",\"batchNumbers\":[\""
        + batch
        + "\"],"
        + "\"category\":\"PROCESS\",\"occurredAt\":\"2026-11-22T08:00:00Z\"}";
  }

  static String newBatchNumber() {
    return "T-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String key() {
    return "it-" + UUID.randomUUID();
  }

  private static int number(String id) {
    return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
  }

  ResponseEntity<String> get(String path) {
    return rest.exchange(
        path, HttpMethod.GET, new HttpEntity<>(SimMesApiIT.headers(KEY)), String.class);
  }

  ResponseEntity<String> post(String path, String body, String idempotencyKey) {
    HttpHeaders headers = SimMesApiIT.headers(KEY);
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      headers.set("Idempotency-Key", idempotencyKey);
    }
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }
}
