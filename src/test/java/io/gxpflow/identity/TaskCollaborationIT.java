package io.gxpflow.identity;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.compliance.Sha256;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.ProbeUsers;
import io.gxpflow.support.RestClientForUsers;
import io.gxpflow.support.WebappSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Working a task together, over the REST API Tasklist uses, as the demo users: My tasks, comments
 * and attachments (audited, kept), handing a task back, a QA lead reassigning within the group, a
 * deputy while someone is out of office (segregation of duties still holds), and a refused input
 * that reads as a sentence and is not logged as an error. {@code iris} is a second investigator of
 * the test's own.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TaskCollaborationIT {

  static final String IRIS = "iris";

  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired AuditTrail auditTrail;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;
  RestClientForUsers http;
  Deployment deployment;
  String processInstanceId;
  String businessKey;
  String taskPath;
  Task task;

  @BeforeEach
  void start() {
    http = new RestClientForUsers(rest);
    ProbeUsers.create(identityService, IRIS, IRIS, GxpGroup.INVESTIGATORS.id());
    deployment = Fixtures.deploy(repositoryService, "fixtures/access/collaboration.bpmn");
    businessKey = "DEV-COLLAB-" + System.nanoTime();
    processInstanceId =
        runtimeService.startProcessInstanceByKey("deviation-capa", businessKey).getId();
    task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    taskPath = "/engine-rest/task/" + task.getId();
  }

  @AfterEach
  void undeploy() {
    http.delete("ivan", "/api/me/deputy");
    Fixtures.undeploy(repositoryService, deployment);
  }

  @Test
  void myTasksListsWhatIsAssignedToMeFromAnyGroup() {
    String myTasks =
        filterService
            .createTaskFilterQuery()
            .filterName(TasklistFilters.MY_TASKS)
            .singleResult()
            .getId();
    assertThat(http.post("ivan", taskPath + "/claim", "{\"userId\":\"ivan\"}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(
            json(http.post("ivan", "/engine-rest/filter/" + myTasks + "/list", "{}"))
                .findValuesAsText("id"))
        .contains(task.getId());
    assertThat(
            json(http.post("paul", "/engine-rest/filter/" + myTasks + "/list", "{}"))
                .findValuesAsText("id"))
        .doesNotContain(task.getId());
  }

  @Test
  void participantsCommentAndTheCommentIsAuditedAndKept() {
    ResponseEntity<String> created =
        http.post("ivan", taskPath + "/comment/create", "{\"message\":\"Line 3 was cleaned\"}");
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
    String commentId = json(created).path("id").asText();

    assertThat(json(http.get("ivan", taskPath + "/comment")).findValuesAsText("message"))
        .containsExactly("Line 3 was cleaned");
    StoredAuditEvent audited = only(AuditEventTypes.COMMENT_ADDED);
    assertThat(audited.actor()).isEqualTo("ivan");
    assertThat(audited.taskId()).isEqualTo(task.getId());
    assertThat(audited.details()).containsEntry("message", "Line 3 was cleaned");

    // someone outside the process does not get to comment; nobody deletes a comment
    assertThat(
            http.post("lena", taskPath + "/comment/create", "{\"message\":\"x\"}")
                .getStatusCode()
                .is2xxSuccessful())
        .isFalse();
    ResponseEntity<String> deleted = http.delete("ivan", taskPath + "/comment/" + commentId);
    assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json(deleted).path("type").asText()).endsWith("record-append-only");
    assertThat(taskService.getTaskComments(task.getId())).hasSize(1);
  }

  @Test
  void participantsAttachFilesWhoseSha256IsAuditedAndListedWithTheRecord() {
    byte[] content = "Cleaning log, line 3, 2026-12-01".getBytes(StandardCharsets.UTF_8);
    ResponseEntity<String> created = attach("ivan", content);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
    String attachmentId = json(created).path("id").asText();

    StoredAuditEvent audited = only(AuditEventTypes.ATTACHMENT_ADDED);
    assertThat(audited.actor()).isEqualTo("ivan");
    assertThat(audited.details())
        .containsEntry("name", "cleaning-log.txt")
        .containsEntry("sha256", Sha256.hex(content));
    assertThat(((Number) audited.details().get("size")).intValue()).isEqualTo(content.length);

    JsonNode listed = json(http.get("quinn", "/api/attachments?businessKey=" + businessKey));
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("sha256").asText()).isEqualTo(Sha256.hex(content));
    assertThat(listed.get(0).path("intact").asBoolean()).isTrue();
    assertThat(listed.get(0).path("addedBy").asText()).isEqualTo("ivan");
    assertThat(http.get("lena", "/api/attachments?businessKey=" + businessKey).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    // refused in the engine; Camunda's REST API words every failed attachment deletion as 404
    assertThat(
            http.delete("ivan", taskPath + "/attachment/" + attachmentId)
                .getStatusCode()
                .is2xxSuccessful())
        .isFalse();
    assertThat(taskService.getTaskAttachments(task.getId())).hasSize(1);
    // a link instead of the file is refused: its target could change after it was recorded
    MultiValueMap<String, Object> link = new LinkedMultiValueMap<>();
    link.add("attachment-name", "elsewhere");
    link.add("url", "https://example.com/doc");
    assertThat(multipart("ivan", link).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // kept for the record's retention: removal time = end of the record + historyTimeToLive (P1D)
    taskService.complete(task.getId());
    taskService.complete(
        taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId());
    Instant ended =
        historyService
            .createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult()
            .getEndTime()
            .toInstant();
    Timestamp removal =
        jdbc.queryForObject(
            "select REMOVAL_TIME_ from ACT_HI_ATTACHMENT where ID_ = ?",
            Timestamp.class,
            attachmentId);
    assertThat(removal.toInstant()).isEqualTo(ended.plus(1, ChronoUnit.DAYS));
  }

  @Test
  void whoeverHoldsATaskHandsItBackButNobodyElseTakesItAway() {
    http.post("ivan", taskPath + "/claim", "{\"userId\":\"ivan\"}");

    assertThat(http.post(IRIS, taskPath + "/unclaim", "").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.post("ivan", taskPath + "/unclaim", "").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isNull();
    assertThat(only(AuditEventTypes.TASK_UNCLAIMED).actor()).isEqualTo("ivan");
  }

  @Test
  void aQaLeadReassignsWithinTheTasksGroupOnly() {
    // QA oversees every open task (All open tasks) but works only its own: seeing is not claiming
    String allOpen =
        filterService
            .createTaskFilterQuery()
            .filterName(TasklistFilters.ALL_OPEN_TASKS)
            .singleResult()
            .getId();
    assertThat(
            json(http.post("quinn", "/engine-rest/filter/" + allOpen + "/list", "{}"))
                .findValuesAsText("id"))
        .contains(task.getId());
    assertThat(http.post("ivan", "/engine-rest/filter/" + allOpen + "/list", "{}").getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(
            http.post("quinn", taskPath + "/claim", "{\"userId\":\"quinn\"}")
                .getStatusCode()
                .is4xxClientError())
        .isTrue();
    assertThat(http.post("quinn", taskPath + "/complete", "{}").getStatusCode().is4xxClientError())
        .isTrue();
    http.post("ivan", taskPath + "/claim", "{\"userId\":\"ivan\"}");

    assertThat(http.post("ivan", taskPath + "/assignee", "{\"userId\":\"iris\"}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> outsideTheGroup =
        http.post("quinn", taskPath + "/assignee", "{\"userId\":\"paul\"}");
    assertThat(outsideTheGroup.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json(outsideTheGroup).path("type").asText()).endsWith("assignee-not-candidate");
    // Tasklist looks the new assignee up before it saves: QA reads colleagues' names
    assertThat(json(http.get("quinn", "/engine-rest/user?id=iris")).findValuesAsText("lastName"))
        .containsExactly(IRIS);
    assertThat(http.post("quinn", taskPath + "/assignee", "{\"userId\":\"iris\"}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(assignee()).isEqualTo(IRIS);
  }

  @Test
  void theDeputiesOfferedAreThePeopleOfMyWorkingGroups() {
    JsonNode candidates = json(http.get("ivan", "/api/me/deputy/candidates"));
    assertThat(candidates.findValuesAsText("id")).contains(IRIS).doesNotContain("ivan", "paul");
    assertThat(candidates.findValuesAsText("name"))
        .allSatisfy(name -> assertThat(name).isNotBlank());
    // oscar (ops) works no tasks: nobody to offer
    assertThat(json(http.get("oscar", "/api/me/deputy/candidates")).size()).isZero();
  }

  @Test
  void aTaskGivenToSomeoneOutOfOfficeGoesToTheirDeputyUnlessSegregationForbids() {
    Instant now = Instant.now();
    assertThat(
            http.put(
                    "ivan",
                    "/api/me/deputy",
                    "{\"deputy\":\"paul\",\"until\":\"" + now.plus(1, ChronoUnit.DAYS) + "\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(
            http.put(
                    "ivan",
                    "/api/me/deputy",
                    "{\"deputy\":\"iris\",\"from\":\""
                        + now.minus(1, ChronoUnit.HOURS)
                        + "\",\"until\":\""
                        + now.plus(1, ChronoUnit.DAYS)
                        + "\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(json(http.get("ivan", "/api/me/deputy")).path("deputy").asText()).isEqualTo(IRIS);

    assertThat(http.post("quinn", taskPath + "/assignee", "{\"userId\":\"ivan\"}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(assignee()).isEqualTo(IRIS);
    assertThat(only(AuditEventTypes.TASK_FORWARDED_TO_DEPUTY).details())
        .containsEntry("assignee", "ivan")
        .containsEntry("deputy", IRIS);

    // iris investigated; the review may not be hers, so given to ivan it stays with ivan
    assertThat(http.post(IRIS, taskPath + "/complete", "{}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    Task review = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(
            http.post(
                    "quinn",
                    "/engine-rest/task/" + review.getId() + "/assignee",
                    "{\"userId\":\"ivan\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee())
        .isEqualTo("ivan");
    assertThat(only(AuditEventTypes.DEPUTY_NOT_APPLICABLE).details().get("reason").toString())
        .contains("segregation of duties");
  }

  @Test
  void aTaskTheModelAssignsToSomeoneOutOfOfficeGoesToTheirDeputyAtCreation() {
    Instant now = Instant.now();
    http.put(
        "ivan",
        "/api/me/deputy",
        "{\"deputy\":\"iris\",\"until\":\"" + now.plus(1, ChronoUnit.DAYS) + "\"}");
    Deployment assigning =
        Fixtures.deploy(repositoryService, "fixtures/access/assigned-by-model.bpmn");
    try {
      String instance =
          runtimeService
              .startProcessInstanceByKey(
                  "deviation-capa", "DEV-ASSIGNED-" + System.nanoTime(), Map.of("owner", "ivan"))
              .getId();

      assertThat(
              taskService
                  .createTaskQuery()
                  .processInstanceId(instance)
                  .singleResult()
                  .getAssignee())
          .isEqualTo(IRIS);
      assertThat(
              auditTrail.findByProcessInstanceId(instance).stream()
                  .filter(e -> AuditEventTypes.TASK_FORWARDED_TO_DEPUTY.equals(e.type()))
                  .count())
          .isEqualTo(1);
    } finally {
      Fixtures.undeploy(repositoryService, assigning);
    }
  }

  /**
   * Tasklist shows the webapps' engine API message as is: the refusal's sentences, without
   * Camunda's "Cannot submit task form <id>:" in front; other errors keep Camunda's format.
   */
  @Test
  void tasklistShowsARefusedFormAsTheSentenceAlone() throws Exception {
    http.post("ivan", taskPath + "/claim", "{\"userId\":\"ivan\"}");
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login("ivan", "ivan", "tasklist")).isEqualTo(200);

    HttpResponse<String> refused =
        tasklist.sendJson(
            "POST",
            "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
            "{\"variables\":{\"owner\":{\"value\":\"Ivan X\",\"type\":\"String\"}}}",
            true);

    assertThat(refused.statusCode()).isEqualTo(400);
    JsonNode error = new ObjectMapper().readTree(refused.body());
    assertThat(error.path("message").asText())
        .isEqualTo("Please correct 1 field. owner is not in the expected format.");
    assertThat(refused.body()).doesNotContain(task.getId()).doesNotContain("Exception");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

    HttpResponse<String> missing =
        tasklist.sendJson(
            "POST",
            "/camunda/api/engine/engine/default/task/no-such-task/submit-form",
            "{\"variables\":{}}",
            true);
    assertThat(missing.statusCode()).isGreaterThanOrEqualTo(400).isLessThan(500);
    assertThat(new ObjectMapper().readTree(missing.body()).path("message").asText())
        .contains("no-such-task");
  }

  @Test
  void aRefusedInputIsASentencePerFieldAndNotLoggedAsAnError(CapturedOutput output) {
    http.post("ivan", taskPath + "/claim", "{\"userId\":\"ivan\"}");

    ResponseEntity<String> refused =
        http.post(
            "ivan", taskPath + "/complete", "{\"variables\":{\"owner\":{\"value\":\"Ivan X\"}}}");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(refused).path("detail").asText())
        .contains("Please correct 1 field. owner is not in the expected format.")
        .doesNotContain(task.getId())
        .doesNotContain("[a-z]");
    assertThat(output.getOut()).contains("Refused: Please correct 1 field.");
    assertThat(output.getOut()).doesNotContain("ENGINE-16004").doesNotContain("InvalidTaskInput");
  }

  private String assignee() {
    return taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
  }

  private StoredAuditEvent only(String type) {
    List<StoredAuditEvent> events =
        auditTrail.findByProcessInstanceId(processInstanceId).stream()
            .filter(event -> type.equals(event.type()))
            .toList();
    assertThat(events).as(type).hasSize(1);
    return events.get(0);
  }

  private ResponseEntity<String> attach(String user, byte[] content) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("attachment-name", "cleaning-log.txt");
    parts.add("attachment-type", "text/plain");
    parts.add(
        "content",
        new ByteArrayResource(content) {
          @Override
          public String getFilename() {
            return "cleaning-log.txt";
          }
        });
    return multipart(user, parts);
  }

  private ResponseEntity<String> multipart(String user, MultiValueMap<String, Object> parts) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.as(user)
        .postForEntity(
            taskPath + "/attachment/create", new HttpEntity<>(parts, headers), String.class);
  }
}
