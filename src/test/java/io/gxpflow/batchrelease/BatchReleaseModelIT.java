package io.gxpflow.batchrelease;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The shipped bpmn/batch-release.bpmn in the running application, with its model security,
 * serializers and job executor: the expressions the model uses are allowed, the SLA timer gets the
 * target date, the checks run as jobs against the simulators and are merged and judged, and a hold
 * takes QA's review away. A batch the simulators do not know keeps their demo batches as they are
 * (each check answers 404: ERROR, a full review). The end-to-end case with deviation-capa is
 * BatchReleaseIT's.
 */
@IntegrationTest
class BatchReleaseModelIT {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  @Test
  void theShippedModelRunsItsChecksAndAHoldTakesTheReviewAway() {
    String batch = "B-MODEL-" + UUID.randomUUID().toString().substring(0, 8);
    ResponseEntity<String> started =
        new RestClientForUsers(rest)
            .post(
                "mes-bridge",
                "/api/events/mes/batch-record-completed",
                "{\"eventId\": \"mes-"
                    + UUID.randomUUID()
                    + "\", \"batchNumber\": \""
                    + batch
                    + "\", \"productCode\": \"P-100\", \"site\": \"Basel\","
                    + " \"completedAt\": \"2026-11-22T08:15:00Z\", \"intendedMarkets\": [\"CH\"]}");
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
    String instance = json(started).path("processInstanceId").asText();
    try {
      Job sla =
          managementService
              .createJobQuery()
              .processInstanceId(instance)
              .activityId("StartEvent_ReleaseOverdue")
              .singleResult();
      // the timer and the variable ask for the same date in the start's transaction: equal up to
      // the milliseconds between the two questions
      Date target =
          (Date)
              runtimeService.getVariable(
                  instance, BatchReleaseVariables.RELEASE_TARGET_DATE.name());
      assertThat(sla.getDuedate()).isCloseTo(target, 1000);
      assertThat(Duration.between(Instant.now(), target.toInstant()))
          .isBetween(Duration.ofDays(7).minusMinutes(5), Duration.ofDays(7));

      Task review = awaitTask(instance, "Task_QaReview");
      Map<String, Object> variables = runtimeService.getVariables(instance);
      assertThat(variables)
          .containsEntry("reviewDepth", "FULL")
          .containsEntry("intendedMarkets", List.of("CH"))
          .containsEntry("errorCount", 3)
          .containsEntry("openDeviations", List.of());
      assertThat(BatchReleaseVariables.RELEASE_CHECKS.from(variables))
          .extracting(check -> check.get("check"))
          .containsExactly("MES_BATCH_RECORD", "QC_RESULTS", "QMS_QUALITY_EVENTS");

      runtimeService
          .createMessageCorrelation("BatchHoldRequested")
          .processInstanceBusinessKey(batch)
          .setVariable("deviationId", "DEV-MODEL-1")
          .correlateAllWithResult();

      assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isZero();
      assertThat(runtimeService.getVariable(instance, "openDeviations"))
          .isEqualTo(List.of("DEV-MODEL-1"));
      assertThat(
              historyService
                  .createHistoricActivityInstanceQuery()
                  .processInstanceId(instance)
                  .activityId("Condition_DeviationOpened")
                  .count())
          .isOne();
    } finally {
      Fixtures.deleteInstance(runtimeService, instance);
    }
  }

  private Task awaitTask(String instance, String key) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                taskService
                        .createTaskQuery()
                        .processInstanceId(instance)
                        .taskDefinitionKey(key)
                        .count()
                    == 1);
    return taskService
        .createTaskQuery()
        .processInstanceId(instance)
        .taskDefinitionKey(key)
        .singleResult();
  }
}
