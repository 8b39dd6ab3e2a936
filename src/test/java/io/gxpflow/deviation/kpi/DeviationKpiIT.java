package io.gxpflow.deviation.kpi;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gxpflow.deviation.kpi.DeviationKpiReport.Closure;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
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
 * {@code GET /api/kpi/deviations} over HTTP on deviations of a fixture version of {@code
 * deviation-capa}. Other tests and the project's own model create deviation-capa instances in the
 * same database, so the HTTP numbers are checked as changes from a baseline read first, and the
 * statistics that cannot be differenced (means, percentiles) on the facts of this test's own
 * instances as the service reads them from history.
 */
@IntegrationTest
class DeviationKpiIT {

  static final String PATH = "/api/kpi/deviations";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired DeviationKpiService kpiService;
  RestClientForUsers http;
  Deployment deployment;

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final Set<String> mine = new LinkedHashSet<>();

  @BeforeEach
  void deployFixture() {
    http = new RestClientForUsers(rest);
    deployment = Fixtures.deploy(repositoryService, "fixtures/kpi/deviation-kpi.bpmn");
  }

  @AfterEach
  void undeployFixture() {
    Fixtures.undeploy(repositoryService, deployment);
  }

  @Test
  void qaReadsTheKpisWithItsNewDeviationsCounted() {
    JsonNode before = kpis("quinn");
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    // open, approved MINOR, closure due yesterday: overdue
    start(
        "A",
        vars(
            "severity",
            "MINOR",
            "reportedAt",
            ago(now, 20),
            "closureDueDate",
            ago(now, 1),
            "investigationDueDate",
            ago(now, 4),
            "classificationReturns",
            1,
            "capaRequired",
            false));
    // open, not yet approved by QA
    start(
        "B",
        vars(
            "reportedAt",
            ago(now, 0),
            "closureDueDate",
            ahead(now, 29),
            "investigationDueDate",
            ahead(now, 26)));
    // open CRITICAL, not yet due
    start(
        "C",
        vars(
            "severity",
            "CRITICAL",
            "reportedAt",
            ago(now, 2),
            "closureDueDate",
            ahead(now, 10),
            "classificationReturns",
            0));
    // MAJOR closed on time after 8 days; two effectiveness checks: not effective, then effective
    String d =
        start(
            "D",
            vars(
                "severity",
                "MAJOR",
                "reportedAt",
                ago(now, 10),
                "closureDueDate",
                ago(now, 1),
                "classificationReturns",
                2,
                "capaRequired",
                true));
    runtimeService.setVariable(d, "effectivenessResult", "notEffective");
    runtimeService.setVariable(d, "effectivenessResult", "effective");
    close(d, ago(now, 2));
    // MAJOR closed late after 35 days; one effectiveness check: effective
    String e =
        start(
            "E",
            vars(
                "severity",
                "MAJOR",
                "reportedAt",
                ago(now, 40),
                "closureDueDate",
                ago(now, 10),
                "classificationReturns",
                0,
                "capaRequired",
                true));
    runtimeService.setVariable(e, "effectivenessResult", "effective");
    close(e, ago(now, 5));
    // CRITICAL closed on time after 2 days, the instance still running (effectiveness check ahead)
    String f =
        start(
            "F",
            vars(
                "severity",
                "CRITICAL",
                "reportedAt",
                ago(now, 3),
                "closureDueDate",
                ahead(now, 12),
                "classificationReturns",
                1));
    runtimeService.setVariables(f, vars("deviationClosed", true, "deviationClosedAt", ago(now, 1)));
    // cancelled as a duplicate: not open, not in the returns
    String g =
        start(
            "G",
            vars(
                "severity",
                "MINOR",
                "reportedAt",
                ago(now, 6),
                "closureDueDate",
                ago(now, 2),
                "classificationReturns",
                3));
    runtimeService.setVariable(g, "deviationCancelled", true);
    completeAsQa(g);
    // deleted without closure: terminated, counted as cancelled, not overdue
    String h =
        start(
            "H",
            vars(
                "severity",
                "CRITICAL",
                "reportedAt",
                ago(now, 30),
                "closureDueDate",
                ago(now, 15),
                "classificationReturns",
                4));
    runtimeService.deleteProcessInstance(h, "raised in error");

    ResponseEntity<String> response = http.get("quinn", PATH);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    JsonNode after = json(response);

    assertShape(after);
    assertThat(Instant.parse(after.path("generatedAt").asText())).isAfterOrEqualTo(now);
    assertThat(delta(before, after, "/open/total")).isEqualTo(3);
    assertThat(delta(before, after, "/open/bySeverity/MINOR")).isEqualTo(1);
    assertThat(delta(before, after, "/open/bySeverity/MAJOR")).isZero();
    assertThat(delta(before, after, "/open/bySeverity/CRITICAL")).isEqualTo(1);
    assertThat(delta(before, after, "/open/bySeverity/UNCLASSIFIED")).isEqualTo(1);
    assertThat(delta(before, after, "/overdue")).isEqualTo(1);
    assertThat(delta(before, after, "/closure/MINOR/closed")).isZero();
    assertThat(delta(before, after, "/closure/MAJOR/closed")).isEqualTo(2);
    assertThat(delta(before, after, "/closure/MAJOR/onTime")).isEqualTo(1);
    assertThat(delta(before, after, "/closure/CRITICAL/closed")).isEqualTo(1);
    assertThat(delta(before, after, "/closure/CRITICAL/onTime")).isEqualTo(1);
    assertThat(after.at("/closure/MAJOR/meanDays").isNumber()).isTrue();
    assertThat(after.at("/closure/MAJOR/p90Days").isNumber()).isTrue();
    assertThat(after.at("/closure/MAJOR/onTimeRate").asDouble()).isBetween(0.0, 1.0);
    assertThat(delta(before, after, "/returnsPerDeviation/deviations"))
        .isEqualTo(5); // A, C, D, E, F
    assertThat(after.at("/returnsPerDeviation/max").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(delta(before, after, "/capaEffectiveness/checks")).isEqualTo(3);
    assertThat(delta(before, after, "/capaEffectiveness/effective")).isEqualTo(2);
    assertThat(delta(before, after, "/cancelled")).isEqualTo(2);

    // the facts of this test's own deviations, as read from history, and the statistics over them
    // alone
    Map<String, DeviationFacts> facts =
        kpiService.facts().stream()
            .filter(fact -> mine.contains(fact.processInstanceId()))
            .collect(Collectors.toMap(DeviationFacts::processInstanceId, fact -> fact));
    assertThat(facts).hasSize(8);
    assertThat(facts.get(d))
        .isEqualTo(
            new DeviationFacts(
                d,
                "MAJOR",
                ago(now, 10).toInstant(),
                ago(now, 1).toInstant(),
                true,
                ago(now, 2).toInstant(),
                2,
                null,
                true,
                List.of("notEffective", "effective")));
    assertThat(facts.get(f).status()).isEqualTo(DeviationFacts.Status.CLOSED);
    assertThat(facts.get(g).status()).isEqualTo(DeviationFacts.Status.CANCELLED);
    assertThat(facts.get(h).status()).isEqualTo(DeviationFacts.Status.CANCELLED);
    assertThat(facts.get(h).ended()).isTrue();

    DeviationKpiReport own = DeviationKpis.compute(List.copyOf(facts.values()), now);
    assertThat(own.open().total()).isEqualTo(3);
    assertThat(own.overdue()).isEqualTo(1);
    assertThat(own.closure().get("MAJOR")).isEqualTo(new Closure(2, 21.5, 35.0, 1, 0.5));
    assertThat(own.closure().get("CRITICAL")).isEqualTo(new Closure(1, 2.0, 2.0, 1, 1.0));
    assertThat(own.closure().get("MINOR")).isEqualTo(new Closure(0, null, null, 0, null));
    assertThat(own.returnsPerDeviation()).isEqualTo(new DeviationKpiReport.Returns(0.8, 2, 5));
    assertThat(own.capaEffectiveness())
        .isEqualTo(new DeviationKpiReport.Effectiveness(3, 2, 0.667));
    assertThat(own.cancelled()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"olivia", "oscar", "admin"})
  void processOwnersOperationsAndAdministratorsMayReadToo(String user) {
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
  void anonymousIsRefusedWith401() {
    ResponseEntity<String> response = rest.getForEntity(PATH, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
  }

  private static void assertShape(JsonNode body) {
    assertThat(fieldNames(body))
        .containsExactly(
            "generatedAt",
            "open",
            "overdue",
            "closure",
            "returnsPerDeviation",
            "capaEffectiveness",
            "cancelled");
    assertThat(body.path("generatedAt").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z");
    assertThat(fieldNames(body.path("open"))).containsExactly("total", "bySeverity");
    assertThat(fieldNames(body.at("/open/bySeverity")))
        .containsExactly("MINOR", "MAJOR", "CRITICAL", "UNCLASSIFIED");
    assertThat(fieldNames(body.path("closure"))).containsExactly("MINOR", "MAJOR", "CRITICAL");
    for (String severity : List.of("MINOR", "MAJOR", "CRITICAL")) {
      assertThat(fieldNames(body.path("closure").path(severity)))
          .containsExactly("closed", "meanDays", "p90Days", "onTime", "onTimeRate");
    }
    assertThat(fieldNames(body.path("returnsPerDeviation")))
        .containsExactly("mean", "max", "deviations");
    assertThat(fieldNames(body.path("capaEffectiveness")))
        .containsExactly("checks", "effective", "rate");
    assertThat(body.path("overdue").isIntegralNumber()).isTrue();
    assertThat(body.path("cancelled").isIntegralNumber()).isTrue();
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
    String id =
        runtimeService
            .startProcessInstanceByKey("deviation-capa", "KPI-IT-" + run + "-" + name, variables)
            .getId();
    mine.add(id);
    return id;
  }

  /**
   * QA closure signed: the model sets both variables, then the task completes and the instance
   * ends.
   */
  private void close(String processInstanceId, Date closedAt) {
    runtimeService.setVariables(
        processInstanceId, vars("deviationClosed", true, "deviationClosedAt", closedAt));
    completeAsQa(processInstanceId);
  }

  /** Through the guarded completion, as a member of the task's candidate group would over REST. */
  private void completeAsQa(String processInstanceId) {
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    ResponseEntity<String> completed =
        http.post("quinn", "/engine-rest/task/" + task.getId() + "/complete", "{}");
    assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .count())
        .isZero();
  }

  private static Map<String, Object> vars(Object... namesAndValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return variables;
  }

  private static Date ago(Instant now, long days) {
    return Date.from(now.minus(Duration.ofDays(days)));
  }

  private static Date ahead(Instant now, long days) {
    return Date.from(now.plus(Duration.ofDays(days)));
  }
}
