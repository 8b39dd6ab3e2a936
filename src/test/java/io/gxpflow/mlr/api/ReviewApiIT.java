package io.gxpflow.mlr.api;

import static io.gxpflow.mlr.api.InMemoryMlrStores.body;
import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.compliance.ComplianceFixture;
import io.gxpflow.mlr.content.Audience;
import io.gxpflow.mlr.content.Channel;
import io.gxpflow.mlr.content.ContentModule;
import io.gxpflow.mlr.content.ContentStatus;
import io.gxpflow.mlr.content.ContentVersion;
import io.gxpflow.mlr.content.ModuleComment;
import io.gxpflow.mlr.content.ModuleType;
import io.gxpflow.mlr.precheck.Finding;
import io.gxpflow.mlr.precheck.PrecheckResult;
import io.gxpflow.mlr.precheck.PrecheckRuleId;
import io.gxpflow.mlr.precheck.Severity;
import io.gxpflow.mlr.precheck.TextSpan;
import io.gxpflow.mlr.review.MlrVariables;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.ProbeUsers;
import io.gxpflow.support.RestClientForUsers;
import io.gxpflow.support.WebappSession;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The Review tab's API: {@code GET /api/mlr/tasks/{taskId}/review} and {@code POST
 * /api/mlr/tasks/{taskId}/comments}, on a fixture model with the tasks of {@code mlr-review} and
 * the content stores in memory ({@link InMemoryMlrStores}; switch to the real stores by removing
 * the import once they are merged).
 */
@IntegrationTest
@Import(InMemoryMlrStores.class)
class ReviewApiIT {

  static final String[] RESOURCES = {
    "fixtures/mlr-review/mlr-review.bpmn", "fixtures/mlr-review/review.form"
  };

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired InMemoryMlrStores.Contents contents;
  @Autowired InMemoryMlrStores.Claims claims;
  @Autowired InMemoryMlrStores.Findings findings;
  @Autowired InMemoryMlrStores.Comments comments;
  RestClientForUsers http;
  final List<Deployment> deployments = new ArrayList<>();
  String itemId;

  @BeforeEach
  void deploy() {
    http = new RestClientForUsers(rest);
    deployments.add(Fixtures.deploy(repositoryService, RESOURCES));
    itemId = "MLR-IT-" + UUID.randomUUID().toString().substring(0, 8);
    claims.preApproved("lib-dosing", "Take one tablet daily.");
  }

  @AfterEach
  void undeploy() {
    deployments.forEach(deployment -> Fixtures.undeploy(repositoryService, deployment));
  }

  // --- GET: what the tab shows

