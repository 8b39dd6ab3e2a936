package io.gxpflow.batchrelease.kpi;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gxpflow.batchrelease.kpi.BatchFacts.Status;
import io.gxpflow.batchrelease.kpi.BatchKpiReport.Batches;
import io.gxpflow.batchrelease.kpi.BatchKpiReport.LeadTime;
import io.gxpflow.batchrelease.kpi.BatchKpiReport.NoManualReview;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/kpi/batches} over HTTP on batches of a fixture version of {@code batch-release}
 * (fixtures/kpi/batch-kpi.bpmn: only the activity ids and variables the KPIs read), deployed for
 * each test as the newest version and removed with its instances and their history afterwards.
 * Other tests and the project's own model create batch-release instances in the same database, so
 * the HTTP numbers are checked as changes from a baseline read first, and the statistics that
 * cannot be differenced (median, percentile) on the facts of this test's own instances as the
 * service reads them from history.
 */
@IntegrationTest
class BatchKpiIT {

  static final String PATH = "/api/kpi/batches";
  static final String RESUME = "KpiFixtureResume";
  static final String MES_DONE = "KpiFixtureMesDone";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired BatchKpiService kpiService;
  RestClientForUsers http;
  Deployment deployment;

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final Set<String> mine = new LinkedHashSet<>();

  @BeforeEach
  void deployFixture() {
    http = new RestClientForUsers(rest);
    deployment = Fixtures.deploy(repositoryService, "fixtures/kpi/batch-kpi.bpmn");
  }

  @AfterEach
  void undeployFixture() {
    Fixtures.undeploy(repositoryService, deployment);
  }

