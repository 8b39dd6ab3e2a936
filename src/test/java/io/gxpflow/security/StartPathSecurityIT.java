package io.gxpflow.security;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gxpflow.compliance.ComplianceRefusal;
import io.gxpflow.compliance.InvalidTaskInput;
import io.gxpflow.compliance.start.BusinessKeyInUse;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 10, point 2, replayed as the attacker sent it: a production user starting {@code
 * deviation-capa} half-way (at the QMS closure) or with variables no start form has, or a second
 * case under a running business key, on every start path. Each is refused with a problem detail and
 * nothing starts.
 */
@IntegrationTest
class StartPathSecurityIT {

  static final String START = "/engine-rest/process-definition/key/deviation-capa/start";
  static final String SUBMIT = "/engine-rest/process-definition/key/deviation-capa/submit-form";
  static final String REPORT =
      "\"title\": {\"value\": \"Temperature excursion\"},"
          + " \"description\": {\"value\": \"Cold room at 9 degrees for two hours\"},"
          + " \"occurredAt\": {\"value\": \"2026-11-21T22:10:00Z\"}, \"site\": {\"value\": \"Basel\"},"
          + " \"product\": {\"value\": \"P-100\"}, \"category\": {\"value\": \"equipment\"},"
          + " \"containmentActions\": {\"value\": \"Product moved\"}";

  static final String[] COMPLIANCE_FIXTURE = {
    "fixtures/compliance/deviation-capa.bpmn",
    "fixtures/compliance/assessment.form",
    "fixtures/compliance/approval.form",
    "fixtures/compliance/closure.form"
  };

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  RestClientForUsers http;
  String businessKey;

  @BeforeEach
  void setUp() {
    http = new RestClientForUsers(rest);
    businessKey = "DEV-SEC-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void startingHalfWayIsForAdministratorsOnlyOnEveryPath() {
    for (String instructions :
        List.of(
            "\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_CloseInQms\"}]",
            "\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_NotifyBatchRelease\"}],"
                + " \"skipCustomListeners\": true, \"skipIoMappings\": true",
            "\"skipCustomListeners\": true",
            "\"skipIoMappings\": true")) {
      ResponseEntity<String> refused =
          http.post(
              "paul",
              START,
              "{\"businessKey\": \""
                  + businessKey
                  + "\", "
                  + instructions
                  + ", \"variables\": {"
                  + REPORT
                  + "}}");

      assertThat(refused.getStatusCode()).as(instructions).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getHeaders().getContentType())
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(json(refused).path("rule").asText()).isEqualTo("process-start-admin-only");
    }
    assertThat(runningWith(businessKey)).isZero();

