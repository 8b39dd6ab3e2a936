package io.gxpflow.security;

import static io.gxpflow.security.Problems.problem;
import static io.gxpflow.security.Problems.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.ModelerUpload;
import io.gxpflow.support.RestClientForUsers;
import io.gxpflow.support.WebappSession;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10, points 8 and 9: each bad input of the attack report is a 4xx problem detail at the door
 * — never a 500 — and changes nothing.
 */
@IntegrationTest
class BadInputIT {

  static final String DEVIATIONS = "/api/events/deviations";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  RestClientForUsers http;
  Deployment deployment;

  @BeforeEach
  void deploy() {
    http = new RestClientForUsers(rest);
    // the fixture deviation-capa: an event accepted by mistake would start no QMS calls
    deployment =
        Fixtures.deploy(
            repositoryService,
            "fixtures/events/deviation-capa.bpmn",
            "fixtures/security/security-race.bpmn");
  }

  @AfterEach
  void undeploy() {
    Fixtures.undeploy(repositoryService, deployment);
  }

  @Test
  void deviationEventsBeyondTheDocumentedLimitsOrOfTheWrongTypeAreRefusedFieldByField()
      throws Exception {
    long events = inboundEvents();
    long instances = runtimeService.createProcessInstanceQuery().count();

    assertRefusedField(event("eventId", "e".repeat(129)), "eventId");
    assertRefusedField(event("description", "x".repeat(1024 * 1024)), "description");
    assertRefusedField(event("site", null), "site");
    assertRefusedField(event("title", true), "title");
    assertRefusedField(event("eventId", 42), "eventId");
    assertRefusedField(event("occurredAt", "+99999-11-21T22:10:00Z"), "occurredAt");
    assertRefusedField(event("batchNumbers", List.of("B-1", 7)), "batchNumbers[1]");
    assertRefusedField(event("batchNumbers", List.of("B".repeat(65))), "batchNumbers[0]");

    assertThat(inboundEvents()).isEqualTo(events);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
    // the limit itself is allowed
    assertThat(
            http.post(
                    "mes-bridge",
                    DEVIATIONS,
                    event(
                        "eventId", "e".repeat(118) + UUID.randomUUID().toString().substring(0, 10)))
                .getStatusCode()
                .value())
        .isEqualTo(201);
  }

