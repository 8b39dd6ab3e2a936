package io.gxpflow.mlr.api;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.compliance.ComplianceFixture;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.mlr.content.Audience;
import io.gxpflow.mlr.content.Channel;
import io.gxpflow.mlr.content.ContentDraft;
import io.gxpflow.mlr.content.ContentMarkup;
import io.gxpflow.mlr.content.ModuleComment;
import io.gxpflow.mlr.content.ModuleDraft;
import io.gxpflow.mlr.content.ModuleType;
import io.gxpflow.mlr.review.MlrVariables;
import io.gxpflow.mlr.store.JdbcCommentRepository;
import io.gxpflow.mlr.store.JdbcContentRepository;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.ProbeUsers;
import io.gxpflow.support.RestClientForUsers;
import io.gxpflow.support.WebappSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The Review tab's API: {@code GET /api/mlr/tasks/{taskId}/review} and {@code POST
 * /api/mlr/tasks/{taskId}/comments}, on the real {@code mlr-review} model and the JDBC content
 * stores. Instances get to their review tasks the real way: alice submits through {@code POST
 * /api/mlr/submissions}, the job executor runs the pre-check, carl completes the triage (not
 * expedited) and the routing table opens the reviews (an email: medical and legal; a detail aid
 * outside the US: medical only). Earlier versions an item needs (an approved one, a superseded one)
 * are put in the store with {@link JdbcContentRepository} first.
 */
