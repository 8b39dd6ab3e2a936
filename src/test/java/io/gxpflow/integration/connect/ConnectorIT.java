package io.gxpflow.integration.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.ModelerUpload;
import io.gxpflow.support.RestClientForUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.awaitility.core.ThrowingRunnable;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11, point 7: a process owner calls an MES operation from Modeler with the {@code gxp-mes}
 * connector (fixtures/integration/connector-mes.bpmn: read the batch record, then put the batch on
 * hold), and the call gets what the project's delegates get: API key and timeouts of SystemCalls,
 * the answer in variables through the output mapping, an audit record per call, an idempotency key
 * on the write, a business rejection as a BPMN error the model catches, and a failing MES as
 * retries, then an incident that ops can retry.
 */
@IntegrationTest
class ConnectorIT {

  static final String BATCH = "B-2026-0045";
  private static final String FIXTURE = "fixtures/integration/connector-mes.bpmn";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired AuditTrail auditTrail;
  @Autowired JdbcTemplate jdbc;
  RestClientForUsers http;
  Deployment deployment;

  @BeforeEach
  void deploy() {
    http = new RestClientForUsers(rest);
    deployment = Fixtures.deploy(repositoryService, FIXTURE);
  }

  @AfterEach
  void cleanUp() {
    http.delete("oscar", "/api/sim/faults");
    Fixtures.undeploy(repositoryService, deployment);
  }