  @Test
  void aWildcardContentTypeIsRefusedNotAnError() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, "application/*");
    problem(
        http.as("mes-bridge")
            .exchange(
                DEVIATIONS,
                HttpMethod.POST,
                new HttpEntity<>(event("eventId", "wild-" + UUID.randomUUID()), headers),
                String.class));
    problem(
        http.as("admin")
            .exchange(
                "/engine-rest/process-definition/key/security-race/start",
                HttpMethod.POST,
                new HttpEntity<>("{}", headers),
                String.class));
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("security-race")
                .count())
        .isZero();
  }

  @Test
  void xxeAndBillionLaughsUploadsAreRefusedWith400() throws Exception {
    for (String diagram : List.of("xxe.bpmn", "billion-laughs.bpmn")) {
      ResponseEntity<String> response = deploy("olivia", diagram);

      refused(response, 400);
      if (Files.isReadable(Path.of("/etc/hostname"))) {
        String hostname = Files.readString(Path.of("/etc/hostname")).trim();
        assertThat(response.getBody()).doesNotContain(hostname);
      }
      assertThat(response.getBody()).doesNotContain("lollol");
    }
    assertThat(repositoryService.createDeploymentQuery().deploymentName("Bad input upload").count())
        .isZero();
  }

  @Test
  void completingATaskThatDoesNotExistIs404() {
    refused(http.post("paul", "/engine-rest/task/" + UUID.randomUUID() + "/complete", "{}"), 404);
  }

  @Test
  void javaSerializedObjectsAndObjectsOfForeignTypesAreRefusedOnEveryPath() throws Exception {
    String instance = runtimeService.startProcessInstanceByKey("security-race").getId();
    long runningRaces =
        runtimeService.createProcessInstanceQuery().processDefinitionKey("security-race").count();
    String serialized =
        Base64.getEncoder().encodeToString(javaSerialized(new ArrayList<>(List.of("B-1"))));
    Map<String, Object> javaObject =
        object(serialized, "java.util.ArrayList", "application/x-java-serialized-object");
    Map<String, Object> processBuilder =
        object(
            "{\"command\": [\"touch\", \"/tmp/owned\"]}",
            "java.lang.ProcessBuilder",
            "application/json");
    Map<String, Object> hiddenInAList =
        object("[{}]", "java.util.ArrayList<java.lang.ProcessBuilder>", "application/json");
    Map<String, Object> passwdFile =
        Map.of(
            "type",
            "File",
            "value",
            Base64.getEncoder().encodeToString("root".getBytes()),
            "valueInfo",
            Map.of("filename", "../../etc/passwd", "mimetype", "text/plain"));
    String variablePath = "/engine-rest/process-instance/" + instance + "/variables/payload";

    for (Map<String, Object> value :
        List.of(javaObject, processBuilder, hiddenInAList, passwdFile)) {
      refused(http.put("admin", variablePath, JSON.writeValueAsString(value)), 400);
      refused(
          http.post(
              "admin",
              "/engine-rest/process-definition/key/security-race/start",
              JSON.writeValueAsString(Map.of("variables", Map.of("payload", value)))),
          400);
      refused(
          http.post(
              "admin",
              "/engine-rest/process-instance/" + instance + "/variables",
              JSON.writeValueAsString(Map.of("modifications", Map.of("payload", value)))),
          400);
    }

    assertThat(runtimeService.getVariables(instance)).doesNotContainKey("payload");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("security-race")
                .count())
        .isEqualTo(runningRaces);
    // a plain JSON list is data, and stays accepted
    ResponseEntity<String> list =
        http.put(
            "admin",
            variablePath,
            JSON.writeValueAsString(
                object("[\"B-1\"]", "java.util.ArrayList<java.lang.String>", "application/json")));
    assertThat(list.getStatusCode().value()).as(list.getBody()).isEqualTo(204);
    assertThat(runtimeService.getVariable(instance, "payload")).isEqualTo(List.of("B-1"));
  }

  @Test
  void theWebappsEngineApiKeepsCamundasErrorFormatThatTasklistReads() throws Exception {
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login("paul", "paul", "tasklist")).isEqualTo(200);

    var missing = tasklist.get("/camunda/api/engine/engine/default/task/" + UUID.randomUUID());

    // Camunda's own answer there (its status too): {"type": …, "message": …}, as Tasklist and
    // Cockpit expect
    assertThat(missing.statusCode()).isGreaterThanOrEqualTo(400);
    JsonNode error = JSON.readTree(missing.body());
    assertThat(error.path("type").asText()).isNotBlank();
    assertThat(error.path("message").asText()).isNotBlank();
  }

  private static Map<String, Object> object(String value, String typeName, String format) {
    return Map.of(
        "type",
        "Object",
        "value",
        value,
        "valueInfo",
        Map.of("objectTypeName", typeName, "serializationDataFormat", format));
  }

  private static byte[] javaSerialized(Object value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toByteArray();
  }

  private void assertRefusedField(String event, String field) {
    JsonNode problem = refused(http.post("mes-bridge", DEVIATIONS, event), 400);
    assertThat(problem.path("errors").findValuesAsText("field"))
        .as(problem.toString())
        .contains(field);
  }

  /** A valid deviation event with one field changed (null: left out). */
  static String event(String field, Object value) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("eventId", "bad-" + UUID.randomUUID());
    event.put("source", "MES");
    event.put("title", "Temperature excursion");
    event.put("description", "Granulation at 31 °C");
    event.put("occurredAt", "2026-11-21T22:10:00+01:00");
    event.put("site", "Basel");
    event.put("productCode", "P-100");
    event.put("batchNumbers", List.of("B-2026-0043"));
    event.put("category", "process");
    if (value == null) {
      event.remove(field);
    } else {
      event.put(field, value);
    }
    try {
      return JSON.writeValueAsString(event);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long inboundEvents() {
    return jdbc.queryForObject("select count(*) from gxp_inbound_event", Long.class);
  }

  ResponseEntity<String> deploy(String user, String diagram) {
    return ModelerUpload.deploy(
        http.as(user),
        "Bad input upload",
        diagram,
        new ClassPathResource("fixtures/security/" + diagram));
  }
}
