package io.gxpflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.security.BadInputCorpus.BadRequest;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 10: the bad-input corpus ({@link BadInputCorpus}, over 200 requests) against {@code
 * /api/**} and the {@code /engine-rest} endpoints users reach. Each request gets a 4xx problem
 * detail without Java class names; after the whole corpus the process instances, tasks,
 * deployments, recorded events and the users' audit events are as before.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusIT {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  RestClientForUsers http;
  Deployment deployment;
  String instance;
  String task;
  Map<String, Long> before;

  @BeforeAll
  void deployAndCount() {
    http = new RestClientForUsers(rest);
    deployment =
        Fixtures.deploy(
            repositoryService,
            "fixtures/security/security-race.bpmn",
            "fixtures/events/deviation-capa.bpmn");
    instance = runtimeService.startProcessInstanceByKey("security-race").getId();
    task = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    // jobs of instances other tests left behind would change the counts while the corpus runs
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> managementService.createJobQuery().executable().count() == 0);
    before = counts();
  }

  @AfterAll
  void undeploy() {
    Fixtures.undeploy(repositoryService, deployment);
  }

  static List<BadRequest> corpus() {
    return BadInputCorpus.all();
  }

  @Test
  @Order(0)
  void theCorpusHasAtLeast200Requests() {
    assertThat(BadInputCorpus.all()).hasSizeGreaterThanOrEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  @Order(1)
  void isRefusedWithAProblemDetail(BadRequest request) {
    ResponseEntity<String> response = send(request);
    Problems.problem(response);
    if (RestClientForUsers.API_KEYS.containsKey(request.user())) {
      assertThat(response.getStatusCode())
          .as("a technical client is signed in by its API key: its input is what is refused")
          .isNotEqualTo(HttpStatus.UNAUTHORIZED);
    }
  }

  @Test
  @Order(2)
  void andNothingChanged() {
    assertThat(counts()).isEqualTo(before);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    assertThat(runtimeService.getVariables(instance)).isEmpty();
  }

  private Map<String, Long> counts() {
    return Map.of(
        "process instances", runtimeService.createProcessInstanceQuery().count(),
        "tasks", taskService.createTaskQuery().count(),
        "deployments", repositoryService.createDeploymentQuery().count(),
        "variables", runtimeService.createVariableInstanceQuery().count(),
        "inbound events", jdbc.queryForObject("select count(*) from gxp_inbound_event", Long.class),
        // what a user did is audited with the user as actor; the job executor's work is "system"
        "audit events by users",
            jdbc.queryForObject(
                "select count(*) from gxp_audit_event where actor <> 'system'", Long.class));
  }

  private ResponseEntity<String> send(BadRequest request) {
    String path = request.path().replace("{task}", task).replace("{instance}", instance);
    HttpHeaders headers = new HttpHeaders();
    Object body = request.body();
    if ("multipart".equals(request.contentType())) {
      headers.setContentType(MediaType.MULTIPART_FORM_DATA);
      body = upload(request.body());
    } else if (request.contentType() != null) {
      headers.set(HttpHeaders.CONTENT_TYPE, request.contentType());
    } else if (request.body() != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    // a technical client (mes-bridge) signs in with its API key: with a password it would be
    // refused before its input is read, and the corpus would test the login instead
    String apiKey = RestClientForUsers.API_KEYS.get(request.user());
    if (apiKey != null) {
      headers.set("X-Api-Key", apiKey);
      return rest.exchange(path, request.method(), new HttpEntity<>(body, headers), String.class);
    }
    return http.as(request.user())
        .exchange(path, request.method(), new HttpEntity<>(body, headers), String.class);
  }

  private static MultiValueMap<String, Object> upload(String diagram) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "Bad input corpus");
    if (diagram != null) {
      HttpHeaders part = new HttpHeaders();
      part.setContentType(MediaType.TEXT_XML);
      part.setContentDisposition(
          ContentDisposition.formData().name(diagram).filename(diagram).build());
      form.add(
          diagram, new HttpEntity<>(new ClassPathResource("fixtures/security/" + diagram), part));
    }
    return form;
  }
}