  @Test
  void aReviewerSeesTheFindingsAndWhatChangedSinceTheLastApprovedVersion() {
    contents.put(version(1, approvedModules()), ContentStatus.REPLACED);
    contents.put(version(2, approvedModules()), ContentStatus.APPROVED);
    contents.put(version(3, revisedModules()), ContentStatus.IN_REVIEW);
    String text = revisedModules().get(1).text();
    int safest = text.indexOf("safest");
    findings.record(itemId, 3, 1, new PrecheckResult(List.of(), 100)); // an older run
    findings.record(
        itemId,
        3,
        1,
        new PrecheckResult(
            List.of(
                new Finding(
                    PrecheckRuleId.EMAIL_UNSUBSCRIBE_MISSING,
                    Severity.BLOCKING,
                    null,
                    null,
                    "An email needs an unsubscribe link"),
                new Finding(
                    PrecheckRuleId.PROHIBITED_PHRASE,
                    Severity.MAJOR,
                    "efficacy",
                    new TextSpan(safest, safest + "safest".length()),
                    "\"safest\" is an absolute claim")),
            70));
    findings.record(itemId, 2, 1, new PrecheckResult(List.of(), 100)); // another version's run
    String instance = start(3, 1);
    Task medical = task(instance, "Task_MedicalReview");

    JsonNode review = okJson(http.get("mark", reviewPath(medical)));

    assertThat(review.path("itemId").asText()).isEqualTo(itemId);
    assertThat(review.path("version").asInt()).isEqualTo(3);
    assertThat(review.path("round").asInt()).isEqualTo(1);
    assertThat(review.path("taskDefinitionKey").asText()).isEqualTo("Task_MedicalReview");
    assertThat(review.path("reviewGroup").asText()).isEqualTo("mlr-medical");
    assertThat(review.path("content").path("channel").asText()).isEqualTo("email");
    assertThat(review.path("content").path("status").asText()).isEqualTo("IN_REVIEW");
    // the base: the last approved version, not the replaced one nor this one
    assertThat(review.path("against").path("version").asInt()).isEqualTo(2);
    assertThat(review.path("against").path("kind").asText()).isEqualTo("APPROVED");
    // the latest run of this version, the text around each span
    JsonNode precheck = review.path("precheck");
    assertThat(precheck.path("score").asInt()).isEqualTo(70);
    assertThat(precheck.path("blocked").asBoolean()).isTrue();
    assertThat(precheck.path("findings").findValuesAsText("rule"))
        .containsExactly("email-unsubscribe-missing", "prohibited-phrase");
    JsonNode phrase = precheck.path("findings").get(1);
    assertThat(phrase.path("severity").asText()).isEqualTo("MAJOR");
    assertThat(phrase.path("moduleId").asText()).isEqualTo("efficacy");
    assertThat(phrase.path("start").asInt()).isEqualTo(safest);
    assertThat(phrase.path("excerpt").asText()).isEqualTo("safest");
    assertThat(phrase.path("before").asText() + "safest" + phrase.path("after").asText())
        .isEqualTo(text);
    assertThat(precheck.path("findings").get(0).path("start").isNull()).isTrue();
    // the diff: in order, the deleted footnote after the module it followed
    JsonNode modules = review.path("diff").path("modules");
    assertThat(modules.findValuesAsText("moduleId"))
        .containsExactly("headline", "efficacy", "footnote", "isi", "dosing");
    assertThat(modules.findValuesAsText("change"))
        .containsExactly("UNCHANGED", "CHANGED", "DELETED", "UNCHANGED", "INSERTED");
    assertThat(modules.get(0).path("reviewRequired").asBoolean()).isFalse();
    assertThat(modules.get(1).path("words").toString())
        .contains(
            "{\"kind\":\"DELETED\",\"text\":\"50%\"},{\"kind\":\"INSERTED\",\"text\":\"40%\"}");
    assertThat(modules.get(4).path("reuse").path("status").asText()).isEqualTo("CHANGED");
    assertThat(review.path("diff").path("toReview").asInt()).isEqualTo(3);
    assertThat(review.path("preApprovedTexts").path("lib-dosing").asText())
        .isEqualTo("Take one tablet daily.");
    assertThat(review.path("moduleTypes").path("isi").asText()).isEqualTo("ISI");
    // a candidate who has not claimed the task reads it but may not comment yet
    assertThat(review.path("mayComment").asBoolean()).isFalse();
    assertThat(review.path("comments").isEmpty()).isTrue();
    // QA, who oversees every open task, reads it too, and comments on none
    assertThat(okJson(http.get("quinn", reviewPath(medical))).path("mayComment").asBoolean())
        .isFalse();
  }

  @Test
  void withoutAnApprovedVersionTheBaseIsThePreviousVersionAndAFirstVersionHasNone() {
    contents.put(version(1, approvedModules()), ContentStatus.SUPERSEDED);
    contents.put(version(2, revisedModules()), ContentStatus.IN_REVIEW);
    JsonNode second = okJson(http.get("mark", reviewPath(task(start(2, 2), "Task_MedicalReview"))));

    assertThat(second.path("against").path("version").asInt()).isEqualTo(1);
    assertThat(second.path("against").path("kind").asText()).isEqualTo("PREVIOUS");
    assertThat(second.path("diff").path("firstVersion").asBoolean()).isFalse();
    assertThat(second.path("diff").path("modules").findValuesAsText("change"))
        .containsExactly("UNCHANGED", "CHANGED", "DELETED", "UNCHANGED", "INSERTED");
    assertThat(second.path("precheck").isNull()).isTrue();

    String first = "MLR-IT-" + UUID.randomUUID().toString().substring(0, 8);
    contents.put(version(first, 1, approvedModules()), ContentStatus.IN_REVIEW);
    JsonNode firstReview =
        okJson(http.get("lena", reviewPath(task(start(first, 1, 1), "Task_LegalReview"))));

    assertThat(firstReview.path("against").isNull()).isTrue();
    assertThat(firstReview.path("diff").path("firstVersion").asBoolean()).isTrue();
    assertThat(firstReview.path("diff").path("modules").findValuesAsText("change"))
        .containsOnly("NEW");
  }