@IntegrationTest
class ReviewApiIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PM_DOSING = "PM-AMX-DOSING";
  static final String PM_DOSING_TEXT = "Adults: 500 mg three times daily, usually for 5 days.";
  static final String SAFEST =
      "Reduces symptoms by 40% in adults, the safest choice for 👍🏽 relief.";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired JdbcContentRepository content;
  @Autowired JdbcCommentRepository comments;
  @Autowired AuditTrail auditTrail;
  RestClientForUsers http;
  final List<Deployment> deployments = new ArrayList<>();

  @BeforeEach
  void client() {
    http = new RestClientForUsers(rest);
  }

  @AfterEach
  void undeploy() {
    deployments.forEach(deployment -> Fixtures.undeploy(repositoryService, deployment));
  }

  // --- GET: what the tab shows

  @Test
  void aReviewerSeesTheFindingsAndWhatChangedSinceTheLastApprovedVersion() {
    String itemId = stored(approvedModules());
    approve(itemId, 1);
    stored(itemId, approvedModules());
    approve(itemId, 2); // version 1 is REPLACED now
    String instance = reviewing(itemId, revisedModules());
    Task medical = task(instance, "Task_MedicalReview");

    JsonNode review = okJson(http.get("mark", reviewPath(medical)));

    assertThat(review.path("itemId").asText()).isEqualTo(itemId);
    assertThat(review.path("version").asInt()).isEqualTo(3);
    assertThat(review.path("round").asInt()).isEqualTo(1);
    assertThat(review.path("taskDefinitionKey").asText()).isEqualTo("Task_MedicalReview");
    assertThat(review.path("reviewGroup").asText()).isEqualTo("mlr-medical");
    assertThat(review.path("content").path("channel").asText()).isEqualTo("email");
    assertThat(review.path("content").path("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(review.path("content").path("contentHash").asText())
        .isEqualTo(content.find(itemId, 3).orElseThrow().contentHash());
    // the base: the last approved version, not the replaced one nor this one
    assertThat(review.path("against").path("version").asInt()).isEqualTo(2);
    assertThat(review.path("against").path("kind").asText()).isEqualTo("APPROVED");
    // the pre-check's run of this version, the text around each span: "safest" is a superlative
    // (MAJOR outside the US), not enough to block the review
    int safest = SAFEST.indexOf("safest");
    JsonNode precheck = review.path("precheck");
    assertThat(precheck.path("score").asInt()).isEqualTo(90);
    assertThat(precheck.path("blocked").asBoolean()).isFalse();
    assertThat(precheck.path("round").asInt()).isEqualTo(1);
    assertThat(precheck.path("findings").findValuesAsText("rule"))
        .containsExactly("prohibited-phrase");
    JsonNode phrase = precheck.path("findings").get(0);
    assertThat(phrase.path("severity").asText()).isEqualTo("MAJOR");
    assertThat(phrase.path("moduleId").asText()).isEqualTo("efficacy");
    assertThat(phrase.path("start").asInt()).isEqualTo(safest);
    assertThat(phrase.path("excerpt").asText()).isEqualTo("safest");
    assertThat(phrase.path("before").asText() + "safest" + phrase.path("after").asText())
        .isEqualTo(SAFEST);
    // the diff: in order, the deleted footnote after the module it followed
    JsonNode modules = review.path("diff").path("modules");
    assertThat(modules.findValuesAsText("moduleId"))
        .containsExactly("headline", "efficacy", "footnote", "isi", "dosing", "footer");
    assertThat(modules.findValuesAsText("change"))
        .containsExactly("UNCHANGED", "CHANGED", "DELETED", "UNCHANGED", "INSERTED", "UNCHANGED");
    assertThat(modules.get(0).path("reviewRequired").asBoolean()).isFalse();
    assertThat(modules.get(1).path("words").toString())
        .contains(
            "{\"kind\":\"DELETED\",\"text\":\"50%\"},{\"kind\":\"INSERTED\",\"text\":\"40%\"}");
    // the dosing module is the pre-approved one, word for word: approved already
    assertThat(modules.get(4).path("reuse").path("status").asText()).isEqualTo("UNCHANGED");
    assertThat(modules.get(4).path("reviewRequired").asBoolean()).isFalse();
    assertThat(review.path("diff").path("toReview").asInt()).isEqualTo(2);
    assertThat(review.path("preApprovedTexts").path(PM_DOSING).asText()).isEqualTo(PM_DOSING_TEXT);
    assertThat(review.path("moduleTypes").path("isi").asText()).isEqualTo("ISI");
    // a candidate who has not claimed the task reads it but may not comment yet
    assertThat(review.path("mayComment").asBoolean()).isFalse();
    assertThat(review.path("comments").isEmpty()).isTrue();
    // QA, who oversees every open task, reads it too, and comments on none
    assertThat(okJson(http.get("quinn", reviewPath(medical))).path("mayComment").asBoolean())
        .isFalse();
  }

  @Test
  void theAuthorOfABlockedVersionSeesTheBlockingFindingsAndTheEditedPreApprovedModule() {
    // no unsubscribe link in an email, and the pre-approved dosing text edited: both block
    List<ModuleDraft> modules = new ArrayList<>(revisedModules());
    modules.removeIf(module -> module.id().equals("footer"));
    modules.replaceAll(
        module ->
            module.id().equals("dosing")
                ? new ModuleDraft(
                    "dosing", ModuleType.BODY, "Take one tablet twice a day.", List.of(), PM_DOSING)
                : module);
    String instance = submitted(null, modules);
    Task revise = awaitTask(instance, "Task_Revise");
    taskService.setAssignee(revise.getId(), "alice");

    JsonNode review = okJson(http.get("alice", reviewPath(revise)));

    assertThat(review.path("taskDefinitionKey").asText()).isEqualTo("Task_Revise");
    JsonNode precheck = review.path("precheck");
    assertThat(precheck.path("blocked").asBoolean()).isTrue();
    assertThat(precheck.path("score").asInt()).isLessThan(90);
    assertThat(precheck.path("findings").findValuesAsText("rule"))
        .contains("email-unsubscribe-missing", "pre-approved-module-changed", "prohibited-phrase");
    JsonNode unsubscribe = finding(precheck, "email-unsubscribe-missing");
    assertThat(unsubscribe.path("severity").asText()).isEqualTo("BLOCKING");
    // a finding about the whole item has no span
    assertThat(unsubscribe.path("moduleId").isNull()).isTrue();
    assertThat(unsubscribe.path("start").isNull()).isTrue();
    assertThat(unsubscribe.path("excerpt").isNull()).isTrue();
    // a first version: every module new, the edited pre-approved text shown as such
    assertThat(review.path("against").isNull()).isTrue();
    JsonNode dosing = module(review, "dosing");
    assertThat(dosing.path("change").asText()).isEqualTo("NEW");
    assertThat(dosing.path("reuse").path("status").asText()).isEqualTo("CHANGED");
    assertThat(dosing.path("reviewRequired").asBoolean()).isTrue();
    assertThat(review.path("preApprovedTexts").path(PM_DOSING).asText()).isEqualTo(PM_DOSING_TEXT);
    // the author's own task: no review group, no comments
    assertThat(review.path("reviewGroup").isNull()).isTrue();
    assertThat(review.path("mayComment").asBoolean()).isFalse();
    assertThat(review.path("previousRoundComments").isEmpty()).isTrue();
  }

  @Test
  void withoutAnApprovedVersionTheBaseIsThePreviousVersionAndAFirstVersionHasNone() {
    String itemId = stored(approvedModules());
    String instance = reviewing(itemId, revisedModules()); // version 1 is SUPERSEDED now
    JsonNode second = okJson(http.get("mark", reviewPath(task(instance, "Task_MedicalReview"))));

    assertThat(content.find(itemId, 1).orElseThrow().status().name()).isEqualTo("SUPERSEDED");
    assertThat(second.path("against").path("version").asInt()).isEqualTo(1);
    assertThat(second.path("against").path("kind").asText()).isEqualTo("PREVIOUS");
    assertThat(second.path("diff").path("firstVersion").asBoolean()).isFalse();
    assertThat(second.path("diff").path("modules").findValuesAsText("change"))
        .containsExactly("UNCHANGED", "CHANGED", "DELETED", "UNCHANGED", "INSERTED", "UNCHANGED");

    String first = reviewing(null, approvedModules());
    JsonNode firstReview = okJson(http.get("lena", reviewPath(task(first, "Task_LegalReview"))));

    assertThat(firstReview.path("version").asInt()).isEqualTo(1);
    assertThat(firstReview.path("reviewGroup").asText()).isEqualTo("mlr-legal");
    assertThat(firstReview.path("against").isNull()).isTrue();
    assertThat(firstReview.path("diff").path("firstVersion").asBoolean()).isTrue();
    assertThat(firstReview.path("diff").path("modules").findValuesAsText("change"))
        .containsOnly("NEW");
    // a clean version: its run has no findings
    assertThat(firstReview.path("precheck").path("score").asInt()).isEqualTo(100);
    assertThat(firstReview.path("precheck").path("findings").isEmpty()).isTrue();
  }

  @Test
  void aVersionApprovedItselfIsComparedWithWhatWasApprovedBeforeIt() {
    // e.g. looked at after its approval: the base is not the version itself
    String itemId = stored(approvedModules());
    approve(itemId, 1);
    String instance = reviewing(itemId, revisedModules());
    approve(itemId, 2); // version 1 is REPLACED now
    JsonNode renewal = okJson(http.get("mark", reviewPath(task(instance, "Task_MedicalReview"))));

    assertThat(renewal.path("content").path("status").asText()).isEqualTo("APPROVED");
    assertThat(renewal.path("against").path("version").asInt()).isEqualTo(1);
    assertThat(renewal.path("against").path("kind").asText()).isEqualTo("APPROVED");
    assertThat(renewal.path("diff").path("modules").findValuesAsText("change"))
        .containsExactly("UNCHANGED", "CHANGED", "DELETED", "UNCHANGED", "INSERTED", "UNCHANGED");

    String other = stored(approvedModules());
    String otherInstance = reviewing(other, revisedModules()); // version 1 SUPERSEDED
    approve(other, 2);
    JsonNode firstApproved =
        okJson(http.get("mark", reviewPath(task(otherInstance, "Task_MedicalReview"))));

    assertThat(firstApproved.path("against").path("version").asInt()).isEqualTo(1);
    assertThat(firstApproved.path("against").path("kind").asText()).isEqualTo("PREVIOUS");
  }

  @Test
  void theAuthorRevisingSeesTheCommentsOfTheRoundBefore() {
    // a detail aid outside the US scoring 100: the medical review only
    String instance = reviewing(null, Channel.REP_DETAIL, approvedModules());
    String itemId = itemOf(instance);
    Task medical = task(instance, "Task_MedicalReview");
    String reviewer = reviewer("mlr-medical");
    taskService.setAssignee(medical.getId(), reviewer);
    created(
        http.post(
            reviewer,
            commentsPath(medical),
            commentJson("efficacy", true, "Cite the study for 50%.")));
    created(
        http.post(
            reviewer,
            commentsPath(medical),
            commentJson("headline", false, "Consider a shorter headline.")));
    // approved with changes, yet the mandatory comment sends it back to the author for round 2
    complete(reviewer, medical, Map.of("reviewDecision", "approve-with-changes"));
    complete(
        "carl",
        task(instance, "Task_Consolidate"),
        Map.of(MlrVariables.CONSOLIDATED_FEEDBACK.name(), "Cite the study."));
    Task revise = task(instance, "Task_Revise");
    taskService.setAssignee(revise.getId(), "alice");

    JsonNode review = okJson(http.get("alice", reviewPath(revise)));

    assertThat(review.path("round").asInt()).isEqualTo(2);
    assertThat(review.path("previousRoundComments").findValuesAsText("text"))
        .containsExactly("Cite the study for 50%.", "Consider a shorter headline.");
    assertThat(review.path("previousRoundComments").get(0).path("mandatory").asBoolean()).isTrue();
    assertThat(review.path("previousRoundComments").get(0).path("author").asText())
        .isEqualTo(reviewer);
    // round 2 has no comment yet: round 1's are not listed as this round's
    assertThat(review.path("comments").isEmpty()).isTrue();
    assertThat(review.path("reviewGroup").isNull()).isTrue();
    assertThat(review.path("mayComment").asBoolean()).isFalse();

    // the revision is version 2, pre-checked and triaged again; its reviewer sees no previous
    // round, only this round's comments, and the run of version 2
    List<ModuleDraft> revised = new ArrayList<>(approvedModules());
    revised.set(1, body("efficacy", "Reduces symptoms by 40% in adults (study AMX-7)."));
    complete(
        "alice", revise, Map.of(MlrVariables.CONTENT_TEXT.name(), ContentMarkup.render(revised)));
    completeTriage(instance);
    Task second = awaitTask(instance, "Task_MedicalReview");
    String secondReviewer = reviewer("mlr-medical");
    taskService.setAssignee(second.getId(), secondReviewer);
    created(
        http.post(
            secondReviewer,
            commentsPath(second),
            commentJson("isi", true, "A comment of this round.")));

    JsonNode medicalRound2 = okJson(http.get("mark", reviewPath(second)));
    assertThat(medicalRound2.path("version").asInt()).isEqualTo(2);
    assertThat(medicalRound2.path("round").asInt()).isEqualTo(2);
    assertThat(medicalRound2.path("previousRoundComments").isEmpty()).isTrue();
    assertThat(medicalRound2.path("comments").findValuesAsText("text"))
        .containsExactly("A comment of this round.");
    assertThat(medicalRound2.path("precheck").path("round").asInt()).isEqualTo(2);
    assertThat(medicalRound2.path("against").path("kind").asText()).isEqualTo("PREVIOUS");
    assertThat(content.find(itemId, 2).orElseThrow().submittedBy()).isEqualTo("alice");
  }

  @Test
  void aTaskTheCallerMayNotSeeIsNotFoundAndATaskOfAnotherProcessAConflict() {
    String instance = reviewing(null, approvedModules());

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
    // the model never names a version it did not store: an instance whose variables were changed
    // behind its back stands in for it
    String instance = reviewing(null, approvedModules());
    Task medical = task(instance, "Task_MedicalReview");
    runtimeService.setVariable(instance, MlrVariables.CONTENT_VERSION.name(), 7);

    assertProblem(http.get("mark", reviewPath(medical)), HttpStatus.CONFLICT, "version-not-found");

    // an instance without a version at all
    runtimeService.removeVariable(instance, MlrVariables.CONTENT_VERSION.name());
    String reviewer = reviewer("mlr-medical");
    taskService.setAssignee(medical.getId(), reviewer);
    assertProblem(http.get("mark", reviewPath(medical)), HttpStatus.CONFLICT, "version-not-found");
    assertProblem(
        http.post(reviewer, commentsPath(medical), commentJson("efficacy", true, "x")),
        HttpStatus.CONFLICT,
        "version-not-found");
    assertThat(comments.ofRound(itemOf(instance), 1)).isEmpty();
  }

  // --- POST: module comments

  @Test
  void theAssignedReviewerCommentsOnAModuleOfTheVersionOrOneItDeleted() {
    String itemId = stored(approvedModules());
    approve(itemId, 1);
    String instance = reviewing(itemId, revisedModules());
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
    // audited as the reviewer, on the item, with what was said
    List<StoredAuditEvent> audited = commentsAudited(itemId);
    assertThat(audited).hasSize(1);
    assertThat(audited.get(0).actor()).isEqualTo(reviewer);
    assertThat(audited.get(0).details())
        .containsEntry("moduleId", "efficacy")
        .containsEntry("mandatory", true)
        .containsEntry("text", "Cite the study behind 40%.")
        .containsEntry("reviewGroup", "mlr-medical");

    // the footnote was deleted since the approved version: what was removed may be commented too
    ResponseEntity<String> onDeleted =
        http.post(
            reviewer, commentsPath(medical), commentJson("footnote", false, "Keep the footnote."));
    assertThat(onDeleted.getStatusCode()).as(onDeleted.getBody()).isEqualTo(HttpStatus.CREATED);

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
    assertThat(commentsAudited(itemId))
        .extracting(StoredAuditEvent::actor)
        .containsExactly(reviewer, reviewer, lawyer);
  }

  @Test
  void badCommentsAreRefusedFieldByFieldAndStoreNothing() {
    String itemId = stored(approvedModules());
    approve(itemId, 1);
    Task medical = task(reviewing(itemId, revisedModules()), "Task_MedicalReview");
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
    assertThat(comments.ofRound(itemId, 1)).isEmpty();
    assertThat(commentsAudited(itemId)).isEmpty();
    // exactly 4000 characters is allowed
    assertThat(
            http.post(reviewer, path, commentJson("efficacy", false, "y".repeat(4000)))
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    assertThat(comments.ofRound(itemId, 1))
        .extracting(ModuleComment::text)
        .containsExactly("y".repeat(4000));
    assertThat(commentsAudited(itemId)).hasSize(1);
  }

  @Test
  void onlyTheAssigneeOfAReviewTaskComments() {
    String instance = reviewing(null, approvedModules());
    String itemId = itemOf(instance);
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
    assertThat(comments.ofRound(itemId, 1)).isEmpty();

    // the author's own task takes no comments (a blocking finding sent this one back)
    String blocked = submitted(null, List.of(body("headline", "Guaranteed relief.")));
    Task revise = awaitTask(blocked, "Task_Revise");
    taskService.setAssignee(revise.getId(), "alice");
    assertProblem(
        http.post("alice", commentsPath(revise), commentJson("headline", true, "x")),
        HttpStatus.CONFLICT,
        "not-a-review-step");

    assertThat(comments.ofRound(itemOf(blocked), 1)).isEmpty();
    assertThat(commentsAudited(itemId)).isEmpty();
  }

  @Test
  void tasklistCommentsWithTheWebappSessionAndItsCsrfToken() throws Exception {
    String instance = reviewing(null, approvedModules());
    String itemId = itemOf(instance);
    Task medical = task(instance, "Task_MedicalReview");
    String reviewer = reviewer("mlr-medical");
    taskService.setAssignee(medical.getId(), reviewer);
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login(reviewer, reviewer, "tasklist")).isEqualTo(200);
    String body = commentJson("headline", false, "From Tasklist.");

    // the session cookie alone (a cross-site request) is not enough
    assertThat(tasklist.sendJson("POST", commentsPath(medical), body, false).statusCode())
        .isEqualTo(401);
    assertThat(comments.ofRound(itemId, 1)).isEmpty();

    HttpResponse<String> view = tasklist.sendJson("GET", reviewPath(medical), null, true);
    assertThat(view.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(view.body()).path("mayComment").asBoolean()).isTrue();
    HttpResponse<String> created = tasklist.sendJson("POST", commentsPath(medical), body, true);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(comments.ofRound(itemId, 1))
        .extracting(ModuleComment::author)
        .containsExactly(reviewer);
    assertThat(commentsAudited(itemId))
        .extracting(StoredAuditEvent::actor)
        .containsExactly(reviewer);
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

  // --- getting an item to its review tasks, the real way

  /** A version alice submitted before, put straight into the store (no review of its own). */
  private String stored(List<ModuleDraft> modules) {
    return stored(null, modules);
  }

  private String stored(String itemId, List<ModuleDraft> modules) {
    return content.submit(itemId, draft(Channel.EMAIL, modules), "alice").content().itemId();
  }

  private void approve(String itemId, int version) {
    content.markApproved(itemId, version, itemId + "-V" + version, LocalDate.now().plusYears(2));
  }

  /** An email for GB: reviewed by medical and legal. */
  private String reviewing(String itemId, List<ModuleDraft> modules) {
    return reviewing(itemId, Channel.EMAIL, modules);
  }

  /**
   * alice submits the version through the API, the job executor pre-checks it, carl triages it (not
   * expedited): the instance waits in its review tasks.
   */
  private String reviewing(String itemId, Channel channel, List<ModuleDraft> modules) {
    String instance = submitted(itemId, channel, modules);
    completeTriage(instance);
    awaitTask(instance, "Task_MedicalReview");
    return instance;
  }

  private void completeTriage(String instance) {
    complete("carl", awaitTask(instance, "Task_Triage"), Map.of("expedited", false));
  }

  private String submitted(String itemId, List<ModuleDraft> modules) {
    return submitted(itemId, Channel.EMAIL, modules);
  }

  /** POST /api/mlr/submissions as alice; the process instance it started. */
  private String submitted(String itemId, Channel channel, List<ModuleDraft> modules) {
    Map<String, Object> submission = new LinkedHashMap<>();
    if (itemId != null) {
      submission.put("itemId", itemId);
    }
    submission.put("title", "Amoxicillin relief");
    submission.put("product", "Amoxicillin");
    submission.put("markets", List.of("GB"));
    submission.put("channel", channel.code());
    submission.put("audience", "HCP");
    List<Map<String, Object>> moduleJson = new ArrayList<>();
    for (ModuleDraft module : modules) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", module.id());
      m.put("type", module.type().name());
      m.put("text", module.text());
      if (module.preApprovedModuleId() != null) {
        m.put("preApprovedModuleId", module.preApprovedModuleId());
      }
      moduleJson.add(m);
    }
    submission.put("modules", moduleJson);
    ResponseEntity<String> created = http.post("alice", "/api/mlr/submissions", write(submission));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return json(created).path("processInstanceId").asText();
  }

  /** Claims the task for {@code user} and completes it through the engine's REST API. */
  private void complete(String user, Task task, Map<String, Object> variables) {
    ResponseEntity<String> claimed =
        http.post(
            user, "/engine-rest/task/" + task.getId() + "/claim", write(Map.of("userId", user)));
    assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    Map<String, Object> values = new LinkedHashMap<>();
    variables.forEach((name, value) -> values.put(name, Map.of("value", value)));
    ResponseEntity<String> completed =
        http.post(
            user,
            "/engine-rest/task/" + task.getId() + "/complete",
            write(Map.of("variables", values)));
    assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  /** Waits until the instance has the open task (the job executor runs the pre-check). */
  private Task awaitTask(String instance, String key) {
    try {
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
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          key
              + " not reached; active: "
              + runtimeService.getActiveActivityIds(instance)
              + ", jobs: "
              + managementService.createJobQuery().processInstanceId(instance).list().stream()
                  .map(job -> job.getRetries() + " " + job.getExceptionMessage())
                  .toList(),
          e);
    }
  }

  private Task task(String processInstanceId, String key) {
    Task task =
        taskService
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(key)
            .singleResult();
    assertThat(task)
        .as("open task %s; active: %s", key, runtimeService.getActiveActivityIds(processInstanceId))
        .isNotNull();
    return task;
  }

  private String itemOf(String instance) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceId(instance)
        .singleResult()
        .getBusinessKey();
  }

  /** A reviewer of the test's own (password = id): no deputy, no lock shared with other tests. */
  private String reviewer(String group) {
    String id = "reviewer-" + UUID.randomUUID().toString().substring(0, 8);
    return ProbeUsers.create(identityService, id, id, group);
  }

  private List<StoredAuditEvent> commentsAudited(String itemId) {
    return auditTrail.findByBusinessKey(itemId).stream()
        .filter(e -> e.type().equals(AuditEventTypes.MLR_MODULE_COMMENT_ADDED))
        .toList();
  }

  private static ContentDraft draft(Channel channel, List<ModuleDraft> modules) {
    return new ContentDraft(
        "Amoxicillin relief", "Amoxicillin", Set.of("GB"), channel, Audience.HCP, modules);
  }

  private static List<ModuleDraft> approvedModules() {
    return List.of(
        body("headline", "Relief in 30 minutes."),
        body("efficacy", "Reduces symptoms by 50% in adults."),
        body("footnote", "Data on file."),
        new ModuleDraft(
            "isi",
            ModuleType.ISI,
            "Important safety information: do not take if allergic to penicillins.",
            List.of(),
            null),
        footer());
  }

  private static List<ModuleDraft> revisedModules() {
    return List.of(
        body("headline", "Relief in 30 minutes."),
        body("efficacy", SAFEST),
        new ModuleDraft(
            "isi",
            ModuleType.ISI,
            "Important safety information: do not take if allergic to penicillins.",
            List.of(),
            null),
        new ModuleDraft("dosing", ModuleType.BODY, PM_DOSING_TEXT, List.of(), PM_DOSING),
        footer());
  }

  /** An email carries an unsubscribe link, or the pre-check blocks it. */
  private static ModuleDraft footer() {
    return body("footer", "[Unsubscribe](https://amoxicillin.example/unsubscribe)");
  }

  private static ModuleDraft body(String id, String text) {
    return new ModuleDraft(id, ModuleType.BODY, text, List.of(), null);
  }

  private static JsonNode finding(JsonNode precheck, String rule) {
    for (JsonNode finding : precheck.path("findings")) {
      if (finding.path("rule").asText().equals(rule)) {
        return finding;
      }
    }
    throw new AssertionError("no finding " + rule + " in " + precheck);
  }

  private static JsonNode module(JsonNode review, String moduleId) {
    for (JsonNode module : review.path("diff").path("modules")) {
      if (module.path("moduleId").asText().equals(moduleId)) {
        return module;
      }
    }
    throw new AssertionError("no module " + moduleId + " in " + review.path("diff"));
  }

  private static String reviewPath(Task task) {
    return "/api/mlr/tasks/" + task.getId() + "/review";
  }

  private static String commentsPath(Task task) {
    return "/api/mlr/tasks/" + task.getId() + "/comments";
  }

  private static String commentJson(String moduleId, boolean mandatory, String text) {
    return write(Map.of("moduleId", moduleId, "mandatory", mandatory, "text", text));
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void created(ResponseEntity<String> response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
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