  @Test
  void theAnswerReachesVariablesAndEveryCallIsAuditedWithTheWriteIdempotent() {
    String key = "B-CONNECT-" + UUID.randomUUID().toString().substring(0, 8);
    String instance = start(key, BATCH);

    await().atMost(Duration.ofSeconds(30)).until(() -> task(instance, "ReviewHeldBatch") != null);

    assertThat(runtimeService.getVariables(instance))
        .containsEntry("productName", "Amoxicillin 500 mg capsules")
        .containsEntry("recordComplete", true)
        .containsEntry("exceptionCount", 1)
        .containsEntry("mesBatchStatus", "ON_HOLD")
        .doesNotContainKeys("response", "operation", "idempotencyKey");
    // a list from the answer is a variable too, stored as JSON like every list of a case
    assertThat(runtimeService.getVariable(instance, "recordExceptions"))
        .asList()
        .singleElement()
        .asInstanceOf(InstanceOfAssertFactories.MAP)
        .containsEntry("code", "DEV-CONTAM");
    assertThat(mesRecord(BATCH).get("status")).isEqualTo("ON_HOLD");
    awaitSystemCalls(
        () ->
            assertThat(systemCalls(key))
                .extracting(StoredAuditEvent::details)
                .satisfiesExactly(
                    read ->
                        assertThat(read)
                            .containsEntry("system", "MES")
                            .containsEntry("operation", "batch-record")
                            .containsEntry("outcome", "OK")
                            .extracting(details -> details.get("idempotencyKey"))
                            .isNull(),
                    write ->
                        assertThat(write)
                            .containsEntry("system", "MES")
                            .containsEntry("operation", "set-status")
                            .containsEntry("outcome", "OK")
                            .containsEntry("idempotencyKey", instance + ":HoldBatch")));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from gxp_sim_idempotency where system = 'mes' and "
                    + "idempotency_key = ?",
                Integer.class,
                instance + ":HoldBatch"))
        .isOne();
  }

  @Test
  void anUnknownBatchIsABpmnErrorTheModelCatches() {
    String key = "B-CONNECT-UNKNOWN-" + UUID.randomUUID().toString().substring(0, 8);
    String instance = start(key, key);

    await().atMost(Duration.ofSeconds(30)).until(() -> task(instance, "CheckBatchNumber") != null);

    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
    assertThat(runtimeService.getVariables(instance))
        .doesNotContainKeys("productName", "mesBatchStatus");
    awaitSystemCalls(
        () ->
            assertThat(systemCalls(key))
                .singleElement()
                .satisfies(
                    call ->
                        assertThat(call.details())
                            .containsEntry("operation", "batch-record")
                            .containsEntry("outcome", "REJECTED")
                            .containsEntry("httpStatus", 404)));
  }

  @Test
  void aFailingMesIsRetriedThenAnIncidentThatOpsRetriesAndTheProcessContinues() {
    assertThat(
            http.put("oscar", "/api/sim/faults/mes/batch-record", "{\"status\": 503}")
                .getStatusCode()
                .is2xxSuccessful())
        .isTrue();
    String key = "B-CONNECT-FAIL-" + UUID.randomUUID().toString().substring(0, 8);
    String instance = start(key, BATCH);

    Incident incident =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    runtimeService.createIncidentQuery().processInstanceId(instance).singleResult(),
                found -> found != null);
    assertThat(incident.getActivityId()).isEqualTo("ReadBatchRecord");
    assertThat(incident.getIncidentMessage()).contains("MES batch-record failed: HTTP 503");
    awaitSystemCalls(
        () ->
            assertThat(systemCalls(key))
                .hasSize(2)
                .allSatisfy(call -> assertThat(call.details()).containsEntry("outcome", "FAILED")));

    http.delete("oscar", "/api/sim/faults");
    assertThat(
            http.put(
                    "oscar",
                    "/engine-rest/job/" + incident.getConfiguration() + "/retries",
                    "{\"retries\": 1}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    await().atMost(Duration.ofSeconds(30)).until(() -> task(instance, "ReviewHeldBatch") != null);
    assertThat(runtimeService.getVariable(instance, "productName"))
        .isEqualTo("Amoxicillin 500 mg capsules");
    awaitSystemCalls(
        () ->
            assertThat(systemCalls(key))
                .extracting(call -> call.details().get("outcome"))
                .containsExactly("FAILED", "FAILED", "OK", "OK"));
  }

  @Test
  void aBatchNumberThatWouldLeaveThePathIsRefusedBeforeAnyCall() {
    String key = "B-CONNECT-PATH-" + UUID.randomUUID().toString().substring(0, 8);
    String instance = start(key, "../../actuator/env");

    Incident incident =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    runtimeService.createIncidentQuery().processInstanceId(instance).singleResult(),
                found -> found != null);

    assertThat(incident.getIncidentMessage())
        .contains("gxp-mes: the input 'batchNumber' must be an id");
    assertThat(systemCalls(key)).isEmpty();
  }

  @Test
  void aProcessOwnerDeploysTheConnectorFromModeler() {
    ResponseEntity<String> response =
        ModelerUpload.deploy(
            rest.withBasicAuth("olivia", "olivia"),
            "connector-from-modeler",
            "connector-mes.bpmn",
            new ClassPathResource(FIXTURE));
    try {
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    } finally {
      repositoryService
          .createDeploymentQuery()
          .deploymentName("connector-from-modeler")
          .list()
          .forEach(modeled -> repositoryService.deleteDeployment(modeled.getId(), true));
    }
  }

  private String start(String businessKey, String batchNumber) {
    return runtimeService
        .startProcessInstanceByKey(
            "connector-mes",
            businessKey,
            Map.of("batchNumber", batchNumber, "statusReason", "Deviation open"))
        .getId();
  }

  private Task task(String instance, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance)
        .taskDefinitionKey(key)
        .singleResult();
  }

  /**
   * A call is audited in its own transaction right after the job's (IndependentAudit): it may land
   * a moment later.
   */
  private static void awaitSystemCalls(ThrowingRunnable assertion) {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(assertion);
  }

  private List<StoredAuditEvent> systemCalls(String businessKey) {
    return auditTrail.findByBusinessKey(businessKey).stream()
        .filter(event -> event.type().equals(AuditEventTypes.SYSTEM_CALL))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> mesRecord(String batch) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Api-Key", "demo-simulator-key");
    return rest.exchange(
            "/sim/mes/batches/" + batch + "/record",
            HttpMethod.GET,
            new HttpEntity<>(headers),
            Map.class)
        .getBody();
  }
}
