package io.gxpflow.compliance;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;

/**
 * What the engine does on its own lands in the audit trail, in the engine's transaction: process
 * start, end and cancellation, deployments with checksums, decision outcomes, authorization
 * changes, incidents; and the trail outlives Camunda's history cleanup.
 */
@IntegrationTest
class AuditedEngineEventsIT {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired DecisionService decisionService;
  @Autowired AuditTrail auditTrail;

  @Test
  void modelDeploymentIsAuditedWithWhoAndAChecksumPerResource() {
    long before = auditTrail.head().lastSeq();
    ResponseHolder deployed = new ResponseHolder();
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "audited-deployment-" + UUID.randomUUID());
    form.add("deployment-source", "Camunda Modeler");
    form.add("risk-check.dmn", new ClassPathResource("fixtures/audit/risk-check.dmn"));
    deployed.id =
        json(rest.withBasicAuth("olivia", "olivia")
                .postForEntity("/engine-rest/deployment/create", form, String.class))
            .path("id")
            .asText();
    try {
      StoredAuditEvent deployment = eventsSince(before, AuditEventTypes.DEPLOYMENT).get(0);
      assertThat(deployment.actor()).isEqualTo("olivia");
      assertThat(deployment.details())
          .containsEntry("deploymentId", deployed.id)
          .containsEntry("source", "Camunda Modeler");
      @SuppressWarnings("unchecked")
      Map<String, String> resources = (Map<String, String>) deployment.details().get("resources");
      assertThat(resources).containsOnlyKeys("risk-check.dmn");
      assertThat(resources.get("risk-check.dmn")).matches("[0-9a-f]{64}");
    } finally {
      repositoryService.deleteDeployment(deployed.id, true);
    }
  }

  @Test
  void decisionOutcomesAreAudited() {
    Deployment deployment = Fixtures.deploy(repositoryService, "fixtures/audit/risk-check.dmn");
    try {
      long before = auditTrail.head().lastSeq();

      decisionService.evaluateDecisionTableByKey("risk-check", Map.of("impact", "high"));

      StoredAuditEvent decision = eventsSince(before, AuditEventTypes.DECISION_EVALUATED).get(0);
      assertThat(decision.details()).containsEntry("decisionKey", "risk-check");
      assertThat(decision.details().get("inputs")).isEqualTo(Map.of("Patient impact", "high"));
      assertThat(decision.details().get("outputs"))
          .asList()
          .singleElement()
          .isEqualTo(Map.of("rule", "Rule_high", "name", "severity", "value", "CRITICAL"));
    } finally {
      Fixtures.undeploy(repositoryService, deployment);
    }
  }

  @Test
  void authorizationChangesAreAuditedWithWhoChangedThem() {
    long before = auditTrail.head().lastSeq();

    String created =
        json(new RestClientForUsers(rest)
                .post(
                    "admin",
                    "/engine-rest/authorization/create",
                    "{\"type\": 1, \"permissions\": [\"READ\"], \"groupId\": \"qa\", \"resourceType\": 6,"
                        + " \"resourceId\": \"audit-check-"
                        + UUID.randomUUID()
                        + "\"}"))
            .path("id")
            .asText();

    assertThat(created).isNotBlank();
    List<StoredAuditEvent> changes = eventsSince(before, AuditEventTypes.AUTHORIZATION_CHANGED);
    assertThat(changes)
        .isNotEmpty()
        .allSatisfy(change -> assertThat(change.actor()).isEqualTo("admin"));
    assertThat(changes).extracting(change -> change.details().get("operation")).contains("Create");
    assertThat(
            new RestClientForUsers(rest)
                .delete("admin", "/engine-rest/authorization/" + created)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void processEndCancellationAndIncidentsAreAudited() {
    Deployment deployment =
        Fixtures.deploy(
            repositoryService,
            "fixtures/access/batch-release.bpmn",
            "fixtures/access/mlr-review.bpmn");
    try {
      String batch = "B-AUDIT-" + UUID.randomUUID().toString().substring(0, 8);
      String failing = runtimeService.startProcessInstanceByKey("batch-release", batch).getId();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> runtimeService.createIncidentQuery().processInstanceId(failing).count() == 1);
      String content = "MLR-AUDIT-" + UUID.randomUUID().toString().substring(0, 8);
      String review = runtimeService.startProcessInstanceByKey("mlr-review", content).getId();

      runtimeService.deleteProcessInstance(failing, "raised in error");
      runtimeService.deleteProcessInstance(review, "withdrawn");

      assertThat(types(batch))
          .startsWith(AuditEventTypes.PROCESS_STARTED, AuditEventTypes.INCIDENT_CREATED)
          .containsOnlyOnce(AuditEventTypes.INCIDENT_RESOLVED, AuditEventTypes.PROCESS_CANCELLED);
      StoredAuditEvent incident =
          auditTrail.findByBusinessKey(batch).stream()
              .filter(e -> e.type().equals(AuditEventTypes.INCIDENT_CREATED))
              .findFirst()
              .orElseThrow();
      assertThat(incident.details())
          .containsEntry("incidentType", "failedJob")
          .containsEntry("activityId", "CallMes");
      assertThat((String) incident.details().get("message")).contains("systemThatIsDown");
      assertThat(
              auditTrail.findByBusinessKey(content).stream()
                  .filter(e -> e.type().equals(AuditEventTypes.PROCESS_CANCELLED))
                  .findFirst()
                  .orElseThrow()
                  .details())
          .containsEntry("reason", "withdrawn");
    } finally {
      Fixtures.undeploy(repositoryService, deployment);
    }
  }

  @Test
  void theStartIsAuditedWithTheValuesTheInstanceStartedWith() {
    String key = "start-values-" + UUID.randomUUID().toString().substring(0, 8);
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("start-values-check")
            .camundaHistoryTimeToLive(1)
            .startEvent("Start")
            .endEvent("End")
            .done();
    Deployment deployment =
        repositoryService.createDeployment().addModelInstance("start-values.bpmn", model).deploy();
    try {
      runtimeService.startProcessInstanceByKey(
          "start-values-check",
          key,
          Map.of("title", "Label roll of another strength", "affectedBatches", List.of("B-1")));
      StoredAuditEvent started = auditTrail.findByBusinessKey(key).get(0);
      assertThat(started.type()).isEqualTo(AuditEventTypes.PROCESS_STARTED);
      assertThat(started.details())
          .containsEntry("startActivityId", "Start")
          .containsEntry(
              "variables",
              Map.of("title", "Label roll of another strength", "affectedBatches", List.of("B-1")));
      assertThat(types(key))
          .containsExactly(AuditEventTypes.PROCESS_STARTED, AuditEventTypes.PROCESS_ENDED);
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void theAuditTrailOutlivesCamundaHistoryCleanup() {
    String key = "cleanup-check-" + UUID.randomUUID().toString().substring(0, 8);
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("history-cleanup-check")
            .camundaHistoryTimeToLive(0)
            .startEvent("Start")
            .endEvent("End")
            .done();
    Deployment deployment =
        repositoryService.createDeployment().addModelInstance("cleanup.bpmn", model).deploy();
    try {
      String instance =
          runtimeService.startProcessInstanceByKey("history-cleanup-check", key).getId();
      assertThat(types(key))
          .containsExactly(AuditEventTypes.PROCESS_STARTED, AuditEventTypes.PROCESS_ENDED);

      // an immediate cleanup job, run by the job executor like the nightly one
      historyService.cleanUpHistoryAsync(true);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  historyService
                          .createHistoricProcessInstanceQuery()
                          .processInstanceId(instance)
                          .count()
                      == 0);

      assertThat(types(key))
          .containsExactly(AuditEventTypes.PROCESS_STARTED, AuditEventTypes.PROCESS_ENDED);
      assertThat(auditTrail.verify().isOk()).isTrue();
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  private List<String> types(String businessKey) {
    return auditTrail.findByBusinessKey(businessKey).stream().map(StoredAuditEvent::type).toList();
  }

  private List<StoredAuditEvent> eventsSince(long seq, String type) {
    List<StoredAuditEvent> events = new ArrayList<>();
    for (StoredAuditEvent event : auditTrail.chainUpTo(auditTrail.head().lastSeq())) {
      if (event.seq() > seq && event.type().equals(type)) {
        events.add(event);
      }
    }
    return events;
  }

  private static final class ResponseHolder {
    String id;
  }
}
