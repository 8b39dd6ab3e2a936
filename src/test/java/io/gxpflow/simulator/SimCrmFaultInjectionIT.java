package io.gxpflow.simulator;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Faults injected into the simulated CRM through /api/sim/faults, seen over real HTTP. */
@IntegrationTest
class SimCrmFaultInjectionIT {

  @Autowired TestRestTemplate rest;
  @Autowired CrmSimulator crm;
  @Autowired JdbcTemplate jdbc;
  RestClientForUsers http;

  @BeforeEach
  void setUp() {
    http = new RestClientForUsers(rest);
  }

  @AfterEach
  void clearFaults() {
    assertThat(http.delete("oscar", "/api/sim/faults/crm/publish-content").getStatusCode())
        .isIn(HttpStatus.NO_CONTENT, HttpStatus.NOT_FOUND);
  }

  @Test
  void aFaultedPublishPublishesNothingAndTheRetryIsTheFirstRealAttempt() {
    String contentId = SimCrmApiIT.contentId();
    String key = SimCrmApiIT.key();
    assertThat(
            http.put("oscar", "/api/sim/faults/crm/publish-content", "{\"status\":503,\"times\":1}")
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);

    ResponseEntity<String> faulted = publish(key, contentId);
    assertThat(faulted.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(json(faulted).path("code").asText()).isEqualTo("FAULT_INJECTED");
    assertThat(crm.content(contentId)).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from gxp_sim_idempotency where idempotency_key = ?",
                Integer.class,
                key))
        .isZero();

    ResponseEntity<String> retry = publish(key, contentId);
    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(json(retry).path("contentId").asText()).isEqualTo(contentId);
  }

  @Test
  void everyCrmOperationCanBeFaulted() {
    for (String operation :
        new String[] {"publish-content", "withdraw-content", "publish-supply"}) {
      assertThat(
              http.put("oscar", "/api/sim/faults/crm/" + operation, "{\"status\":500,\"times\":1}")
                  .getStatusCode())
          .as(operation)
          .isEqualTo(HttpStatus.OK);
      assertThat(http.delete("oscar", "/api/sim/faults/crm/" + operation).getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
    }
    assertThat(
            json(http.put("oscar", "/api/sim/faults/crm/delete-content", "{\"status\":500}"))
                .path("code")
                .asText())
        .isEqualTo("UNKNOWN_OPERATION");
  }

  private ResponseEntity<String> publish(String key, String contentId) {
    String body =
        "{\"contentId\":\""
            + contentId
            + "\",\"version\":1,\"title\":\"t\",\"channels\":[\"email\"],"
            + "\"markets\":[\"CH\"],\"expiryDate\":\""
            + LocalDate.now().plusYears(1)
            + "\"}";
    return rest.exchange(
        "/sim/crm/content",
        HttpMethod.POST,
        new HttpEntity<>(body, SimCrmApiIT.writeHeaders(key)),
        String.class);
  }
}
