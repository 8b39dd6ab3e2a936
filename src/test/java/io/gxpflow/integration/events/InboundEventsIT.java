package io.gxpflow.integration.events;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Events from the MES/QMS bridges start their processes once per event id, only for technical
 * clients.
 */
@IntegrationTest
class InboundEventsIT {

  static final String BATCH_EVENTS = "/api/events/mes/batch-record-completed";
  static final String DEVIATION_EVENTS = "/api/events/deviations";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired AuditTrail auditTrail;
  RestClientForUsers http;
  Deployment deployment;

  @BeforeEach
  void deploy() {
    http = new RestClientForUsers(rest);
    deployment =
        Fixtures.deploy(
            repositoryService,
            "fixtures/events/batch-release.bpmn",
            "fixtures/events/deviation-capa.bpmn");
  }

  @AfterEach
  void undeploy() {
    Fixtures.undeploy(repositoryService, deployment);
  }

  @Test
  void aBatchRecordCompletedEventStartsTheReleaseOnceWhateverHowOftenItArrives() {
    String eventId = "mes-" + UUID.randomUUID();
    String batch = "B-EVT-" + UUID.randomUUID().toString().substring(0, 8);
    String event =
        "{\"eventId\": \""
            + eventId
            + "\", \"batchNumber\": \""
            + batch
            + "\", \"productCode\": \"P-100\","
            + " \"site\": \"Basel\", \"completedAt\": \"2026-11-22T08:15:00Z\"}";

    ResponseEntity<String> first = http.post("mes-bridge", BATCH_EVENTS, event);
    ResponseEntity<String> again = http.post("mes-bridge", BATCH_EVENTS, event);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(json(first).path("duplicate").asBoolean()).isFalse();
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(again).path("duplicate").asBoolean()).isTrue();
    assertThat(json(again).path("processInstanceId").asText())
        .isEqualTo(json(first).path("processInstanceId").asText());
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(batch)
            .singleResult();
    assertThat(instance.getId()).isEqualTo(json(first).path("processInstanceId").asText());
    assertThat(runtimeService.getVariables(instance.getId()))
        .containsEntry("batchNumber", batch)
        .containsEntry("mesEventId", eventId)
        .containsEntry("site", "Basel");
  }

  @Test
  void theIntendedMarketsReachTheReleaseAsAListAndBadOnesAreRefused() {
    String batch = "B-MKT-" + UUID.randomUUID().toString().substring(0, 8);
    ResponseEntity<String> started =
        http.post(
            "mes-bridge",
            BATCH_EVENTS,
            "{\"eventId\": \"mes-"
                + UUID.randomUUID()
                + "\", \"batchNumber\": \""
                + batch
                + "\", \"completedAt\": \"2026-11-22T08:15:00Z\","
                + " \"intendedMarkets\": [\"DE\", \"FR\", \"DE\"]}");
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(runtimeService.getVariables(json(started).path("processInstanceId").asText()))
        .containsEntry("intendedMarkets", List.of("DE", "FR"));

    String other = "B-MKT-" + UUID.randomUUID().toString().substring(0, 8);
    ResponseEntity<String> refused =
        http.post(
            "mes-bridge",
            BATCH_EVENTS,
            "{\"eventId\": \"mes-"
                + UUID.randomUUID()
                + "\", \"batchNumber\": \""
                + other
                + "\", \"completedAt\": \"2026-11-22T08:15:00Z\","
                + " \"intendedMarkets\": [\"de\", \"FRA\", 49]}");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(refused).path("type").asText()).endsWith("invalid-event");
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(other).count())
        .isZero();
  }

  @Test
  void aSecondBatchRecordCompletedForARunningReleaseIsRefusedAsADuplicate() {
    String batch = "B-DUP-" + UUID.randomUUID().toString().substring(0, 8);
    String event =
        "\", \"batchNumber\": \"" + batch + "\", \"completedAt\": \"2026-11-22T08:15:00Z\"}";

    ResponseEntity<String> first =
        http.post("mes-bridge", BATCH_EVENTS, "{\"eventId\": \"mes-" + UUID.randomUUID() + event);
    ResponseEntity<String> second =
        http.post("mes-bridge", BATCH_EVENTS, "{\"eventId\": \"mes-" + UUID.randomUUID() + event);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    // another event id, same batch: no second release while the first runs
    assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(json(second).path("type").asText()).endsWith("business-key-in-use");
    assertThat(json(second).path("processDefinitionKey").asText()).isEqualTo("batch-release");
    assertThat(json(second).path("businessKey").asText()).isEqualTo(batch);
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(batch).count())
        .isOne();
  }

  @Test
  void aDeviationReportedEventStartsTheDeviationProcess() {
    String eventId = "qms-" + UUID.randomUUID();

    ResponseEntity<String> response =
        http.post(
            "mes-bridge",
            DEVIATION_EVENTS,
            "{\"eventId\": \""
                + eventId
                + "\","
                + " \"source\": \"MES\", \"title\": \"Temperature excursion\", \"description\": \"Granulation at 31 °C\","
                + " \"occurredAt\": \"2026-11-21T22:10:00+01:00\", \"site\": \"Basel\", \"productCode\": \"P-100\","
                + " \"batchNumbers\": [\"B-2026-0043\", \"B-2026-0044\"], \"category\": \"process\"}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String instance = json(response).path("processInstanceId").asText();
    assertThat(runtimeService.getVariables(instance))
        .containsEntry("affectedBatches", "B-2026-0043,B-2026-0044")
        .containsEntry("sourceEventId", eventId)
        .containsEntry("category", "process");
    // the event's payload is part of the GxP record from the start
    assertThat(auditTrail.findByProcessInstanceId(instance).get(0))
        .satisfies(
            started -> {
              assertThat(started.type()).isEqualTo(AuditEventTypes.PROCESS_STARTED);
              assertThat(started.details().get("variables"))
                  .asInstanceOf(InstanceOfAssertFactories.MAP)
                  .containsEntry("title", "Temperature excursion")
                  .containsEntry("description", "Granulation at 31 °C")
                  .containsEntry("sourceEventId", eventId);
            });
  }

  @Test
  void anInvalidEventIsRefusedFieldByFieldAndStartsNothing() {
    String batch = "B-BAD-" + UUID.randomUUID().toString().substring(0, 8);

    ResponseEntity<String> response =
        http.post(
            "mes-bridge",
            BATCH_EVENTS,
            "{\"batchNumber\": \"" + batch + "\", \"completedAt\": \"yesterday\"}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode errors = json(response).path("errors");
    assertThat(errors.findValuesAsText("field")).containsExactly("eventId", "completedAt");
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(batch).count())
        .isZero();

    ResponseEntity<String> deviation =
        http.post(
            "mes-bridge",
            DEVIATION_EVENTS,
            "{\"eventId\": \"x-"
                + UUID.randomUUID()
                + "\", \"source\": \"ERP\", \"title\": \"t\", \"description\": \"d\","
                + " \"occurredAt\": \"2026-11-21T22:10:00Z\", \"site\": \"Basel\", \"category\": \"weather\"}");
    assertThat(json(deviation).path("errors").findValuesAsText("field"))
        .containsExactly("source", "category");

    assertThat(http.post("mes-bridge", BATCH_EVENTS, "{not json").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void onlyTechnicalClientsMayPostEvents() {
    String event =
        "{\"eventId\": \"e-"
            + UUID.randomUUID()
            + "\", \"batchNumber\": \"B-X\","
            + " \"completedAt\": \"2026-11-22T08:15:00Z\"}";

    assertThat(rest.postForEntity(BATCH_EVENTS, event, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.post("paul", BATCH_EVENTS, event).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.post("oscar", BATCH_EVENTS, event).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void withoutADeployedProcessTheEventIsRefusedAndCanBeSentAgainLater() {
    // the application ships batch-release; a newer version without the message start stands for
    // "no process starts on this message"
    Fixtures.undeploy(repositoryService, deployment);
    deployment = null;
    Deployment withoutMessage =
        Fixtures.deploy(repositoryService, "fixtures/events/batch-release-no-message.bpmn");
    try {
      String eventId = "mes-" + UUID.randomUUID();
      String event =
          "{\"eventId\": \""
              + eventId
              + "\", \"batchNumber\": \"B-LATER\","
              + " \"completedAt\": \"2026-11-22T08:15:00Z\"}";

      ResponseEntity<String> refused = http.post("mes-bridge", BATCH_EVENTS, event);
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(json(refused).path("detail").asText()).contains("BatchRecordCompleted");

      deployment = Fixtures.deploy(repositoryService, "fixtures/events/batch-release.bpmn");
      assertThat(http.post("mes-bridge", BATCH_EVENTS, event).getStatusCode())
          .isEqualTo(HttpStatus.CREATED);
    } finally {
      Fixtures.undeploy(repositoryService, deployment);
      deployment = null;
      Fixtures.undeploy(repositoryService, withoutMessage);
    }
  }
}
