package io.gxpflow.integration;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ThrowingRunnable;
import org.camunda.bpm.engine.ManagementService;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A service task calling the MES over real HTTP (the app's own simulator in the embedded default):
 * the happy path, a business rejection caught by the model, and a failing MES ending in an incident
 * that ops clears and retries over the REST API, after which the process continues without a second
 * record.
 */
@IntegrationTest
class MesAdapterIT {

  static final String BATCH = "B-2026-0045";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired AuditTrail auditTrail;
  @Autowired JdbcTemplate jdbc;
  RestClientForUsers http;
  Deployment deployment;

  @BeforeEach
  void deploy() {
    http = new RestClientForUsers(rest);
    deployment = Fixtures.deploy(repositoryService, "fixtures/integration/batch-release.bpmn");
  }

  @AfterEach
  void cleanUp() {
    http.delete("oscar", "/api/sim/faults");
    Fixtures.undeploy(repositoryService, deployment);
  }

  @Test
  void theBatchIsPutOnHoldInTheMesOverHttpAndTheCallIsAudited() {
    String key = "B-HOLD-" + UUID.randomUUID().toString().substring(0, 8);
    String instance = start(key, BATCH);

    await().atMost(Duration.ofSeconds(30)).until(() -> task(instance, "ReviewHeldBatch") != null);

    assertThat(runtimeService.getVariable(instance, "mesBatchStatus")).isEqualTo("ON_HOLD");
    assertThat(mesRecord(BATCH).get("status")).isEqualTo("ON_HOLD");
    awaitSystemCalls(
        () ->
            assertThat(systemCalls(key))
                .singleElement()
                .satisfies(
                    call -> {
                      assertThat(call.details())
                          .containsEntry("system", "MES")
                          .containsEntry("operation", "set-status")
                          .containsEntry("outcome", "OK")
                          .containsEntry("idempotencyKey", instance + ":HoldBatch");
                      assertThat(call.processInstanceId()).isEqualTo(instance);
                    }));
  }

  @Test
  void anUnknownBatchIsABusinessErrorTheModelCatches() {
    String key = "B-UNKNOWN-" + UUID.randomUUID().toString().substring(0, 8);
    String instance = start(key, key);

    await().atMost(Duration.ofSeconds(30)).until(() -> task(instance, "CheckBatchNumber") != null);

    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
    awaitSystemCalls(
        () ->
            assertThat(systemCalls(key))
                .singleElement()
                .satisfies(
                    call -> assertThat(call.details()).containsEntry("outcome", "REJECTED")));
  }

  @Test
  void aFailingMesEndsInAnIncidentThatOpsRetriesAndTheProcessContinues() {
    fault("set-status", Map.of("status", 503));
    String key = "B-FAIL-" + UUID.randomUUID().toString().substring(0, 8);
    String instance = start(key, BATCH);

    Incident incident =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    runtimeService.createIncidentQuery().processInstanceId(instance).singleResult(),
                found -> found != null);
    assertThat(incident.getIncidentMessage()).contains("MES set-status failed: HTTP 503");
    awaitSystemCalls(
        () ->
            assertThat(systemCalls(key))
                .hasSize(2)
                .allSatisfy(
                    call ->
                        assertThat(call.details())
                            .containsEntry("outcome", "FAILED")
                            .containsEntry("idempotencyKey", instance + ":HoldBatch")));

    http.delete("oscar", "/api/sim/faults");
    assertThat(
            http.put(
                    "oscar",
                    "/engine-rest/job/" + incident.getConfiguration() + "/retries",
                    "{\"retries\": 1}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    await().atMost(Duration.ofSeconds(30)).until(() -> task(instance, "ReviewHeldBatch") != null);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
    awaitSystemCalls(
        () ->
            assertThat(systemCalls(key))
                .extracting(call -> call.details().get("outcome"))
                .containsExactly("FAILED", "FAILED", "OK"));
  }

  @Test
  void aRetryAfterATimeoutDoesNotChangeTheBatchTwice() {
    // the MES applies the change but answers after the client gave up (2 s read timeout in tests);
    // the retry, 3 s
    // later by the model's retry cycle, sends the same key and gets the first answer back
    fault("set-status", Map.of("delayMs", 3000, "times", 1));
    String key = "B-SLOW-" + UUID.randomUUID().toString().substring(0, 8);
    String instance = start(key, BATCH);

    await().atMost(Duration.ofSeconds(30)).until(() -> task(instance, "ReviewHeldBatch") != null);

    awaitSystemCalls(
        () ->
            assertThat(systemCalls(key))
                .extracting(call -> call.details().get("outcome"))
                .containsExactly("FAILED", "OK"));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from gxp_sim_idempotency where system = 'mes' and "
                    + "idempotency_key = ?",
                Integer.class,
                instance + ":HoldBatch"))
        .isOne();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
  }

  private String start(String businessKey, String batchNumber) {
    return runtimeService
        .startProcessInstanceByKey(
            "batch-release",
            businessKey,
            Map.of(
                "batchNumber",
                batchNumber,
                "targetBatchStatus",
                "ON_HOLD",
                "statusReason",
                "Deviation open"))
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
   * A call is audited in a transaction of its own right after the job's commit (IndependentAudit),
   * so that a refused or failed call is kept even when the job rolls back: it may land a moment
   * after what the test waited for.
   */
  private static void awaitSystemCalls(ThrowingRunnable assertion) {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(assertion);
  }

  private List<StoredAuditEvent> systemCalls(String businessKey) {
    return auditTrail.findByBusinessKey(businessKey).stream()
        .filter(event -> event.type().equals(AuditEventTypes.SYSTEM_CALL))
        .toList();
  }

  private void fault(String operation, Map<String, Object> fault) {
    assertThat(
            http.put("oscar", "/api/sim/faults/mes/" + operation, json(fault))
                .getStatusCode()
                .is2xxSuccessful())
        .isTrue();
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

  private static String json(Map<String, Object> value) {
    try {
      return new ObjectMapper().writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
