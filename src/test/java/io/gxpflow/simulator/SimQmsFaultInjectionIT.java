package io.gxpflow.simulator;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gxpflow.integration.SystemUnavailable;
import io.gxpflow.integration.qms.QmsPort;
import io.gxpflow.integration.qms.QmsPort.NewDeviation;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** Faults injected into QMS operations, seen by the real QMS client over HTTP. */
@IntegrationTest
class SimQmsFaultInjectionIT {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired QmsPort qms;
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
  void aFaultedCreateCreatesNothingAndTheRetryWithTheSameKeyIsTheFirstRealAttempt() {
    String batch = SimQmsApiIT.newBatchNumber();
    String key = SimQmsApiIT.key();
    assertThat(
            http.put(
                    "oscar", "/api/sim/faults/qms/create-deviation", "{\"status\":503,\"times\":1}")
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    NewDeviation deviation =
        new NewDeviation(
            "Excursion",
            "test",
            "Basel",
            "P-100",
            List.of(batch),
            "PROCESS",
            Instant.parse("2026-11-22T08:00:00Z"));

    assertThatThrownBy(() -> qms.createDeviation(deviation, key))
        .isInstanceOf(SystemUnavailable.class)
        .hasMessageStartingWith("QMS create-deviation failed: HTTP 503");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from gxp_sim_idempotency where idempotency_key = ?",
                Integer.class,
                key))
        .isZero();

    String id = qms.createDeviation(deviation, key);
    assertThat(qms.createDeviation(deviation, key)).isEqualTo(id);
    assertThat(qms.batchQualityEvents(batch).deviations())
        .singleElement()
        .satisfies(d -> assertThat(d.id()).isEqualTo(id));
  }

  @Test
  void aMalformedQcAnswerIsAFailureAndEveryQmsOperationCanBeFaulted() {
    http.put("oscar", "/api/sim/faults/qms/qc-results", "{\"malformed\":true,\"times\":1}");

    assertThatThrownBy(() -> qms.qcResults("B-2026-0042"))
        .isInstanceOf(SystemUnavailable.class)
        .hasMessageContaining("malformed body");
    assertThat(qms.qcResults("B-2026-0042").testsComplete()).isTrue();

    for (String operation :
        List.of(
            "create-deviation",
            "update-deviation",
            "close-deviation",
            "create-capa",
            "update-capa",
            "close-capa",
            "batch-quality-events",
            "qc-results")) {
      assertThat(
              http.put("oscar", "/api/sim/faults/qms/" + operation, "{\"delayMs\":1,\"times\":1}")
                  .getStatusCode())
          .as(operation)
          .isEqualTo(HttpStatus.OK);
    }
    assertThat(json(http.get("oscar", "/api/sim/faults"))).hasSize(8);
    assertThat(
            json(http.put("oscar", "/api/sim/faults/qms/delete-deviation", "{\"status\":503}"))
                .path("code")
                .asText())
        .isEqualTo("UNKNOWN_OPERATION");
  }
}