  @Test
  void theQpReadsTheKpisWithItsNewBatchesCounted() {
    JsonNode before = kpis("petra");
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    // A: batch record completed 5 days ago, nothing to review, certified RELEASE: released
    String a = start("A", vars("batchRecordCompletedAt", ago(now, 5), "reviewDepth", "NONE"));
    certify(a, "RELEASE");
    // B: completed 10 days ago, held once, reviewed in full, certified REJECT: rejected
    String b =
        start(
            "B", vars("batchRecordCompletedAt", ago(now, 10), "reviewDepth", "FULL", "hold", true));
    resume(b, false);
    certify(b, "REJECT");
    // C: held, back on hold by a second deviation: on hold now, two stays
    String c = start("C", vars("batchRecordCompletedAt", ago(now, 1), "hold", true));
    resume(c, true);
    // D: waiting for the QP: in progress
    String d = start("D", vars("batchRecordCompletedAt", ago(now, 2), "reviewDepth", "FULL"));
    // E: no completion time from the MES (lead time from the start), certified RELEASE, the MES
    // status still being set: released while running
    String e = start("E", vars("reviewDepth", "EXCEPTIONS_ONLY", "waitAfterDecision", true));
    certify(e, "RELEASE");
    // F: deleted while on hold: cancelled, its stay counted
    String f = start("F", vars("batchRecordCompletedAt", ago(now, 3), "hold", true));
    runtimeService.deleteProcessInstance(f, "raised in error");

    ResponseEntity<String> response = http.get("petra", PATH);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    JsonNode after = json(response);

    assertShape(after);
    assertThat(Instant.parse(after.path("generatedAt").asText())).isAfterOrEqualTo(now);
    assertThat(delta(before, after, "/batches/released")).isEqualTo(2); // A, E
    assertThat(delta(before, after, "/batches/rejected")).isEqualTo(1); // B
    assertThat(delta(before, after, "/batches/onHold")).isEqualTo(1); // C
    assertThat(delta(before, after, "/batches/inProgress")).isEqualTo(1); // D
    assertThat(delta(before, after, "/batches/cancelled")).isEqualTo(1); // F
    assertThat(delta(before, after, "/leadTime/batches")).isEqualTo(3);
    assertThat(after.at("/leadTime/benchmarkLeadTimeDays").asDouble()).isEqualTo(7.1);
    assertThat(after.at("/leadTime/medianDays").isNumber()).isTrue();
    assertThat(after.at("/leadTime/p90Days").isNumber()).isTrue();
    assertThat(delta(before, after, "/leadTime/withinBenchmark")).isEqualTo(2); // A, E
    assertThat(delta(before, after, "/noManualReview/decided")).isEqualTo(3);
    assertThat(delta(before, after, "/noManualReview/releasedWithoutReview")).isEqualTo(1); // A
    assertThat(delta(before, after, "/timeOnHold/heldBatches")).isEqualTo(3); // B, C, F
    assertThat(delta(before, after, "/timeOnHold/holds")).isEqualTo(4);
    assertThat(after.at("/timeOnHold/medianDaysPerHeldBatch").isNumber()).isTrue();

    // the facts of this test's own batches, as read from history, and the statistics over them
    Map<String, BatchFacts> facts =
        kpiService.facts().stream()
            .filter(fact -> mine.contains(fact.processInstanceId()))
            .collect(Collectors.toMap(BatchFacts::processInstanceId, fact -> fact));
    assertThat(facts).hasSize(6);
    assertThat(facts.get(a))
        .satisfies(
            fact -> {
              assertThat(fact.batchNumber()).isEqualTo("KPI-IT-" + run + "-A");
              assertThat(fact.status()).isEqualTo(Status.RELEASED);
              assertThat(fact.endEvent()).isEqualTo("EndEvent_Released");
              assertThat(fact.batchRecordCompletedAt()).isEqualTo(now.minus(Duration.ofDays(5)));
              assertThat(fact.reviewDepth()).isEqualTo("NONE");
              assertThat(fact.releaseDecision()).isEqualTo("RELEASE");
              assertThat(fact.certifiedAt()).isBetween(now, Instant.now());
              assertThat(fact.endedAt()).isNotNull();
              assertThat(fact.holds()).isEmpty();
            });
    assertThat(facts.get(b).status()).isEqualTo(Status.REJECTED);
    assertThat(facts.get(b).endEvent()).isEqualTo("EndEvent_Rejected");
    assertThat(facts.get(b).holds()).singleElement().satisfies(hold -> assertEnded(hold, now));
    assertThat(facts.get(c).status()).isEqualTo(Status.ON_HOLD);
    assertThat(facts.get(c).holds()).hasSize(2).filteredOn(hold -> hold.end() == null).hasSize(1);
    assertThat(facts.get(d).status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(facts.get(d).certifiedAt()).isNull();
    assertThat(facts.get(e).status()).isEqualTo(Status.RELEASED);
    assertThat(facts.get(e).endedAt()).isNull();
    assertThat(facts.get(e).batchRecordCompletedAt()).isNull();
    assertThat(facts.get(e).leadTimeStart()).isEqualTo(facts.get(e).startedAt());
    assertThat(facts.get(f).status()).isEqualTo(Status.CANCELLED);
    assertThat(facts.get(f).holds()).singleElement().satisfies(hold -> assertEnded(hold, now));

    // lead days about 5 (A), 10 (B), 0 (E), seconds more each
    BatchKpiReport own = BatchKpis.compute(List.copyOf(facts.values()), Instant.now());
    assertThat(own.batches()).isEqualTo(new Batches(2, 1, 1, 1, 1));
    assertThat(own.leadTime()).isEqualTo(new LeadTime(3, 5.0, 10.0, 7.1, 2, 0.667));
    assertThat(own.noManualReview()).isEqualTo(new NoManualReview(3, 1, 0.333));
    assertThat(own.timeOnHold().heldBatches()).isEqualTo(3);
    assertThat(own.timeOnHold().holds()).isEqualTo(4);
    assertThat(own.timeOnHold().totalDays()).isEqualTo(0.0); // seconds, not days

    // the MES status set: E ends released, still counted once
    runtimeService.createMessageCorrelation(MES_DONE).processInstanceId(e).correlate();
    JsonNode last = kpis("petra");
    assertThat(delta(after, last, "/batches/released")).isZero();
    assertThat(delta(after, last, "/noManualReview/decided")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"quinn", "olivia", "oscar", "admin"})
  void qaProcessOwnersOperationsAndAdministratorsMayReadToo(String user) {
    ResponseEntity<String> response = http.get(user, PATH);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertShape(json(response));
  }

  @ParameterizedTest
  @ValueSource(strings = {"paul", "ivan", "mark"})
  void otherUsersAreRefusedWith403Problem(String user) {
    ResponseEntity<String> response = http.get(user, PATH);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json(response).path("status").asInt()).isEqualTo(403);
    assertThat(json(response).path("detail").asText()).contains(user);
  }