    // the Java API as the same user: the guard sits in the engine, not in the REST layer
    asUser(
        "paul",
        "production",
        () ->
            assertThatThrownBy(
                    () ->
                        runtimeService
                            .createProcessInstanceByKey("deviation-capa")
                            .businessKey(businessKey)
                            .startBeforeActivity("Task_CloseInQms")
                            .execute())
                .isInstanceOf(ComplianceRefusal.class));
    assertThat(runningWith(businessKey)).isZero();
  }

  @Test
  void modificationRestartConditionsAndSignalsAreForAdministratorsOnly() {
    Deployment deployment = Fixtures.deploy(repositoryService, COMPLIANCE_FIXTURE);
    String instance =
        runtimeService.startProcessInstanceByKey("deviation-capa", businessKey).getId();
    String definition =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(instance)
            .singleResult()
            .getProcessDefinitionId();
    try {
      ResponseEntity<String> modify =
          http.post(
              "paul",
              "/engine-rest/process-instance/" + instance + "/modification",
              "{\"instructions\": [{\"type\": \"startBeforeActivity\","
                  + " \"activityId\": \"Closure\"}]}");
      ResponseEntity<String> restart =
          http.post(
              "paul",
              "/engine-rest/process-definition/" + definition + "/restart",
              "{\"processInstanceIds\": [\""
                  + instance
                  + "\"], \"instructions\": [{\"type\":"
                  + " \"startBeforeActivity\", \"activityId\": \"Closure\"}]}");

      // no project model starts on a condition or a signal: those paths would carry unchecked start
      // variables
      ResponseEntity<String> condition =
          http.post(
              "paul",
              "/engine-rest/condition",
              "{\"variables\": {\"deviationClosed\": {\"value\": true}}}");
      ResponseEntity<String> signal =
          http.post(
              "paul",
              "/engine-rest/signal",
              "{\"name\": \"DeviationReported\","
                  + " \"variables\": {\"deviationClosed\": {\"value\": true}}}");

      for (ResponseEntity<String> refused : List.of(modify, restart, condition, signal)) {
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json(refused).path("rule").asText()).isEqualTo("process-start-admin-only");
      }
      assertThat(runtimeService.getActiveActivityIds(instance)).containsExactly("Assessment");
    } finally {
      Fixtures.undeploy(repositoryService, deployment);
    }
  }

  @Test
  void unknownStartVariablesAreRefusedOnEveryStartPath() {
    long before =
        runtimeService.createProcessInstanceQuery().processDefinitionKey("deviation-capa").count();
    String smuggled =
        "{\"businessKey\": \""
            + businessKey
            + "\", \"variables\": {"
            + REPORT
            + ", \"deviationClosed\": {\"value\": true}}}";

    for (String path : List.of(START, SUBMIT)) {
      ResponseEntity<String> refused = http.post("paul", path, smuggled);
      assertThat(refused.getStatusCode())
          .as(path + ": " + refused.getBody())
          .isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getHeaders().getContentType())
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(json(refused).path("errors").findValuesAsText("field"))
          .containsExactly("deviationClosed");
    }
    ResponseEntity<String> message =
        http.post(
            "paul",
            "/engine-rest/message",
            "{\"messageName\":"
                + " \"DeviationReported\", \"processVariables\": {\"title\": {\"value\": \"t\"},"
                + " \"deviationClosed\": {\"value\": true}}}");
    assertThat(message.getStatusCode()).as(message.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(message).path("errors").findValuesAsText("field"))
        .containsExactly("deviationClosed");

    asUser(
        "paul",
        "production",
        () ->
            assertThatThrownBy(
                    () ->
                        runtimeService.startProcessInstanceByKey(
                            "deviation-capa", Map.of("deviationClosed", true)))
                .isInstanceOf(InvalidTaskInput.class));
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("deviation-capa")
                .count())
        .isEqualTo(before);
  }

  @Test
  void eventsFromTheBridgesStillStartWithTheVariablesTheModelDeclares() {
    String event =
        "{\"eventId\": \"qms-"
            + UUID.randomUUID()
            + "\", \"source\": \"QMS\", \"title\": \"Label mix-up\", \"description\":"
            + " \"Wrong label on line 3\", \"occurredAt\": \"2026-11-21T22:10:00Z\", \"site\": \"Basel\","
            + " \"productCode\": \"P-100\", \"batchNumbers\": [\"B-2026-0043\"], \"category\": \"process\"";
    long before =
        runtimeService.createProcessInstanceQuery().processDefinitionKey("deviation-capa").count();

    // a field the event does not define is refused, naming it, like an undeclared start variable
    ResponseEntity<String> refused =
        http.post("mes-bridge", "/api/events/deviations", event + ", \"deviationClosed\": true}");
    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode error = Problems.problem(refused).path("errors").get(0);
    assertThat(error.path("field").asText()).isEqualTo("deviationClosed");
    assertThat(error.path("reason").asText()).startsWith("is not a field of this event");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("deviation-capa")
                .count())
        .isEqualTo(before);

    ResponseEntity<String> accepted =
        http.post("mes-bridge", "/api/events/deviations", event + "}");
    assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.CREATED);
    // the event's own fields become the start variables (the intake sets deviationClosed false)
    String instance = json(accepted).path("processInstanceId").asText();
    assertThat(
            historyService
                .createHistoricDetailQuery()
                .processInstanceId(instance)
                .variableUpdates()
                .list())
        .filteredOn(
            update -> ((HistoricVariableUpdate) update).getVariableName().equals("deviationClosed"))
        .extracting(update -> ((HistoricVariableUpdate) update).getValue())
        .containsOnly(false);
  }

  @Test
  void aBusinessKeyInUseIsAConflictOnEveryStartPath() {
    Deployment deployment = Fixtures.deploy(repositoryService, COMPLIANCE_FIXTURE);
    Deployment batchRelease =
        Fixtures.deploy(repositoryService, "fixtures/events/batch-release.bpmn");
    try {
      String start = "{\"businessKey\": \"" + businessKey + "\"}";
      assertThat(http.post("paul", START, start).getStatusCode()).isEqualTo(HttpStatus.OK);

      for (String path : List.of(START, SUBMIT)) {
        ResponseEntity<String> second = http.post("paul", path, start);
        assertThat(second.getStatusCode())
            .as(path + ": " + second.getBody())
            .isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getHeaders().getContentType())
            .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(second).path("businessKey").asText()).isEqualTo(businessKey);
      }
      // the Java API, as a user and as the application itself: the check sits in the engine
      asUser(
          "paul",
          "production",
          () ->
              assertThatThrownBy(
                      () -> runtimeService.startProcessInstanceByKey("deviation-capa", businessKey))
                  .isInstanceOf(BusinessKeyInUse.class));
      assertThatThrownBy(
              () -> runtimeService.startProcessInstanceByKey("deviation-capa", businessKey))
          .isInstanceOf(BusinessKeyInUse.class);
      assertThat(runningWith(businessKey)).isOne();

      // the MES sends the same batch under a new event id: one batch, one release
      String batch = "B-SEC-" + UUID.randomUUID().toString().substring(0, 8);
      String event =
          "\", \"batchNumber\": \""
              + batch
              + "\", \"productCode\": \"P-100\", \"site\": \"Basel\","
              + " \"completedAt\": \"2026-11-22T08:15:00Z\"}";
      assertThat(
              http.post(
                      "mes-bridge",
                      "/api/events/mes/batch-record-completed",
                      "{\"eventId\": \"mes-" + UUID.randomUUID() + event)
                  .getStatusCode())
          .isEqualTo(HttpStatus.CREATED);
      ResponseEntity<String> again =
          http.post(
              "mes-bridge",
              "/api/events/mes/batch-record-completed",
              "{\"eventId\": \"mes-" + UUID.randomUUID() + event);
      assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      ResponseEntity<String> message =
          http.post(
              "admin",
              "/engine-rest/message",
              "{\"messageName\":"
                  + " \"BatchRecordCompleted\", \"businessKey\": \""
                  + batch
                  + "\"}");
      assertThat(message.getStatusCode()).as(message.getBody()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(runningWith(batch)).isOne();
    } finally {
      Fixtures.undeploy(repositoryService, batchRelease);
      Fixtures.undeploy(repositoryService, deployment);
    }
  }

  private long runningWith(String key) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count();
  }

  private void asUser(String userId, String groupId, Runnable work) {
    identityService.setAuthentication(userId, List.of(groupId));
    try {
      work.run();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