  @Test
  void aVersionApprovedItselfIsComparedWithWhatWasApprovedBeforeIt() {
    // e.g. the periodic review renews version 2: the base is not version 2 itself
    contents.put(version(1, approvedModules()), ContentStatus.REPLACED);
    contents.put(version(2, revisedModules()), ContentStatus.APPROVED);
    JsonNode renewal =
        okJson(http.get("mark", reviewPath(task(start(2, 1), "Task_MedicalReview"))));

    assertThat(renewal.path("against").path("version").asInt()).isEqualTo(1);
    assertThat(renewal.path("against").path("kind").asText()).isEqualTo("APPROVED");
    assertThat(renewal.path("diff").path("modules").findValuesAsText("change"))
        .containsExactly("UNCHANGED", "CHANGED", "DELETED", "UNCHANGED", "INSERTED");

    String other = "MLR-IT-" + UUID.randomUUID().toString().substring(0, 8);
    contents.put(version(other, 1, approvedModules()), ContentStatus.SUPERSEDED);
    contents.put(version(other, 2, revisedModules()), ContentStatus.APPROVED);
    JsonNode firstApproved =
        okJson(http.get("mark", reviewPath(task(start(other, 2, 1), "Task_MedicalReview"))));

    assertThat(firstApproved.path("against").path("version").asInt()).isEqualTo(1);
    assertThat(firstApproved.path("against").path("kind").asText()).isEqualTo("PREVIOUS");
  }

  @Test
  void theAuthorRevisingSeesTheCommentsOfTheRoundBefore() {
    contents.put(version(1, approvedModules()), ContentStatus.IN_REVIEW);
    String instance = start(1, 2);
    comments.add(comment(1, "efficacy", true, "Cite the study for 50%."));
    comments.add(comment(1, "headline", false, "Consider a shorter headline."));
    comments.add(comment(2, "isi", true, "A comment of this round."));
    Task revise = task(instance, "Task_Revise");
    taskService.setAssignee(revise.getId(), "alice");

    JsonNode review = okJson(http.get("alice", reviewPath(revise)));

    assertThat(review.path("round").asInt()).isEqualTo(2);
    assertThat(review.path("previousRoundComments").findValuesAsText("text"))
        .containsExactly("Cite the study for 50%.", "Consider a shorter headline.");
    assertThat(review.path("previousRoundComments").get(0).path("mandatory").asBoolean()).isTrue();
    assertThat(review.path("comments").findValuesAsText("text"))
        .containsExactly("A comment of this round.");
    assertThat(review.path("reviewGroup").isNull()).isTrue();
    assertThat(review.path("mayComment").asBoolean()).isFalse();

    // a reviewer's task shows no previous round
    JsonNode medical = okJson(http.get("mark", reviewPath(task(instance, "Task_MedicalReview"))));
    assertThat(medical.path("previousRoundComments").isEmpty()).isTrue();
  }

