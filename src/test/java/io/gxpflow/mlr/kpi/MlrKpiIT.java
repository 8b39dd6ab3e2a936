package io.gxpflow.mlr.kpi;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/kpi/mlr} over HTTP, on items of the fixture model fixtures/kpi/mlr-kpi.bpmn (the
 * activity ids and variables of {@code mlr-review}) deployed for each test and removed with its
 * instances and their history afterwards. Numbers are checked as changes from a baseline of today's
 * window; the rules themselves in {@link MlrKpisTest} and, on an engine's history with its clock
 * moved, in {@link MlrKpiServiceTest}.
 */
@IntegrationTest
class MlrKpiIT {

  static final String PATH = "/api/kpi/mlr";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  RestClientForUsers http;
  Deployment deployment;

  final String run = UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void deployFixture() {
    http = new RestClientForUsers(rest);
    deployment = Fixtures.deploy(repositoryService, "fixtures/kpi/mlr-kpi.bpmn");
  }

  @AfterEach
  void undeployFixture() {
    Fixtures.undeploy(repositoryService, deployment);
  }

  @Test
  void theCoordinatorReadsTodaysApprovalsWithANewOneCounted() {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String window = PATH + "?from=" + today + "&to=" + today;
    JsonNode before = kpis("carl", window);

    // approved in round 1, 3 of 5 modules reused, medical and legal reviews, the legal one overdue
    String item = start("A", 5, 3, "medical,legal", Instant.now().minus(Duration.ofHours(1)));
    complete(item, "Task_MedicalReview");
    complete(item, "Task_LegalReview");
    complete(item, "Task_Approve");
    // in review, never approved: not counted
    start("B", 4, 0, "regulatory", Instant.now().plus(Duration.ofDays(5)));

    ResponseEntity<String> response = http.get("carl", window);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    JsonNode after = json(response);

    assertShape(after);
    assertThat(after.at("/window/from").asText()).isEqualTo(today);
    assertThat(after.at("/window/to").asText()).isEqualTo(today);
    assertThat(delta(before, after, "/approvals")).isEqualTo(1);
    assertThat(delta(before, after, "/cycleTime/approvals")).isEqualTo(1);
    assertThat(delta(before, after, "/cycleTime/withinBenchmark")).isEqualTo(1);
    assertThat(after.at("/cycleTime/benchmark").asInt()).isEqualTo(21);
    assertThat(after.at("/cycleTime/medianDays").isNumber()).isTrue();
    assertThat(delta(before, after, "/rounds/distribution/1")).isEqualTo(1);
    assertThat(delta(before, after, "/reuse/reusedUnchangedModules")).isEqualTo(3);
    assertThat(delta(before, after, "/reuse/moduleCount")).isEqualTo(5);
    assertThat(delta(before, after, "/firstTimeRight/firstTimeRight")).isEqualTo(1);
    assertThat(delta(before, after, "/reviewGroups/medical/reviews")).isEqualTo(1);
    assertThat(delta(before, after, "/reviewGroups/medical/overdue")).isEqualTo(1);
    assertThat(delta(before, after, "/reviewGroups/legal/overdue")).isEqualTo(1);
    assertThat(delta(before, after, "/reviewGroups/regulatory/reviews")).isZero();

    // a window that ended yesterday does not count today's approval
    String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    JsonNode past = kpis("carl", PATH + "?to=" + yesterday);
    assertThat(past.at("/window/from").isNull()).isTrue();
    assertThat(kpis("carl", PATH).at("/approvals").asLong())
        .isGreaterThanOrEqualTo(past.at("/approvals").asLong() + 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"quinn", "petra", "olivia", "oscar", "admin"})
  void theBatchKpiReadersMayReadToo(String user) {
    ResponseEntity<String> response = http.get(user, PATH);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertShape(json(response));
  }

  @ParameterizedTest
  @ValueSource(strings = {"alice", "mark", "lena", "rita", "paul"})
  void authorsReviewersAndOthersAreRefusedWith403Problem(String user) {
    ResponseEntity<String> response = http.get(user, PATH);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json(response).path("detail").asText()).contains(user);
  }

  @Test
  void theCoordinatorMayReadTheMlrKpisButNotTheOthers() {
    assertThat(http.get("carl", "/api/kpi/batches").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.get("carl", "/api/kpi/deviations").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anonymousIsRefusedWith401() {
    ResponseEntity<String> response = rest.getForEntity(PATH, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
  }

  @ParameterizedTest
  @CsvSource({
    "from=last-month, from",
    "to=2026-02-30, to",
    "from=2026-11-30&to=2026-11-01, to",
    "from=2026-11-01T00:00:00Z, from"
  })
  void aWindowThatIsNoDaysIsAnInvalidRequestNamingTheParameter(String query, String field) {
    ResponseEntity<String> response = http.get("carl", PATH + "?" + query);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = json(response);
    assertThat(problem.path("type").asText()).isEqualTo("urn:gxpflow:problem:invalid-request");
    assertThat(problem.path("errors").findValuesAsText("field")).containsExactly(field);
    assertThat(problem.toString()).doesNotContain("Exception", "java.");
  }

  private static void assertShape(JsonNode body) {
    assertThat(fieldNames(body))
        .containsExactly(
            "generatedAt",
            "window",
            "approvals",
            "cycleTime",
            "rounds",
            "reuse",
            "firstTimeRight",
            "reviewGroups");
    assertThat(body.path("generatedAt").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z");
    assertThat(fieldNames(body.path("window"))).containsExactly("from", "to");
    assertThat(fieldNames(body.path("cycleTime")))
        .containsExactly(
            "approvals",
            "medianDays",
            "p90Days",
            "benchmark",
            "withinBenchmark",
            "withinBenchmarkShare");
    assertThat(fieldNames(body.path("rounds")))
        .containsExactly("approvals", "mean", "distribution");
    assertThat(fieldNames(body.at("/rounds/distribution"))).containsExactly("1", "2", "3", "4+");
    assertThat(fieldNames(body.path("reuse")))
        .containsExactly("approvals", "reusedUnchangedModules", "moduleCount", "rate");
    assertThat(fieldNames(body.path("firstTimeRight")))
        .containsExactly("approvals", "firstTimeRight", "share");
    assertThat(fieldNames(body.path("reviewGroups")))
        .containsExactly("medical", "legal", "regulatory");
    for (String group : List.of("medical", "legal", "regulatory")) {
      assertThat(fieldNames(body.path("reviewGroups").path(group)))
          .containsExactly("reviews", "medianDays", "p90Days", "overdue");
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private JsonNode kpis(String user, String path) {
    ResponseEntity<String> response = http.get(user, path);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return json(response);
  }

  private static long delta(JsonNode before, JsonNode after, String pointer) {
    return after.at(pointer).asLong() - before.at(pointer).asLong();
  }

  /** An item as intake, pre-check and routing leave it: round 1, not blocked. */
  private String start(String name, int modules, int reused, String reviews, Instant reviewDueAt) {
    Map<String, Object> variables =
        Map.of(
            "reviewRound",
            1,
            "moduleCount",
            modules,
            "reusedUnchangedModules",
            reused,
            "reviews",
            reviews,
            "precheckBlocked",
            false,
            "reviewDueAt",
            Date.from(reviewDueAt),
            "revisionNeeded",
            false,
            "renew",
            false);
    return runtimeService
        .startProcessInstanceByKey("mlr-review", "MLR-IT-" + run + "-" + name, variables)
        .getId();
  }

  private void complete(String processInstanceId, String activity) {
    Task task =
        taskService
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(activity)
            .singleResult();
    taskService.complete(task.getId());
  }
}
