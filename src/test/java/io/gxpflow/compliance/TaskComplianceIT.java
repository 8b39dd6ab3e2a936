package io.gxpflow.compliance;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.ProbeUsers;
import io.gxpflow.support.RestClientForUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Server-side validation, segregation of duties and the guarded completion, through Camunda's REST
 * API as the demo users and through the Java API: a client cannot go around them, and a refusal
 * changes nothing.
 */
@IntegrationTest
class TaskComplianceIT {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ProcessEngine processEngine;
  @Autowired AuditTrail auditTrail;
  RestClientForUsers http;
  Deployment deployment;
  String businessKey;

  @BeforeEach
  void deploy() {
    http = new RestClientForUsers(rest);
    deployment = ComplianceFixture.deploy(repositoryService);
    businessKey = "DEV-TEST-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void undeploy() {
    Fixtures.undeploy(repositoryService, deployment);
  }

  @Test
  void invalidInputIsRefusedFieldByFieldAndChangesNothing() {
    String processInstanceId = startAs("paul");
    Task assessment = task(processInstanceId, "Assessment");
    claim("ivan", assessment);

    ResponseEntity<String> response =
        http.post(
            "ivan",
            "/engine-rest/task/" + assessment.getId() + "/complete",
            "{\"variables\": {\"severity\": {\"value\": \"SEVERE\"}, \"impact\": {\"value\": \"short\"},"
                + " \"batchCount\": {\"value\": 99, \"type\": \"Integer\"}, \"approvedBy\": {\"value\": \"me\"}}}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode errors = json(response).path("errors");
    assertThat(errors.findValuesAsText("field"))
        .containsExactlyInAnyOrder("severity", "impact", "batchCount", "approvedBy");
    assertThat(reason(errors, "severity")).contains("MINOR");
    assertThat(reason(errors, "impact")).contains("10");
    assertThat(reason(errors, "batchCount")).contains("50");
    assertThat(reason(errors, "approvedBy")).containsIgnoringCase("unknown");
    assertThat(taskService.createTaskQuery().taskId(assessment.getId()).count()).isOne();
    assertThat(runtimeService.getVariables(processInstanceId))
        .doesNotContainKeys("severity", "impact", "batchCount", "approvedBy");
  }

  @Test
  void submitFormAndTheJavaApiAreCheckedToo() {
    String processInstanceId = startAs("paul");
    Task assessment = task(processInstanceId, "Assessment");
    claim("ivan", assessment);

    ResponseEntity<String> submit =
        http.post(
            "ivan",
            "/engine-rest/task/" + assessment.getId() + "/submit-form",
            "{\"variables\": {\"severity\": {\"value\": \"MAJOR\"}}}");
    assertThat(submit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(submit).path("errors").findValuesAsText("field")).containsExactly("impact");

    assertThatThrownBy(
            () -> taskService.complete(assessment.getId(), Map.of("severity", "MAJOR", "x", 1)))
        .isInstanceOf(InvalidTaskInput.class)
        .satisfies(
            e ->
                assertThat(((InvalidTaskInput) e).violations())
                    .extracting(v -> v.field())
                    .containsExactlyInAnyOrder("impact", "x"));
    // as admin: a task's worker has TASK_WORK, not the right to set its variables outside
    // completion (403 first)
    assertThat(
            http.put(
                    "admin",
                    "/engine-rest/task/" + assessment.getId() + "/variables/smuggled",
                    "{\"value\": \"x\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(taskService.getVariables(assessment.getId()))
        .doesNotContainKeys("severity", "smuggled");
  }

  @Test
  void modelConstraintRequiresARationaleWhenNoCapa() {
    String processInstanceId = startAs("paul");
    Task assessment = task(processInstanceId, "Assessment");
    claim("ivan", assessment);

    ResponseEntity<String> response =
        completeAssessment(assessment, "\"capaRequired\": {\"value\": false}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(response).path("errors").findValuesAsText("field"))
        .containsExactly("rationale");
  }

  @Test
  void validCompletionIsAuditedWithOldAndNewValues() {
    String processInstanceId = startAs("paul");
    Task assessment = task(processInstanceId, "Assessment");
    claim("ivan", assessment);

    ResponseEntity<String> response =
        completeAssessment(assessment, "\"capaRequired\": {\"value\": true}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    List<StoredAuditEvent> events = auditTrail.findByBusinessKey(businessKey);
    assertThat(events)
        .extracting(StoredAuditEvent::type)
        .containsSubsequence(
            AuditEventTypes.PROCESS_STARTED,
            AuditEventTypes.TASK_CREATED,
            AuditEventTypes.TASK_CLAIMED,
            AuditEventTypes.TASK_COMPLETED,
            AuditEventTypes.TASK_CREATED);
    StoredAuditEvent started =
        events.stream()
            .filter(e -> e.type().equals(AuditEventTypes.PROCESS_STARTED))
            .findFirst()
            .orElseThrow();
    assertThat(started.actor()).isEqualTo("paul");
    StoredAuditEvent completed =
        events.stream()
            .filter(e -> e.type().equals(AuditEventTypes.TASK_COMPLETED))
            .findFirst()
            .orElseThrow();
    assertThat(completed.actor()).isEqualTo("ivan");
    assertThat(completed.taskId()).isEqualTo(assessment.getId());
    assertThat(completed.processInstanceId()).isEqualTo(processInstanceId);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> changes =
        (List<Map<String, Object>>) completed.details().get("changes");
    assertThat(changes)
        .anySatisfy(
            change -> {
              assertThat(change)
                  .containsEntry("variable", "severity")
                  .containsEntry("new", "MAJOR");
              assertThat(change.get("old")).isNull();
            });
  }

  @Test
  void theAuthorMayNotAssessTheirOwnDeviation() {
    String both =
        ProbeUsers.create(
            identityService,
            "sod-reporter-" + UUID.randomUUID().toString().substring(0, 6),
            "pw",
            "production");
    identityService.createMembership(both, "investigators");
    String processInstanceId = startAs(both, "pw");
    Task assessment = task(processInstanceId, "Assessment");

    ResponseEntity<String> claim =
        rest.withBasicAuth(both, "pw")
            .postForEntity(
                "/engine-rest/task/" + assessment.getId() + "/claim",
                jsonEntity("{\"userId\": \"" + both + "\"}"),
                String.class);

    assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(claim.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json(claim).path("rule").asText()).isEqualTo("sod.notSameAs=initiator");
    assertThat(
            taskService.createTaskQuery().taskId(assessment.getId()).singleResult().getAssignee())
        .isNull();
    assertThat(auditTrail.findByBusinessKey(businessKey))
        .filteredOn(e -> e.type().equals(AuditEventTypes.SOD_VIOLATION))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo(both);
              assertThat(e.details()).containsEntry("rule", "sod.notSameAs=initiator");
            });
  }

  @Test
  void theAssessorMayNotApproveAtClaimAssignmentOrCompletion() {
    String assessor =
        ProbeUsers.create(
            identityService,
            "sod-assessor-" + UUID.randomUUID().toString().substring(0, 6),
            "pw",
            "investigators");
    identityService.createMembership(assessor, "qa");
    String processInstanceId = startAs("paul");
    Task assessment = task(processInstanceId, "Assessment");
    assertThat(
            rest.withBasicAuth(assessor, "pw")
                .postForEntity(
                    "/engine-rest/task/" + assessment.getId() + "/claim",
                    jsonEntity("{\"userId\": \"" + assessor + "\"}"),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            rest.withBasicAuth(assessor, "pw")
                .postForEntity(
                    "/engine-rest/task/" + assessment.getId() + "/complete",
                    jsonEntity(assessmentVariables("\"capaRequired\": {\"value\": true}")),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    Task approval = task(processInstanceId, "Approval");

    ResponseEntity<String> claim =
        rest.withBasicAuth(assessor, "pw")
            .postForEntity(
                "/engine-rest/task/" + approval.getId() + "/claim",
                jsonEntity("{\"userId\": \"" + assessor + "\"}"),
                String.class);
    assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json(claim).path("rule").asText()).isEqualTo("sod.notSameAs=Assessment");

    // assigned by someone else: refused as well
    assertThatThrownBy(() -> taskService.setAssignee(approval.getId(), assessor))
        .isInstanceOf(ComplianceRefusal.class)
        .hasMessageContaining("sod.notSameAs=Assessment");

    // completing without claiming: refused at completion
    ResponseEntity<String> complete =
        rest.withBasicAuth(assessor, "pw")
            .postForEntity(
                "/engine-rest/task/" + approval.getId() + "/complete",
                jsonEntity("{\"variables\": {\"approved\": {\"value\": true}}}"),
                String.class);
    assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(approval.getId()).singleResult().getAssignee())
        .isNull();

    // quinn, who did not assess, may
    claim("quinn", approval);
    assertThat(
            http.post(
                    "quinn",
                    "/engine-rest/task/" + approval.getId() + "/complete",
                    "{\"variables\": {\"approved\": {\"value\": true}}}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void aSignatureStepCannotBeCompletedWithoutASignature() {
    String processInstanceId = startAs("paul");
    Task closure = reachClosure(processInstanceId);
    claim("quinn", closure);

    ResponseEntity<String> complete =
        http.post(
            "quinn",
            "/engine-rest/task/" + closure.getId() + "/complete",
            "{\"variables\": {\"closureComment\": {\"value\": \"done\"}}}");
    assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json(complete).path("rule").asText()).isEqualTo("signature-required");
    assertThat(
            http.post(
                    "quinn",
                    "/engine-rest/task/" + closure.getId() + "/submit-form",
                    "{\"variables\": {\"closureComment\": {\"value\": \"done\"}}}")
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThatThrownBy(
            () -> taskService.complete(closure.getId(), Map.of("closureComment", "done")))
        .isInstanceOf(ComplianceRefusal.class);
    // nor around the TaskService, with the engine's own command
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThatThrownBy(
            () ->
                configuration
                    .getCommandExecutorTxRequired()
                    .execute(
                        new CompleteTaskCmd(closure.getId(), Map.of("closureComment", "done"))))
        .hasRootCauseInstanceOf(ComplianceRefusal.class)
        .hasMessageContaining("may only be completed through the TaskService or FormService");
    assertThat(taskService.createTaskQuery().taskId(closure.getId()).count()).isOne();
  }

  Task reachClosure(String processInstanceId) {
    Task assessment = task(processInstanceId, "Assessment");
    claim("ivan", assessment);
    assertThat(
            completeAssessment(assessment, "\"capaRequired\": {\"value\": true}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    Task approval = task(processInstanceId, "Approval");
    claim("quinn", approval);
    assertThat(
            http.post(
                    "quinn",
                    "/engine-rest/task/" + approval.getId() + "/complete",
                    "{\"variables\": {\"approved\": {\"value\": true}}}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    return task(processInstanceId, "Closure");
  }

  private ResponseEntity<String> completeAssessment(Task assessment, String extra) {
    return http.post(
        "ivan",
        "/engine-rest/task/" + assessment.getId() + "/complete",
        assessmentVariables(extra));
  }

  private static String assessmentVariables(String extra) {
    return "{\"variables\": {\"severity\": {\"value\": \"MAJOR\"}, \"impact\": {\"value\": \"Sterility assurance"
        + " of two batches affected\"}, \"batchCount\": {\"value\": 2, \"type\": \"Integer\"}, "
        + extra
        + "}}";
  }

  private String startAs(String user) {
    return startAs(user, user);
  }

  private String startAs(String user, String password) {
    ResponseEntity<String> started =
        rest.withBasicAuth(user, password)
            .postForEntity(
                "/engine-rest/process-definition/key/deviation-capa/start",
                jsonEntity("{\"businessKey\": \"" + businessKey + "\"}"),
                String.class);
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    return json(started).path("id").asText();
  }

  private void claim(String user, Task task) {
    assertThat(
            http.post(
                    user,
                    "/engine-rest/task/" + task.getId() + "/claim",
                    "{\"userId\": \"" + user + "\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  private Task task(String processInstanceId, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .taskDefinitionKey(key)
        .singleResult();
  }

  private static String reason(JsonNode errors, String field) {
    for (JsonNode error : errors) {
      if (field.equals(error.path("field").asText())) {
        return error.path("reason").asText();
      }
    }
    throw new AssertionError("no error for " + field + " in " + errors);
  }

  static HttpEntity<String> jsonEntity(String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(json, headers);
  }
}
