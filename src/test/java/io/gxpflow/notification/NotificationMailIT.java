package io.gxpflow.notification;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.gxpflow.identity.DemoUsers;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Notifications end to end, with a real SMTP server in the test JVM (GreenMail on the port
 * application-test.yaml gives {@code spring.mail.port}): who gets which mail with which subject and
 * link when a task is assigned, returned for rework, due soon or overdue; that a refused change
 * queues nothing; that a mail survives an SMTP outage; and the user's own opt-out.
 */
@IntegrationTest
class NotificationMailIT {

  static final int SMTP_PORT = 33025;

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.port(SMTP_PORT)).withPerMethodLifecycle(false);

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired NotificationOutbox outbox;
  @Autowired DueDateScan dueDateScan;
  RestClientForUsers http;
  Deployment deployment;
  String businessKey;

  @BeforeEach
  void deploy() {
    http = new RestClientForUsers(rest);
    deployment =
        Fixtures.deploy(
            repositoryService,
            "fixtures/notification/rework.bpmn",
            "fixtures/notification/assigned.bpmn",
            "fixtures/notification/assessment.form",
            "fixtures/notification/approval.form");
    businessKey = "DEV-NOTE-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void undeploy() {
    Fixtures.undeploy(repositoryService, deployment);
    http.put("ivan", "/api/notifications/settings", "{\"enabled\": true}");
    if (!smtp.isRunning()) {
      smtp.start();
    }
  }

  @Test
  void aTaskAssignedBySomeoneElseIsMailedWithItsLink() throws Exception {
    Task assessment = assessmentOfNewCase();
    ok(
        http.post(
            "admin",
            "/engine-rest/task/" + assessment.getId() + "/assignee",
            "{\"userId\": \"ivan\"}"));

    MimeMessage mail = awaitMail("ivan", "Task assigned to you");
    assertThat(mail.getSubject())
        .isEqualTo("GxP Flow: Task assigned to you: Initial assessment (" + businessKey + ")");
    assertThat(recipients(mail)).containsExactly("ivan@" + DemoUsers.EMAIL_DOMAIN);
    assertThat(mail.getFrom()[0].toString()).contains("noreply@gxpflow.example");
    assertThat(GreenMailUtil.getBody(mail))
        .contains(
            "https://gxpflow.test/camunda/app/tasklist/default/#/?task=" + assessment.getId());
    // the SMTP server has it a moment before the outbox records it
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                only(assessment.getId(), NotificationKind.ASSIGNED).status()
                    == NotificationStatus.SENT);
    NotificationOutbox.Entry sent = only(assessment.getId(), NotificationKind.ASSIGNED);
    assertThat(sent.recipient()).isEqualTo("ivan");
    assertThat(sent.email()).isEqualTo("ivan@" + DemoUsers.EMAIL_DOMAIN);
    assertThat(sent.sentAt()).isNotNull();
  }

  @Test
  void aTaskTheModelAssignsAtCreationIsMailedOnce() throws Exception {
    String processInstanceId =
        runtimeService
            .startProcessInstanceByKey("notification-assigned-fixture", businessKey)
            .getId();
    Task action = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();

    assertThat(awaitMail("ivan", "Task assigned to you").getSubject())
        .isEqualTo("GxP Flow: Task assigned to you: Carry out CAPA action (" + businessKey + ")");
    assertThat(only(action.getId(), NotificationKind.ASSIGNED).recipient()).isEqualTo("ivan");
    assertThat(outbox.aboutTask(action.getId())).hasSize(1);
  }

  @Test
  void aStepReturnedForReworkGoesToWhoeverCompletedItAndARefusedReturnQueuesNothing()
      throws Exception {
    Task assessment = assessmentOfNewCase();
    ok(
        http.post(
            "ivan",
            "/engine-rest/task/" + assessment.getId() + "/claim",
            "{\"userId\": \"ivan\"}"));
    ok(
        http.post(
            "ivan",
            "/engine-rest/task/" + assessment.getId() + "/complete",
            "{\"variables\": {\"summary\": {\"value\": \"first round\"}}}"));
    Task approval =
        taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
    ok(
        http.post(
            "quinn",
            "/engine-rest/task/" + approval.getId() + "/claim",
            "{\"userId\": \"quinn\"}"));

    // refused by the server's input check: the engine's transaction rolls back, and the outbox row
    // with it
    ResponseEntity<String> refused =
        http.post(
            "quinn",
            "/engine-rest/task/" + approval.getId() + "/complete",
            "{\"variables\": {\"approved\": {\"value\": false}, \"unknownField\": {\"value\": \"x\"}}}");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .count())
        .isOne();
    assertThat(outbox.of("ivan", 50))
        .noneMatch(
            n -> businessKey.equals(n.businessKey()) && n.kind() == NotificationKind.RETURNED);

    ok(
        http.post(
            "quinn",
            "/engine-rest/task/" + approval.getId() + "/complete",
            "{\"variables\": {\"approved\": {\"value\": false}, \"returnReason\": {\"value\": \"impact unclear\"}}}"));

    Task again =
        taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
    assertThat(again.getTaskDefinitionKey()).isEqualTo("Assessment");
    assertThat(again.getAssignee()).isNull();
    MimeMessage mail = awaitMail("ivan", "Task returned to you");
    assertThat(mail.getSubject())
        .isEqualTo("GxP Flow: Task returned to you: Initial assessment (" + businessKey + ")");
    assertThat(GreenMailUtil.getBody(mail)).contains("#/?task=" + again.getId());
    assertThat(only(again.getId(), NotificationKind.RETURNED).recipient()).isEqualTo("ivan");
    assertThat(outbox.aboutTask(approval.getId())).as("quinn claimed hers herself").isEmpty();
  }

  @Test
  void dueSoonAndOverdueAreMailedOncePerTaskAndDueDate() throws Exception {
    Task assessment = assessmentOfNewCase();
    ok(
        http.post(
            "ivan",
            "/engine-rest/task/" + assessment.getId() + "/claim",
            "{\"userId\": \"ivan\"}"));
    Task task = taskService.createTaskQuery().taskId(assessment.getId()).singleResult();
    task.setDueDate(new Date(System.currentTimeMillis() + Duration.ofHours(30).toMillis()));
    taskService.saveTask(task);
    assertThat(outbox.aboutTask(task.getId()))
        .as("nothing for one's own claim, nor for a due date far off")
        .isEmpty();

    dueDateScan.scan();
    dueDateScan.scan();

    MimeMessage dueSoon = awaitMail("ivan", "Task due ");
    assertThat(dueSoon.getSubject()).endsWith("UTC: Initial assessment (" + businessKey + ")");
    assertThat(GreenMailUtil.getBody(dueSoon)).contains("#/?task=" + task.getId());
    assertThat(only(task.getId(), NotificationKind.DUE_SOON).recipient()).isEqualTo("ivan");

    task.setDueDate(new Date(System.currentTimeMillis() - Duration.ofHours(1).toMillis()));
    taskService.saveTask(task);
    dueDateScan.scan();
    dueDateScan.scan();

    MimeMessage overdue = awaitMail("ivan", "Task overdue since");
    assertThat(recipients(overdue)).containsExactly("ivan@" + DemoUsers.EMAIL_DOMAIN);
    assertThat(only(task.getId(), NotificationKind.OVERDUE).recipient()).isEqualTo("ivan");
    assertThat(outbox.aboutTask(task.getId())).hasSize(2);
  }

  @Test
  void anUnclaimedTaskOverdueIsMailedToItsCandidateGroup() throws Exception {
    Task task = assessmentOfNewCase();
    task.setDueDate(new Date(System.currentTimeMillis() - Duration.ofMinutes(5).toMillis()));
    taskService.saveTask(task);

    dueDateScan.scan();

    assertThat(outbox.aboutTask(task.getId()))
        .extracting(NotificationOutbox.Entry::recipient)
        .contains("ivan")
        .doesNotContain("quinn", "paul");
    assertThat(awaitMail("ivan", "Task overdue since").getSubject()).contains(businessKey);
  }

  @Test
  void noMailIsLostWhileTheSmtpServerIsDown() throws Exception {
    Task assessment = assessmentOfNewCase();
    smtp.stop();
    ok(
        http.post(
            "admin",
            "/engine-rest/task/" + assessment.getId() + "/assignee",
            "{\"userId\": \"ivan\"}"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> only(assessment.getId(), NotificationKind.ASSIGNED).attempts() >= 2);
    NotificationOutbox.Entry waiting = only(assessment.getId(), NotificationKind.ASSIGNED);
    assertThat(waiting.status()).isEqualTo(NotificationStatus.PENDING);
    assertThat(waiting.lastError()).isNotBlank();
    assertThat(waiting.sentAt()).isNull();
    assertThat(http.anonymous().getForEntity("/actuator/health", String.class).getStatusCode())
        .as("the application stays healthy while the SMTP server is down")
        .isEqualTo(HttpStatus.OK);

    smtp.start();

    MimeMessage mail = awaitMail("ivan", "Task assigned to you");
    assertThat(GreenMailUtil.getBody(mail)).contains("#/?task=" + assessment.getId());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                only(assessment.getId(), NotificationKind.ASSIGNED).status()
                    == NotificationStatus.SENT);
    NotificationOutbox.Entry sent = only(assessment.getId(), NotificationKind.ASSIGNED);
    assertThat(sent.attempts()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aUserWhoSwitchedNotificationsOffGetsNoMailAndSeesWhy() throws Exception {
    assertThat(
            json(ok(http.get("ivan", "/api/notifications/settings"))).path("enabled").asBoolean())
        .isTrue();
    JsonNode off =
        json(ok(http.put("ivan", "/api/notifications/settings", "{\"enabled\": false}")));
    assertThat(off.path("userId").asText()).isEqualTo("ivan");
    assertThat(off.path("enabled").asBoolean()).isFalse();
    assertThat(
            json(ok(http.get("ivan", "/api/notifications/settings"))).path("enabled").asBoolean())
        .isFalse();
    assertThat(
            json(ok(http.get("quinn", "/api/notifications/settings"))).path("enabled").asBoolean())
        .as("only ivan's own setting changed")
        .isTrue();

    Task assessment = assessmentOfNewCase();
    ok(
        http.post(
            "admin",
            "/engine-rest/task/" + assessment.getId() + "/assignee",
            "{\"userId\": \"ivan\"}"));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                only(assessment.getId(), NotificationKind.ASSIGNED).status()
                    == NotificationStatus.SKIPPED);
    assertThat(only(assessment.getId(), NotificationKind.ASSIGNED).lastError())
        .contains("switched off");
    assertThat(mailsTo("ivan")).noneMatch(mail -> subject(mail).contains(businessKey));

    // the outbox shows it to ivan, and to nobody else
    JsonNode mine = json(ok(http.get("ivan", "/api/notifications")));
    JsonNode row = first(mine, assessment.getId());
    assertThat(row).isNotNull();
    assertThat(row.path("status").asText()).isEqualTo("SKIPPED");
    assertThat(row.path("kind").asText()).isEqualTo("ASSIGNED");
    assertThat(row.path("link").asText()).endsWith("#/?task=" + assessment.getId());
    assertThat(first(json(ok(http.get("quinn", "/api/notifications"))), assessment.getId()))
        .isNull();
  }

  @Test
  void badSettingsAreRefusedWithProblemDetailsAndChangeNothing() {
    for (String body :
        List.of(
            "{}",
            "{\"enabled\": null}",
            "{\"enabled\": \"maybe\"}",
            "{\"enabled\": [true]}",
            "not json")) {
      ResponseEntity<String> refused = http.put("ivan", "/api/notifications/settings", body);
      assertThat(refused.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
      JsonNode problem = json(refused);
      assertThat(problem.path("type").asText())
          .as(body)
          .isEqualTo("urn:gxpflow:problem:invalid-request");
      assertThat(refused.getBody()).as(body).doesNotContain("java.", "Exception");
    }
    assertThat(
            json(http.put("ivan", "/api/notifications/settings", "{}"))
                .path("errors")
                .findValuesAsText("field"))
        .containsExactly("enabled");
    assertThat(
            json(ok(http.get("ivan", "/api/notifications/settings"))).path("enabled").asBoolean())
        .isTrue();

    assertThat(http.anonymous().getForEntity("/api/notifications", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.get("mes-bridge", "/api/notifications").getStatusCode())
        .as("a technical client has no notifications")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            http.put("mes-bridge", "/api/notifications/settings", "{\"enabled\": false}")
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private Task assessmentOfNewCase() {
    String processInstanceId =
        runtimeService.startProcessInstanceByKey("deviation-capa", businessKey).getId();
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  private NotificationOutbox.Entry only(String taskId, NotificationKind kind) {
    List<NotificationOutbox.Entry> entries =
        outbox.aboutTask(taskId).stream().filter(entry -> entry.kind() == kind).toList();
    assertThat(entries).as("%s notifications of task %s", kind, taskId).hasSize(1);
    return entries.get(0);
  }

  private MimeMessage awaitMail(String user, String subjectPart) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                mailsTo(user).stream()
                    .filter(mail -> subject(mail).contains(businessKey))
                    .filter(mail -> subject(mail).contains(subjectPart))
                    .findFirst()
                    .orElse(null),
            mail -> mail != null);
  }

  private static List<MimeMessage> mailsTo(String user) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(mail -> recipients(mail).contains(user + "@" + DemoUsers.EMAIL_DOMAIN))
        .toList();
  }

  private static List<String> recipients(MimeMessage mail) {
    try {
      Address[] to = mail.getAllRecipients();
      return to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage mail) {
    try {
      return String.valueOf(mail.getSubject());
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode first(JsonNode notifications, String taskId) {
    for (JsonNode notification : notifications) {
      if (taskId.equals(notification.path("taskId").asText())) {
        return notification;
      }
    }
    return null;
  }

  private static ResponseEntity<String> ok(ResponseEntity<String> response) {
    assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    return response;
  }
}
