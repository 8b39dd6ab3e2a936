package io.gxpflow.security;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 10, point 4: ivan executing his own investigation's overdue timer got 403, yet its retries
 * went to 0 and an incident switched off his escalation. Now a refused execution changes nothing,
 * and jobs are operations' business: participants do not list them at all.
 */
@IntegrationTest
class JobSecurityIT {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  RestClientForUsers http;
  Deployment deployment;
  String instance;
  Job timer;

  @BeforeEach
  void startInvestigation() {
    http = new RestClientForUsers(rest);
    deployment = Fixtures.deploy(repositoryService, "fixtures/security/deviation-capa.bpmn");
    instance =
        runtimeService
            .startProcessInstanceByKey(
                "deviation-capa", "DEV-SEC-" + UUID.randomUUID().toString().substring(0, 8))
            .getId();
    timer = managementService.createJobQuery().processInstanceId(instance).singleResult();
  }

  @AfterEach
  void undeploy() {
    Fixtures.undeploy(repositoryService, deployment);
  }

  @Test
  void aRefusedExecutionLeavesTheJobAsItWas() {
    for (String user : List.of("ivan", "oscar", "olivia")) {
      ResponseEntity<String> refused =
          http.post(user, "/engine-rest/job/" + timer.getId() + "/execute", "");
      assertThat(refused.getStatusCode())
          .as(user + ": " + refused.getBody())
          .isEqualTo(HttpStatus.FORBIDDEN);
      // the engine's AuthorizationException, as a problem detail without its class name
      Problems.problem(refused);
    }

    Job after = managementService.createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(timer.getRetries());
    assertThat(after.getExceptionMessage()).isNull();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
    assertThat(runtimeService.getActiveActivityIds(instance)).containsExactly("Investigation");
  }

  @Test
  void whoMayNotExecuteAJobCannotTouchItAnyOtherWay() {
    String job = "/engine-rest/job/" + timer.getId();
    String definition = "/engine-rest/job-definition/" + timer.getJobDefinitionId();
    List<ResponseEntity<String>> refused =
        List.of(
            http.put("ivan", job + "/retries", "{\"retries\": 0}"),
            http.put("ivan", job + "/duedate", "{\"duedate\": \"2099-01-01T00:00:00.000+0000\"}"),
            http.put("ivan", job + "/suspended", "{\"suspended\": true}"),
            http.put("ivan", job + "/priority", "{\"priority\": 99}"),
            http.delete("ivan", job),
            http.put("ivan", definition + "/retries", "{\"retries\": 0}"),
            http.put("ivan", definition + "/suspended", "{\"suspended\": true}"));

    for (ResponseEntity<String> response : refused) {
      Problems.problem(response);
    }
    Job after = managementService.createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(timer.getRetries());
    assertThat(after.getDuedate()).isEqualTo(timer.getDuedate());
    assertThat(after.isSuspended()).isFalse();
    assertThat(after.getPriority()).isEqualTo(timer.getPriority());
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
  }

  @Test
  void participantsDoNotSeeJobsOperationsDo() {
    for (String participant : List.of("ivan", "paul", "quinn")) {
      assertThat(
              json(http.get(participant, "/engine-rest/job?processInstanceId=" + instance)).size())
          .as(participant)
          .isZero();
      assertThat(json(http.get(participant, "/engine-rest/job/count")).path("count").asLong())
          .isZero();
      assertThat(http.get(participant, "/engine-rest/job/" + timer.getId()).getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);
      // nor the jobs' history, their definitions or incidents
      for (String path :
          List.of(
              "/engine-rest/history/job-log?processInstanceId=" + instance,
              "/engine-rest/history/job-log/count",
              "/engine-rest/job-definition?processDefinitionId=" + timer.getProcessDefinitionId(),
              "/engine-rest/job-definition/" + timer.getJobDefinitionId(),
              "/engine-rest/incident?processInstanceId=" + instance,
              "/engine-rest/incident/count",
              "/engine-rest/history/incident?processInstanceId=" + instance)) {
        ResponseEntity<String> refused = http.get(participant, path);
        assertThat(refused.getStatusCode())
            .as(participant + " " + path)
            .isEqualTo(HttpStatus.FORBIDDEN);
        Problems.problem(refused);
      }
    }
    for (String operator : List.of("oscar", "admin")) {
      assertThat(json(http.get(operator, "/engine-rest/job?processInstanceId=" + instance)).size())
          .as(operator)
          .isOne();
      assertThat(
              json(http.get(operator, "/engine-rest/history/job-log?processInstanceId=" + instance))
                  .size())
          .as(operator)
          .isPositive();
      assertThat(
              http.get(operator, "/engine-rest/job-definition/" + timer.getJobDefinitionId())
                  .getStatusCode())
          .isEqualTo(HttpStatus.OK);
    }
  }
}
