package io.gxpflow.mlr.kpi;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.mlr.store.MlrDemoData;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
 * {@code GET /api/kpi/mlr} over HTTP, on the real {@code mlr-review} model: an item submitted by
 * alice through {@code POST /api/mlr/submissions}, pre-checked by the job executor, triaged by
 * carl, reviewed by mark and lena and signed by mark in the Sign step (Part 11), all today. Numbers
 * are checked as changes from a baseline of today's window (other tests' items stay in the shared
 * database); the rules themselves in {@link MlrKpisTest} and, on the model's history with its clock
 * moved (overdue reviews, rounds, renewal), in {@link MlrKpiServiceTest}.
 */
@IntegrationTest
class MlrKpiIT {

  static final String PATH = "/api/kpi/mlr";

  static final ObjectMapper JSON = new ObjectMapper();
  static final String APPROVED_FOR_DISTRIBUTION = "Approved for distribution";

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  RestClientForUsers http;

  final String run = UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void client() {
    http = new RestClientForUsers(rest);
  }

  @Test
  void theCoordinatorReadsTodaysApprovalsWithANewOneCounted() {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String window = PATH + "?from=" + today + "&to=" + today;
    JsonNode before = kpis("carl", window);

    // approved in round 1, 2 of 4 modules reused (the pre-approved dosing and safety texts, word
    // for
    // word), an email: medical and legal reviews, both in time
    String item = submitted();
    complete("carl", awaitTask(item, "Task_Triage"), Map.of("expedited", false));
    complete("mark", awaitTask(item, "Task_MedicalReview"), Map.of("reviewDecision", "approve"));
    complete("lena", awaitTask(item, "Task_LegalReview"), Map.of("reviewDecision", "approve"));
    sign("mark", awaitTask(item, "Task_Approve"));
    // in review, never approved: not counted
    awaitTask(submitted(), "Task_Triage");

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
    assertThat(delta(before, after, "/rounds/approvals")).isEqualTo(1);
    assertThat(delta(before, after, "/reuse/reusedUnchangedModules")).isEqualTo(2);
    assertThat(delta(before, after, "/reuse/moduleCount")).isEqualTo(4);
    assertThat(delta(before, after, "/firstTimeRight/firstTimeRight")).isEqualTo(1);
    assertThat(delta(before, after, "/reviewGroups/medical/reviews")).isEqualTo(1);
    assertThat(delta(before, after, "/reviewGroups/legal/reviews")).isEqualTo(1);
    assertThat(delta(before, after, "/reviewGroups/medical/overdue")).isZero();
    assertThat(delta(before, after, "/reviewGroups/legal/overdue")).isZero();
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

  /** alice's email for GB through POST /api/mlr/submissions: the process instance it started. */
  private String submitted() {
    Map<String, Object> submission = new LinkedHashMap<>();
    submission.put("title", "Amoxicillin in CAP " + run);
    submission.put("product", "Amoxicillin");
    submission.put("markets", List.of("GB"));
    submission.put("channel", "email");
    submission.put("audience", "HCP");
    submission.put(
        "modules",
        List.of(
            Map.of("id", "efficacy", "text", "Amoxicillin for community-acquired pneumonia."),
            Map.of(
                "id",
                "dosing",
                "text",
                preApprovedText("PM-AMX-DOSING"),
                "preApprovedModuleId",
                "PM-AMX-DOSING"),
            Map.of(
                "id",
                "safety",
                "type",
                "ISI",
                "text",
                preApprovedText("PM-AMX-ISI"),
                "preApprovedModuleId",
                "PM-AMX-ISI"),
            Map.of(
                "id", "footer", "text", "[Unsubscribe](https://amoxicillin.example/unsubscribe)")));
    ResponseEntity<String> created = http.post("alice", "/api/mlr/submissions", write(submission));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return json(created).path("processInstanceId").asText();
  }

  private static String preApprovedText(String moduleId) {
    return MlrDemoData.PRE_APPROVED_MODULES.stream()
        .filter(module -> module.id().equals(moduleId))
        .findFirst()
        .orElseThrow()
        .text();
  }

  /** Claims the task for {@code user} and completes it through the engine's REST API. */
  private void complete(String user, Task task, Map<String, Object> variables) {
    claim(user, task);
    Map<String, Object> values = new LinkedHashMap<>();
    variables.forEach((name, value) -> values.put(name, Map.of("value", value)));
    ResponseEntity<String> completed =
        http.post(
            user,
            "/engine-rest/task/" + task.getId() + "/complete",
            write(Map.of("variables", values)));
    assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  /** The Part 11 signature that approves the item for distribution. */
  private void sign(String user, Task task) {
    claim(user, task);
    ResponseEntity<String> signed =
        http.post(
            user,
            "/api/tasks/" + task.getId() + "/signature",
            write(
                Map.of(
                    "password",
                    user,
                    "meaning",
                    APPROVED_FOR_DISTRIBUTION,
                    "variables",
                    Map.of())));
    assertThat(signed.getStatusCode()).as(signed.getBody()).isEqualTo(HttpStatus.CREATED);
  }

  private void claim(String user, Task task) {
    ResponseEntity<String> claimed =
        http.post(
            user, "/engine-rest/task/" + task.getId() + "/claim", write(Map.of("userId", user)));
    assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  /** Waits until the instance has the open task (the job executor runs the pre-check). */
  private Task awaitTask(String instance, String key) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                taskService
                    .createTaskQuery()
                    .processInstanceId(instance)
                    .taskDefinitionKey(key)
                    .singleResult(),
            task -> task != null);
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