  @Test
  void aTaskTheCallerMayNotSeeIsNotFoundAndATaskOfAnotherProcessAConflict() {
    contents.put(version(1, approvedModules()), ContentStatus.IN_REVIEW);
    String instance = start(1, 1);

    ResponseEntity<String> otherGroup =
        http.get("lena", reviewPath(task(instance, "Task_MedicalReview")));
    assertProblem(otherGroup, HttpStatus.NOT_FOUND, "task-not-found");
    assertThat(otherGroup.getBody()).doesNotContain("Exception").doesNotContain("io.gxpflow");
    assertProblem(
        http.get("mark", "/api/mlr/tasks/no-such-task/review"),
        HttpStatus.NOT_FOUND,
        "task-not-found");
    assertThat(http.get("paul", reviewPath(task(instance, "Task_MedicalReview"))).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            http.anonymous()
                .getForEntity(reviewPath(task(instance, "Task_MedicalReview")), String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    deployments.add(ComplianceFixture.deploy(repositoryService));
    String deviation =
        runtimeService
            .startProcessInstanceByKey(
                "deviation-capa", "DEV-REVIEW-" + UUID.randomUUID().toString().substring(0, 8))
            .getId();
    Task assessment = taskService.createTaskQuery().processInstanceId(deviation).singleResult();
    assertProblem(
        http.get("ivan", reviewPath(assessment)), HttpStatus.CONFLICT, "not-an-mlr-review-task");
    assertProblem(
        http.post("ivan", commentsPath(assessment), commentJson("efficacy", true, "x")),
        HttpStatus.CONFLICT,
        "not-an-mlr-review-task");
  }

  @Test
  void aTaskWhoseVersionIsNotStoredIsAConflict() {
    String instance = start(7, 1); // no version 7 in the store

    assertProblem(
        http.get("mark", reviewPath(task(instance, "Task_MedicalReview"))),
        HttpStatus.CONFLICT,
        "version-not-found");

    // an instance without a version at all (started before its content was stored)
    String bare =
        runtimeService
            .startProcessInstanceByKey(
                "mlr-review", "MLR-IT-" + UUID.randomUUID().toString().substring(0, 8))
            .getId();
    Task medical = task(bare, "Task_MedicalReview");
    String reviewer = reviewer("mlr-medical");
    taskService.setAssignee(medical.getId(), reviewer);
    assertProblem(http.get("mark", reviewPath(medical)), HttpStatus.CONFLICT, "version-not-found");
    assertProblem(
        http.post(reviewer, commentsPath(medical), commentJson("efficacy", true, "x")),
        HttpStatus.CONFLICT,
        "version-not-found");
  }

  // --- POST: module comments

  @Test
  void theAssignedReviewerCommentsOnAModuleOfTheVersionOrOneItDeleted() {
    contents.put(version(1, approvedModules()), ContentStatus.APPROVED);
    contents.put(version(2, revisedModules()), ContentStatus.IN_REVIEW);
    String instance = start(2, 1);
    Task medical = task(instance, "Task_MedicalReview");
    String reviewer = reviewer("mlr-medical");
    taskService.setAssignee(medical.getId(), reviewer);

    assertThat(okJson(http.get(reviewer, reviewPath(medical))).path("mayComment").asBoolean())
        .isTrue();
    ResponseEntity<String> created =
        http.post(
            reviewer,
            commentsPath(medical),
            commentJson("efficacy", true, "  Cite the study behind 40%.  "));

    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode comment = json(created);
    assertThat(comment.path("id").asLong()).isPositive();
    assertThat(comment.path("itemId").asText()).isEqualTo(itemId);
    assertThat(comment.path("version").asInt()).isEqualTo(2);
    assertThat(comment.path("round").asInt()).isEqualTo(1);
    assertThat(comment.path("moduleId").asText()).isEqualTo("efficacy");
    assertThat(comment.path("mandatory").asBoolean()).isTrue();
    assertThat(comment.path("text").asText()).isEqualTo("Cite the study behind 40%.");
    assertThat(comment.path("author").asText()).isEqualTo(reviewer);
    assertThat(comment.path("reviewGroup").asText()).isEqualTo("mlr-medical");
    assertThat(comment.path("taskId").asText()).isEqualTo(medical.getId());
    assertThat(comment.path("createdAt").asText()).isNotBlank();

    // the footnote was deleted since the approved version: what was removed may be commented too
    assertThat(
            http.post(
                    reviewer,
                    commentsPath(medical),
                    commentJson("footnote", false, "Keep the footnote."))
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    JsonNode review = okJson(http.get("mark", reviewPath(medical)));
    assertThat(review.path("comments").findValuesAsText("moduleId"))
        .containsExactly("efficacy", "footnote");
    assertThat(review.path("comments").get(1).path("mandatory").asBoolean()).isFalse();
    // another reviewer group's task is another group's comment
    Task legal = task(instance, "Task_LegalReview");
    String lawyer = reviewer("mlr-legal");
    taskService.setAssignee(legal.getId(), lawyer);
    assertThat(
            json(http.post(lawyer, commentsPath(legal), commentJson("isi", false, "Fine.")))
                .path("reviewGroup")
                .asText())
        .isEqualTo("mlr-legal");
  }

  @Test
  void badCommentsAreRefusedFieldByFieldAndStoreNothing() {
    contents.put(version(1, approvedModules()), ContentStatus.APPROVED);
    contents.put(version(2, revisedModules()), ContentStatus.IN_REVIEW);
    Task medical = task(start(2, 1), "Task_MedicalReview");
    String reviewer = reviewer("mlr-medical");
    taskService.setAssignee(medical.getId(), reviewer);
    String path = commentsPath(medical);

    assertInvalid(http.post(reviewer, path, commentJson("efficacy", true, "   ")), "text");
    assertInvalid(
        http.post(reviewer, path, commentJson("efficacy", true, "x".repeat(4001))), "text");
    assertInvalid(
        http.post(reviewer, path, "{\"moduleId\": \"efficacy\", \"text\": \"x\"}"), "mandatory");
    assertInvalid(http.post(reviewer, path, commentJson("", false, "x")), "moduleId");
    assertInvalid(
        http.post(
            reviewer,
            path,
            "{\"moduleId\": \"efficacy\", \"mandatory\": \"yes\", " + "\"text\": \"x\"}"),
        "mandatory");
    assertInvalid(http.post(reviewer, path, "not json"), "body");
    // a module the version does not have, nor deleted
    ResponseEntity<String> unknown = http.post(reviewer, path, commentJson("nope", true, "x"));
    assertInvalid(unknown, "moduleId");
    assertThat(json(unknown).path("detail").asText()).contains("nope").contains("version 2");
    // exactly 4000 characters is allowed
    assertThat(
            http.post(reviewer, path, commentJson("efficacy", false, "y".repeat(4000)))
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    assertThat(comments.of(itemId))
        .extracting(ModuleComment::text)
        .containsExactly("y".repeat(4000));
  }

  @Test
  void onlyTheAssigneeOfAReviewTaskComments() {
    contents.put(version(1, approvedModules()), ContentStatus.IN_REVIEW);
    String instance = start(1, 1);
    Task medical = task(instance, "Task_MedicalReview");
    String body = commentJson("efficacy", true, "x");

    // a candidate who has not claimed it
    ResponseEntity<String> unclaimed = http.post("mark", commentsPath(medical), body);
    assertProblem(unclaimed, HttpStatus.FORBIDDEN, "not-the-assignee");
    assertThat(json(unclaimed).path("detail").asText()).contains("claim it first");
    // a colleague of the group while another holds it
    String holder = reviewer("mlr-medical");
    taskService.setAssignee(medical.getId(), holder);
    assertProblem(
        http.post("mark", commentsPath(medical), body), HttpStatus.FORBIDDEN, "not-the-assignee");
    // another group does not even see the task
    assertProblem(
        http.post("lena", commentsPath(medical), body), HttpStatus.NOT_FOUND, "task-not-found");
    // the author's own task takes no comments
    Task revise = task(instance, "Task_Revise");
    taskService.setAssignee(revise.getId(), "alice");
    assertProblem(
        http.post("alice", commentsPath(revise), body), HttpStatus.CONFLICT, "not-a-review-step");

    assertThat(comments.of(itemId)).isEmpty();
  }

  @Test
  void tasklistCommentsWithTheWebappSessionAndItsCsrfToken() throws Exception {
    contents.put(version(1, approvedModules()), ContentStatus.IN_REVIEW);
    Task medical = task(start(1, 1), "Task_MedicalReview");
    String reviewer = reviewer("mlr-medical");
    taskService.setAssignee(medical.getId(), reviewer);
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login(reviewer, reviewer, "tasklist")).isEqualTo(200);
    String body = commentJson("headline", false, "From Tasklist.");

    // the session cookie alone (a cross-site request) is not enough
    assertThat(tasklist.sendJson("POST", commentsPath(medical), body, false).statusCode())
        .isEqualTo(401);
    assertThat(comments.of(itemId)).isEmpty();

    HttpResponse<String> view = tasklist.sendJson("GET", reviewPath(medical), null, true);
    assertThat(view.statusCode()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(view.body()).path("mayComment").asBoolean()).isTrue();
    HttpResponse<String> created = tasklist.sendJson("POST", commentsPath(medical), body, true);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(comments.of(itemId)).extracting(ModuleComment::author).containsExactly(reviewer);
  }

  @Test
  void tasklistLoadsTheReviewPlugin() {
    assertThat(rest.getForObject("/camunda/app/tasklist/scripts/config.js", String.class))
        .contains("'scripts/gxp-review/plugin'");
    assertThat(
            rest.getForObject("/camunda/app/tasklist/scripts/gxp-review/plugin.js", String.class))
        .contains("pluginPoint: 'tasklist.task.detail'")
        .contains("/review")
        .contains("/comments")
        .doesNotContain("innerHTML =");
  }

  // --- the fixture

  private String start(int version, int round) {
    return start(itemId, version, round);
  }

  private String start(String item, int version, int round) {
    return runtimeService
        .startProcessInstanceByKey(
            "mlr-review",
            item,
            Map.of(
                MlrVariables.CONTENT_ID.name(), item,
                MlrVariables.CONTENT_VERSION.name(), version,
                MlrVariables.REVIEW_ROUND.name(), round))
        .getId();
  }

  private Task task(String processInstanceId, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .taskDefinitionKey(key)
        .singleResult();
  }

  /** A reviewer of the test's own (password = id): no deputy, no lock shared with other tests. */
  private String reviewer(String group) {
    String id = "reviewer-" + UUID.randomUUID().toString().substring(0, 8);
    return ProbeUsers.create(identityService, id, id, group);
  }

  private ContentVersion version(int version, List<ContentModule> modules) {
    return version(itemId, version, modules);
  }

  private static ContentVersion version(String item, int version, List<ContentModule> modules) {
    return new ContentVersion(
        item,
        version,
        "Relief email",
        "Painfree",
        Set.of("US"),
        Channel.EMAIL,
        Audience.HCP,
        modules);
  }

  private static List<ContentModule> approvedModules() {
    return List.of(
        body("headline", "Relief in 30 minutes."),
        body("efficacy", "Reduces pain by 50% in adults."),
        body("footnote", "Data on file."),
        ContentModule.of(
            "isi", ModuleType.ISI, "Important safety information: do not take with alcohol."));
  }

  private static List<ContentModule> revisedModules() {
    return List.of(
        body("headline", "Relief in 30 minutes."),
        body("efficacy", "Reduces pain by 40% in adults, the safest choice for 👍🏽 relief."),
        ContentModule.of(
            "isi", ModuleType.ISI, "Important safety information: do not take with alcohol."),
        new ContentModule(
            "dosing",
            ModuleType.BODY,
            "Take one tablet twice a day.",
            List.of(),
            "lib-dosing",
            "Take one tablet daily."));
  }

  private ModuleComment comment(int round, String moduleId, boolean mandatory, String text) {
    return new ModuleComment(
        0,
        itemId,
        1,
        round,
        moduleId,
        mandatory,
        text,
        "mark",
        "mlr-medical",
        "task-of-round-" + round,
        Instant.now());
  }

  private static String reviewPath(Task task) {
    return "/api/mlr/tasks/" + task.getId() + "/review";
  }

  private static String commentsPath(Task task) {
    return "/api/mlr/tasks/" + task.getId() + "/comments";
  }

  private static String commentJson(String moduleId, boolean mandatory, String text) {
    try {
      return new ObjectMapper()
          .writeValueAsString(Map.of("moduleId", moduleId, "mandatory", mandatory, "text", text));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode okJson(ResponseEntity<String> response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return json(response);
  }

  private static void assertProblem(
      ResponseEntity<String> response, HttpStatus status, String reason) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    JsonNode problem = json(response);
    assertThat(problem.path("type").asText()).isEqualTo("urn:gxpflow:problem:mlr-review-task");
    assertThat(problem.path("reason").asText()).isEqualTo(reason);
    assertThat(problem.path("detail").asText()).isNotBlank();
  }

  private static void assertInvalid(ResponseEntity<String> response, String field) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode problem = json(response);
    assertThat(problem.path("type").asText()).isEqualTo("urn:gxpflow:problem:invalid-request");
    assertThat(problem.path("errors").findValuesAsText("field")).containsExactly(field);
  }
}
