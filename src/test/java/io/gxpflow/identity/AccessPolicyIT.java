package io.gxpflow.identity;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import java.time.Duration;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The authorization matrix of CONTRACT.md, exercised over the REST API as each group's demo user:
 * every group's allowed action succeeds and a neighbouring one is refused with 403. Test models
 * with the contract's process keys stand in for the real ones.
 */
@IntegrationTest
class AccessPolicyIT {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  RestClientForUsers http;
  Deployment deployment;

  @BeforeEach
  void deployContractProcesses() {
    http = new RestClientForUsers(rest);
    deployment =
        Fixtures.deploy(
            repositoryService,
            "fixtures/access/mlr-review.bpmn",
            "fixtures/access/deviation-capa.bpmn",
            "fixtures/access/batch-release.bpmn");
  }

  @AfterEach
  void undeploy() {
    Fixtures.undeploy(repositoryService, deployment);
  }

  @Test
  void contentAuthorStartsMlrReviewButNotADeviation() {
    assertThat(start("alice", "mlr-review", "MLR-2026-0001").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertRefused(start("alice", "deviation-capa", "DEV-ACCESS-0001"), "DEV-ACCESS-0001");
  }

  @Test
  void productionReportsDeviationsButStartsNoMlrReview() {
    assertThat(start("paul", "deviation-capa", "DEV-ACCESS-0002").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertRefused(start("paul", "mlr-review", "MLR-2026-0002"), "MLR-2026-0002");
  }

  @Test
  void reviewersMayNotStartProcessesTheyDoNotOwn() {
    // mark may read mlr-review (he works in it) but not start it: 403
    assertThat(start("mark", "mlr-review", "MLR-2026-0003").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertRefused(start("quinn", "deviation-capa", "DEV-ACCESS-0003"), "DEV-ACCESS-0003");
    assertRefused(start("petra", "batch-release", "B-2026-0003"), "B-2026-0003");
  }

  @Test
  void reviewerSeesClaimsAndCompletesOnlyTheirGroupsTasks() {
    String processInstanceId =
        json(start("alice", "mlr-review", "MLR-2026-0004")).path("id").asText();
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    String taskPath = "/engine-rest/task/" + task.getId();

    assertThat(
            json(http.get("mark", "/engine-rest/task?processInstanceId=" + processInstanceId))
                .findValuesAsText("id"))
        .containsExactly(task.getId());
    assertThat(json(http.get("lena", "/engine-rest/task?processInstanceId=" + processInstanceId)))
        .isEmpty();
    assertThat(http.post("lena", taskPath + "/claim", "{\"userId\":\"lena\"}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(http.post("mark", taskPath + "/claim", "{\"userId\":\"mark\"}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(http.post("mark", taskPath + "/complete", "{}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .count())
        .isZero();
  }

  @Test
  void opsSeesIncidentsAndRetriesJobsButDoesNoTaskWork() {
    String failing =
        runtimeService.startProcessInstanceByKey("batch-release", "B-2026-0042").getId();
    Incident incident =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    runtimeService.createIncidentQuery().processInstanceId(failing).singleResult(),
                found -> found != null);

    assertThat(
            json(http.get("oscar", "/engine-rest/incident?processInstanceId=" + failing))
                .findValuesAsText("id"))
        .containsExactly(incident.getId());
    String retries = "/engine-rest/job/" + incident.getConfiguration() + "/retries";
    assertThat(http.put("mark", retries, "{\"retries\":1}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.put("olivia", retries, "{\"retries\":1}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.put("oscar", retries, "{\"retries\":1}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    String review = runtimeService.startProcessInstanceByKey("mlr-review", "MLR-2026-0005").getId();
    Task task = taskService.createTaskQuery().processInstanceId(review).singleResult();
    assertThat(
            json(http.get("oscar", "/engine-rest/task?processInstanceId=" + review))
                .findValuesAsText("id"))
        .containsExactly(task.getId());
    assertThat(
            http.post(
                    "oscar",
                    "/engine-rest/task/" + task.getId() + "/claim",
                    "{\"userId\":\"oscar\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            http.post("oscar", "/engine-rest/task/" + task.getId() + "/complete", "{}")
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertRefused(start("oscar", "deviation-capa", "DEV-ACCESS-0004"), "DEV-ACCESS-0004");
  }

  @Test
  void processOwnerReadsButNeitherStartsWorksNorDeletes() {
    String review = runtimeService.startProcessInstanceByKey("mlr-review", "MLR-2026-0006").getId();
    Task task = taskService.createTaskQuery().processInstanceId(review).singleResult();

    assertThat(
            json(http.get("olivia", "/engine-rest/process-instance?processInstanceIds=" + review))
                .findValuesAsText("id"))
        .containsExactly(review);
    assertRefused(start("olivia", "mlr-review", "MLR-2026-0007"), "MLR-2026-0007");
    assertThat(
            http.post("olivia", "/engine-rest/task/" + task.getId() + "/complete", "{}")
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            http.delete("olivia", "/engine-rest/deployment/" + deployment.getId()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void reviewersReadTheCasesOfTheirOwnProcessOnlyAndNoDeployments() {
    String review = runtimeService.startProcessInstanceByKey("mlr-review", "MLR-2026-0008").getId();
    String deviation =
        runtimeService.startProcessInstanceByKey("deviation-capa", "DEV-ACCESS-0008").getId();

    assertThat(
            json(http.get("quinn", "/engine-rest/process-instance?processInstanceIds=" + review)))
        .isEmpty();
    assertThat(
            json(http.get("quinn", "/engine-rest/process-instance?processInstanceIds=" + deviation))
                .findValuesAsText("id"))
        .containsExactly(deviation);
    assertThat(
            http.put(
                    "quinn",
                    "/engine-rest/process-instance/" + deviation + "/variables/title",
                    "{\"value\": \"changed\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json(http.get("mark", "/engine-rest/deployment?id=" + deployment.getId())))
        .isEmpty();
  }

  @Test
  void adminMayDoEverything() {
    assertThat(json(http.get("admin", "/engine-rest/authorization/count")).path("count").asLong())
        .isPositive();
    assertThat(start("admin", "deviation-capa", "DEV-ACCESS-0005").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            http.delete("admin", "/engine-rest/deployment/" + deployment.getId() + "?cascade=true")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    deployment = null;
  }

  /**
   * Refused and nothing started. The engine answers 403 when the user may see the definition but
   * not start it, and 404 when the definition is not even visible to them (it does not reveal what
   * exists).
   */
  private void assertRefused(ResponseEntity<String> response, String businessKey) {
    assertThat(response.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .count())
        .isZero();
  }

  private ResponseEntity<String> start(String user, String processKey, String businessKey) {
    return http.post(
        user,
        "/engine-rest/process-definition/key/" + processKey + "/start",
        "{\"businessKey\":\"" + businessKey + "\"}");
  }
}
