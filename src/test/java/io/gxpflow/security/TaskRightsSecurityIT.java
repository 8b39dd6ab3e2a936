package io.gxpflow.security;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gxpflow.compliance.ComplianceRefusal;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 10, points 3 and 10: a claim is only ever for oneself (ivan claiming for paul let
 * production complete the investigators' assessment), and rights come before validation (a process
 * owner or operator completing an investigator's task learned the form's fields from a 400).
 */
@IntegrationTest
class TaskRightsSecurityIT {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  RestClientForUsers http;
  Deployment deployment;
  Task assessment;

  @BeforeEach
  void startDeviation() {
    http = new RestClientForUsers(rest);
    deployment = Fixtures.deploy(repositoryService, StartPathSecurityIT.COMPLIANCE_FIXTURE);
    String instance =
        runtimeService
            .startProcessInstanceByKey(
                "deviation-capa", "DEV-SEC-" + UUID.randomUUID().toString().substring(0, 8))
            .getId();
    assessment = taskService.createTaskQuery().processInstanceId(instance).singleResult();
  }

  @AfterEach
  void undeploy() {
    Fixtures.undeploy(repositoryService, deployment);
  }

  @Test
  void aClaimIsOnlyEverForOneself() {
    ResponseEntity<String> forPaul = http.post("ivan", claim(), "{\"userId\": \"paul\"}");

    assertThat(forPaul.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(forPaul.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json(forPaul).path("rule").asText()).isEqualTo("claim-for-self");
    Problems.problem(forPaul);
    assertThat(assignee()).isNull();

    identityService.setAuthentication("ivan", List.of("investigators"));
    try {
      assertThatThrownBy(() -> taskService.claim(assessment.getId(), "paul"))
          .isInstanceOf(ComplianceRefusal.class);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(assignee()).isNull();

    assertThat(http.post("ivan", claim(), "{\"userId\": \"ivan\"}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(assignee()).isEqualTo("ivan");
  }

  @Test
  void whoMayNotWorkOnATaskGets403NotTheFormsFields() {
    for (String outsider : List.of("olivia", "oscar")) {
      ResponseEntity<String> complete =
          http.post(
              outsider,
              "/engine-rest/task/" + assessment.getId() + "/complete",
              "{\"variables\": {\"severity\": {\"value\": \"SEVERE\"}}}");
      ResponseEntity<String> submit =
          http.post(
              outsider,
              "/engine-rest/task/" + assessment.getId() + "/submit-form",
              "{\"variables\": {}}");
      ResponseEntity<String> variable =
          http.put(
              outsider,
              "/engine-rest/task/" + assessment.getId() + "/variables/severity",
              "{\"value\": \"SEVERE\"}");

      for (ResponseEntity<String> refused : List.of(complete, submit, variable)) {
        assertThat(refused.getStatusCode())
            .as(outsider + ": " + refused.getBody())
            .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).doesNotContain("impact", "errors");
        // the engine's AuthorizationException, as a problem detail without its class name
        Problems.problem(refused);
      }
    }
    assertThat(taskService.createTaskQuery().taskId(assessment.getId()).count()).isOne();
  }

  private String claim() {
    return "/engine-rest/task/" + assessment.getId() + "/claim";
  }

  private String assignee() {
    return taskService.createTaskQuery().taskId(assessment.getId()).singleResult().getAssignee();
  }
}