  @Test
  void theQpMayReadTheBatchKpisButNotTheDeviationKpis() {
    assertThat(http.get("petra", "/api/kpi/deviations").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anonymousIsRefusedWith401() {
    ResponseEntity<String> response = rest.getForEntity(PATH, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
  }

  private static void assertEnded(BatchFacts.Hold hold, Instant now) {
    assertThat(hold.start()).isAfterOrEqualTo(now);
    assertThat(hold.end()).isAfterOrEqualTo(hold.start());
  }

  private static void assertShape(JsonNode body) {
    assertThat(fieldNames(body))
        .containsExactly("generatedAt", "batches", "leadTime", "noManualReview", "timeOnHold");
    assertThat(body.path("generatedAt").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z");
    assertThat(fieldNames(body.path("batches")))
        .containsExactly("released", "rejected", "onHold", "inProgress", "cancelled");
    assertThat(fieldNames(body.path("leadTime")))
        .containsExactly(
            "batches",
            "medianDays",
            "p90Days",
            "benchmarkLeadTimeDays",
            "withinBenchmark",
            "withinBenchmarkRate");
    assertThat(fieldNames(body.path("noManualReview")))
        .containsExactly("decided", "releasedWithoutReview", "share");
    assertThat(fieldNames(body.path("timeOnHold")))
        .containsExactly("heldBatches", "holds", "totalDays", "medianDaysPerHeldBatch");
    assertThat(body.at("/batches/released").isIntegralNumber()).isTrue();
    assertThat(body.at("/timeOnHold/totalDays").isNumber()).isTrue();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private JsonNode kpis(String user) {
    ResponseEntity<String> response = http.get(user, PATH);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json(response);
  }

  private static long delta(JsonNode before, JsonNode after, String pointer) {
    return after.at(pointer).asLong() - before.at(pointer).asLong();
  }

  private String start(String name, Map<String, Object> variables) {
    Map<String, Object> withDefaults =
        new HashMap<>(vars("hold", false, "waitAfterDecision", false));
    withDefaults.putAll(variables);
    String id =
        runtimeService
            .startProcessInstanceByKey("batch-release", "KPI-IT-" + run + "-" + name, withDefaults)
            .getId();
    mine.add(id);
    return id;
  }

  /** The deviation closed: leave {@code OnHold}, and go back there when {@code holdAgain}. */
  private void resume(String processInstanceId, boolean holdAgain) {
    runtimeService
        .createMessageCorrelation(RESUME)
        .processInstanceId(processInstanceId)
        .setVariable("hold", holdAgain)
        .correlate();
  }

  /**
   * The QP's decision, then the certification completed through the guarded completion, as petra
   * would over REST.
   */
  private void certify(String processInstanceId, String decision) {
    runtimeService.setVariable(processInstanceId, "releaseDecision", decision);
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_QpCertification");
    ResponseEntity<String> completed =
        http.post("petra", "/engine-rest/task/" + task.getId() + "/complete", "{}");
    assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private static Map<String, Object> vars(Object... namesAndValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return variables;
  }

  /** ISO-8601 text, as the MES event carries it. */
  private static String ago(Instant now, long days) {
    return now.minus(Duration.ofDays(days)).toString();
  }
}
