package io.gxpflow.mlr.review;

import static io.gxpflow.mlr.review.MlrVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.gxpflow.compliance.InvalidTaskInput;
import io.gxpflow.compliance.tasks.UserTaskRules;
import io.gxpflow.integration.crm.CrmPort;
import io.gxpflow.integration.crm.CrmPort.ContentPublication;
import io.gxpflow.mlr.content.ApprovedProduct;
import io.gxpflow.mlr.content.ApprovedProducts;
import io.gxpflow.mlr.content.Audience;
import io.gxpflow.mlr.content.Channel;
import io.gxpflow.mlr.content.ClaimReference;
import io.gxpflow.mlr.content.ClaimUse;
import io.gxpflow.mlr.content.ClaimsLibrary;
import io.gxpflow.mlr.content.ClaimsRepository;
import io.gxpflow.mlr.content.ContentDraft;
import io.gxpflow.mlr.content.ContentRefused;
import io.gxpflow.mlr.content.ContentStatus;
import io.gxpflow.mlr.content.ContentVersion;
import io.gxpflow.mlr.content.LibraryClaim;
import io.gxpflow.mlr.content.ModuleComment;
import io.gxpflow.mlr.content.ModuleDraft;
import io.gxpflow.mlr.content.ModuleType;
import io.gxpflow.mlr.precheck.FindingsRepository;
import io.gxpflow.mlr.precheck.PrecheckResult;
import io.gxpflow.mlr.precheck.PrecheckRuleId;
import io.gxpflow.support.ProcessTestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * Every path of bpmn/mlr-review.bpmn on a plain in-memory engine with the real delegates, the real
 * pre-check and the routing tables as shipped; the content store in memory, the CRM, the findings
 * store and the markup parser mocked. The coverage extension fails the class unless every flow node
 * and sequence flow was passed.
 */
@Deployment(
    resources = {
      "bpmn/mlr-review.bpmn",
      "bpmn/mlr-routing.dmn",
      "bpmn/mlr-precheck-phrases.dmn",
      "bpmn/mlr-fair-balance.dmn",
      "bpmn/mlr-precheck-weights.dmn"
    })
class MlrReviewProcessTest {

  static final String ISI_TEXT =
      "Important Safety Information: Cardiozen is contraindicated in patients with active liver"
          + " disease. Myalgia and raised transaminases were reported.";
  static final String LDL = "Cardiozen lowered LDL cholesterol by 48% at 12 weeks.";
  static final String DOSING = "One tablet twice daily, with or without food.";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(configuration())
          .assertClassCoverageAtLeast(1.0)
          .build();

  final InMemoryContent content = new InMemoryContent(Map.of("PM-ISI-7", ISI_TEXT));
  final List<ModuleComment> comments = new ArrayList<>();
  final FindingsRepository findings = mock(FindingsRepository.class);
  final ContentParser parser = mock(ContentParser.class);
  final CrmPort crm = mock(CrmPort.class);

  static ProcessEngineConfiguration configuration() {
    return ProcessTestEngine.configuration("mlr-review-process-test");
  }

  @BeforeEach
  void wire() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(at("2026-12-01T08:00:00Z"));
    when(parser.modules("clean detail aid")).thenReturn(detailAid());
    when(parser.modules("clean email")).thenReturn(email());
    when(parser.modules("guaranteed")).thenReturn(blocked());
    when(parser.modules("two modules named alike"))
        .thenThrow(new ContentRefused(List.of(new ContentRefused.Problem("line 4", "repeated"))));
    when(parser.text(any()))
        .thenAnswer(a -> "text of v" + ((ContentVersion) a.getArgument(0)).version());
    MlrReviewEngineFixture.registerBeans(
        content,
        parser,
        findings,
        MlrReviewEngineFixture.answeringCrm(crm),
        MlrReviewEngineFixture.commentsIn(comments));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  // ---- paths ------------------------------------------------------------------------------------

  @Test
  void aCleanUsEmailIsReviewedByAllThreeSignedReleasedPublishedAndRetiredAtItsPeriodicReview() {
    ProcessInstance item = submitted(email(), "US");
    assertThat(item).hasBusinessKey("MLR-2026-0042").isWaitingAt("Task_Precheck");
    runJobs(item);

    // no finding: to the coordinator, with the facts of the version
    assertThat(item)
        .isWaitingAt("Task_Triage")
        .variables()
        .containsEntry(PRECHECK_SCORE.name(), 100)
        .containsEntry(PRECHECK_BLOCKED.name(), false)
        .containsEntry(FINDINGS_SUMMARY.name(), "No findings.")
        .containsEntry(CONTENT_HASH.name(), "sha256-MLR-2026-0042-v1")
        .containsEntry(MARKETS.name(), List.of("US"))
        .containsEntry(MODULE_COUNT.name(), 4)
        .containsEntry(REUSED_UNCHANGED.name(), 1)
        .containsEntry(MODULES_TO_REVIEW.name(), 3);
    ArgumentCaptor<PrecheckResult> run = ArgumentCaptor.forClass(PrecheckResult.class);
    verify(findings).record(eq("MLR-2026-0042"), eq(1), eq(1), run.capture());
    assertThat(run.getValue().findings()).isEmpty();

    complete(item, "Task_Triage", Map.of(EXPEDITED.name(), false));
    // email: legal; US: regulatory (FDA 2253); medical always; 5 working days
    assertThat(item)
        .variables()
        .containsEntry(REVIEWS_REQUIRED.name(), List.of("medical", "legal", "regulatory"))
        .containsEntry(REVIEW_SLA_DAYS.name(), 5)
        .containsEntry(REVIEW_DUE_AT.name(), at("2026-12-09T00:00:00Z"))
        .containsEntry(EXPIRY_DATE.name(), "2028-12-01");
    assertThat(task(item, "Task_MedicalReview").getDueDate()).isEqualTo(at("2026-12-09T00:00:00Z"));
    assertThat(taskService().getIdentityLinksForTask(task(item, "Task_LegalReview").getId()))
        .extracting(link -> link.getGroupId())
        .contains("mlr-legal");

    review(item, "Task_MedicalReview", "approve");
    review(item, "Task_LegalReview", "approve-with-changes");
    review(item, "Task_RegulatoryReview", "approve");
    assertThat(item)
        .isWaitingAt("Task_Approve")
        .variables()
        .containsEntry(REVISION_NEEDED.name(), false)
        .containsEntry(MEDICAL_DECISION.name(), "approve")
        .containsEntry(LEGAL_DECISION.name(), "approve-with-changes");
    // the per-task decision stays on the task: no shared variable for parallel reviewers
    assertThat(runtimeService().getVariables(item.getId())).doesNotContainKey("reviewDecision");

    complete(item, "Task_Approve", Map.of());
    complete(item, "Task_Release", Map.of(EXPIRY_DATE.name(), "2028-06-30"));
    assertThat(content.status("MLR-2026-0042", 1)).isEqualTo(ContentStatus.APPROVED);
    assertThat(item)
        .variables()
        .containsEntry(APPROVAL_CODE.name(), "MLR-2026-0042-V1")
        .containsEntry(PERIODIC_REVIEW_AT.name(), at("2028-05-31T00:00:00Z"))
        .containsEntry(EXPIRES_AT.name(), at("2028-07-01T00:00:00Z"));
    runJobs(item);
    verify(crm)
        .publishContent(
            eq(
                new ContentPublication(
                    "MLR-2026-0042",
                    1,
                    "Cardiozen HCP email",
                    List.of("email"),
                    List.of("US"),
                    LocalDate.of(2028, 6, 30))),
            anyString());
    assertThat(item)
        .isWaitingAt("Gateway_Distributed")
        .variables()
        .containsEntry(PUBLISHED.name(), true);
    assertThat(timer(item, "Timer_PeriodicReviewDue").getDuedate())
        .isEqualTo(at("2028-05-31T00:00:00Z"));

    runTimer(item, "Timer_PeriodicReviewDue");
    assertThat(task(item, "Task_PeriodicReview").getDueDate())
        .isEqualTo(at("2028-07-01T00:00:00Z"));
    complete(
        item,
        "Task_PeriodicReview",
        Map.of(
            PERIODIC_REVIEW_DECISION.name(), "retire", WITHDRAWAL_REASON.name(), "Campaign over"));
    runJobs(item);

    verify(crm).withdrawContent(eq("MLR-2026-0042"), eq("Campaign over"), anyString());
    assertThat(content.status("MLR-2026-0042", 1)).isEqualTo(ContentStatus.WITHDRAWN);
    assertThat(item).isEnded().hasPassed("EndEvent_Retired");
  }

  @Test
  void blockingFindingsGoBackToTheAuthorWhoseRevisionIsStoredAsTheNextVersion() {
    // from the Tasklist start form: the text is stored by the intake, the item gets its id
    ProcessInstance item = startFromForm("guaranteed", "rep-detail", "DE");
    assertThat(item.getBusinessKey()).isEqualTo("MLR-2026-0042");
    assertThat(content.find("MLR-2026-0042", 1).orElseThrow().submittedBy()).isEqualTo("alice");
    runJobs(item);

    assertThat(item)
        .isWaitingAt("Task_Revise")
        .variables()
        .containsEntry(PRECHECK_BLOCKED.name(), true)
        .containsEntry(BLOCKING_FINDINGS.name(), 1)
        .containsEntry(CONTENT_TEXT.name(), "text of v1");
    assertThat(FINDINGS_SUMMARY.from(runtimeService().getVariables(item.getId())))
        .contains("**BLOCKING** · module headline")
        .contains("guaranteed");
    ArgumentCaptor<PrecheckResult> run = ArgumentCaptor.forClass(PrecheckResult.class);
    verify(findings).record(eq("MLR-2026-0042"), eq(1), eq(1), run.capture());
    assertThat(run.getValue().findings())
        .extracting(f -> f.rule())
        .containsExactly(PrecheckRuleId.PROHIBITED_PHRASE);

    complete(item, "Task_Revise", Map.of(CONTENT_TEXT.name(), "clean detail aid"));
    assertThat(content.status("MLR-2026-0042", 1)).isEqualTo(ContentStatus.SUPERSEDED);
    assertThat(item)
        .variables()
        .containsEntry(CONTENT_VERSION.name(), 2)
        .containsEntry(REVIEW_ROUND.name(), 1);
    runJobs(item);
    assertThat(item)
        .isWaitingAt("Task_Triage")
        .variables()
        .containsEntry(PRECHECK_SCORE.name(), 100);
    verify(findings).record(eq("MLR-2026-0042"), eq(2), eq(1), any());
  }

  @Test
  void aPhraseAProcessOwnerAddsInModelerAppliesToTheNextPrecheckWithoutARelease() throws Exception {
    String shipped = Files.readString(Path.of("bpmn", "mlr-precheck-phrases.dmn"));
    String changed =
        shipped.replace(
            "      <rule id=\"Rule_mlr_precheck_phrases_1\">",
            "      <rule id=\"Rule_owner_added\">\n"
                + "        <inputEntry id=\"In_owner_added\"><text>-</text></inputEntry>\n"
                + "        <outputEntry id=\"Out_owner_added_0\"><text>\"lowered\"</text></outputEntry>\n"
                + "        <outputEntry id=\"Out_owner_added_1\"><text>\"BLOCKING\"</text></outputEntry>\n"
                + "        <outputEntry id=\"Out_owner_added_2\"><text>\"say reduced\"</text></outputEntry>\n"
                + "      </rule>\n"
                + "      <rule id=\"Rule_mlr_precheck_phrases_1\">");
    assertThat(changed).isNotEqualTo(shipped);
    ProcessInstance before = submitted(detailAid(), "DE");
    runJobs(before);
    assertThat(before).isWaitingAt("Task_Triage");

    // deployed as Modeler deploys it: the next pre-check reads the new version
    var deployment =
        repositoryService()
            .createDeployment()
            .addString("mlr-precheck-phrases.dmn", changed)
            .deploy();
    try {
      runtimeService().deleteProcessInstance(before.getId(), "test");
      ProcessInstance after = submitted(detailAid(), "DE");
      runJobs(after);
      assertThat(after)
          .isWaitingAt("Task_Revise")
          .variables()
          .containsEntry(PRECHECK_BLOCKED.name(), true);
      assertThat(FINDINGS_SUMMARY.from(runtimeService().getVariables(after.getId())))
          .contains("say reduced");
    } finally {
      repositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void contentTheStoreRefusesIsABadFormInputAndStartsNothing() {
    assertThatThrownBy(() -> startFromForm("two modules named alike", "email", "DE"))
        .isInstanceOf(InvalidTaskInput.class)
        .hasMessageContaining("\"Content\"")
        .hasMessageContaining("line 4: repeated");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    assertThat(content.versions).isEmpty();
  }

  @Test
  void aStartNamingAVersionMayOnlyReviewTheStartersOwnLatestVersionUnderItsItemId() {
    ProcessInstance first = submitted(detailAid(), "DE");
    Map<String, Object> again =
        Map.of(CONTENT_ID.name(), "MLR-2026-0042", CONTENT_VERSION.name(), 1);
    // someone else's content
    assertThatThrownBy(
            () ->
                as(
                    "mallory",
                    () ->
                        runtimeService()
                            .startProcessInstanceByMessage(
                                CONTENT_SUBMITTED, "MLR-2026-0042", again)))
        .isInstanceOf(InvalidTaskInput.class)
        .hasMessageContaining("submitted by someone else");
    // under another business key, so the running review would not stop it
    assertThatThrownBy(
            () ->
                as(
                    "alice",
                    () ->
                        runtimeService()
                            .startProcessInstanceByMessage(CONTENT_SUBMITTED, "OTHER", again)))
        .isInstanceOf(InvalidTaskInput.class)
        .hasMessageContaining("item id as business key");
    // an old version
    content.submit(
        "MLR-2026-0042",
        content.find("MLR-2026-0042", 1).map(v -> draftOf(v.content())).orElseThrow(),
        "alice");
    assertThatThrownBy(
            () ->
                as(
                    "alice",
                    () ->
                        runtimeService()
                            .startProcessInstanceByMessage(
                                CONTENT_SUBMITTED, "MLR-2026-0042", again)))
        .isInstanceOf(InvalidTaskInput.class)
        .hasMessageContaining("not the latest stored version");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isEqualTo(1);
    assertThat(first.getBusinessKey()).isEqualTo("MLR-2026-0042");
  }

  static ContentDraft draftOf(ContentVersion version, List<ModuleDraft> modules) {
    return new ContentDraft(
        version.title(),
        version.product(),
        version.markets(),
        version.channel(),
        version.audience(),
        modules);
  }

  static ContentDraft draftOf(ContentVersion version) {
    return new ContentDraft(
        version.title(),
        version.product(),
        version.markets(),
        version.channel(),
        version.audience(),
        detailAid());
  }

  @Test
  void aRejectionSendsTheContentBackForARoundAndOnlyTheReviewsTheTableRequiresAreAsked() {
    ProcessInstance item = submitted(detailAid(), "DE");
    runJobs(item);
    complete(item, "Task_Triage", Map.of(EXPEDITED.name(), true));
    // an HCP detail aid outside the US scoring 100: medical only, expedited to 2 working days
    assertThat(item)
        .variables()
        .containsEntry(REVIEWS_REQUIRED.name(), List.of("medical"))
        .containsEntry(REVIEW_DUE_AT.name(), at("2026-12-04T00:00:00Z"));
    assertThat(openTask(item, "Task_LegalReview")).isNull();
    assertThat(openTask(item, "Task_RegulatoryReview")).isNull();

    review(item, "Task_MedicalReview", "reject", "The LDL claim needs the study population");
    assertThat(item)
        .isWaitingAt("Task_Consolidate")
        .hasPassed("Gateway_LegalDone", "Gateway_RegulatoryDone");
    assertThat(REVIEW_FEEDBACK.from(runtimeService().getVariables(item.getId())))
        .contains("Rejected by the medical review.");

    complete(item, "Task_Consolidate", Map.of(CONSOLIDATED_FEEDBACK.name(), "Add the population"));
    assertThat(item).isWaitingAt("Task_Revise").variables().containsEntry(REVIEW_ROUND.name(), 2);
    complete(item, "Task_Revise", Map.of(CONTENT_TEXT.name(), "clean detail aid"));
    runJobs(item);
    verify(findings).record(eq("MLR-2026-0042"), eq(2), eq(2), any());
    complete(item, "Task_Triage", Map.of(EXPEDITED.name(), false));
    review(item, "Task_MedicalReview", "approve");
    assertThat(item).isWaitingAt("Task_Approve");
  }

  @Test
  void mandatoryCommentsForThreeRoundsLeadToTheCoordinatorWhoCancelsWithAReason() {
    ProcessInstance item = submitted(detailAid(), "DE");
    for (int round = 1; round <= 3; round++) {
      runJobs(item);
      complete(item, "Task_Triage", Map.of(EXPEDITED.name(), false));
      comment(round, "headline", true, "Say which patients");
      comment(round, "dosing", false, "Consider a table");
      // approved, yet a mandatory comment sends it back
      review(item, "Task_MedicalReview", "approve-with-changes");
      assertThat(item).variables().containsEntry(MANDATORY_COMMENTS.name(), 1);
      assertThat(REVIEW_FEEDBACK.from(runtimeService().getVariables(item.getId())))
          .contains("**headline** (mlr-medical, mark): Say which patients")
          .doesNotContain("Consider a table");
      complete(item, "Task_Consolidate", Map.of(CONSOLIDATED_FEEDBACK.name(), "Name the patients"));
      if (round < 3) {
        complete(item, "Task_Revise", Map.of(CONTENT_TEXT.name(), "clean detail aid"));
      }
    }
    assertThat(item)
        .isWaitingAt("Task_RoundLimit")
        .variables()
        .containsEntry(REVIEW_ROUND.name(), 3);

    complete(
        item,
        "Task_RoundLimit",
        Map.of(
            ROUND_LIMIT_DECISION.name(),
            "cancel",
            ROUND_LIMIT_REASON.name(),
            "Product team withdrew the piece"));

    assertThat(item).isEnded().hasPassed("EndEvent_Cancelled");
    assertThat(content.status("MLR-2026-0042", 3)).isEqualTo(ContentStatus.CANCELLED);
    assertThat(content.statusChanges).last().asString().endsWith("Product team withdrew the piece");
  }

  @Test
  void afterThreeRoundsTheCoordinatorMayAllowAFourth() {
    ProcessInstance item = submitted(detailAid(), "DE");
    for (int round = 1; round <= 3; round++) {
      runJobs(item);
      complete(item, "Task_Triage", Map.of(EXPEDITED.name(), false));
      review(item, "Task_MedicalReview", "reject", "Not yet");
      complete(item, "Task_Consolidate", Map.of(CONSOLIDATED_FEEDBACK.name(), "Rework"));
      if (round < 3) {
        complete(item, "Task_Revise", Map.of(CONTENT_TEXT.name(), "clean detail aid"));
      }
    }
    complete(
        item,
        "Task_RoundLimit",
        Map.of(ROUND_LIMIT_DECISION.name(), "continue", ROUND_LIMIT_REASON.name(), "Almost there"));
    assertThat(item).isWaitingAt("Task_Revise").variables().containsEntry(REVIEW_ROUND.name(), 4);
  }

  @Test
  void anOverdueReviewIsChasedByTheCoordinatorAndTheChaseEndsWithTheReviews() {
    ProcessInstance item = submitted(email(), "US");
    runJobs(item);
    complete(item, "Task_Triage", Map.of(EXPEDITED.name(), false));
    assertThat(timer(item, "StartEvent_ReviewOverdue").getDuedate())
        .isEqualTo(at("2026-12-09T00:00:00Z"));

    runTimer(item, "StartEvent_ReviewOverdue");
    Task chase = task(item, "Task_ChaseReview");
    assertThat(taskService().getIdentityLinksForTask(chase.getId()))
        .extracting(link -> link.getGroupId())
        .containsExactly("mlr-coordinators");
    complete(item, "Task_ChaseReview", Map.of("chaseNote", "Reminded Lena"));
    assertThat(item).hasPassed("EndEvent_Chased");

    // a second chase left open is not left behind when the reviews are done
    ClockUtil.setCurrentTime(at("2026-12-10T08:00:00Z"));
    review(item, "Task_MedicalReview", "approve");
    review(item, "Task_LegalReview", "approve");
    review(item, "Task_RegulatoryReview", "approve");
    assertThat(item).isWaitingAt("Task_Approve");
    assertThat(openTask(item, "Task_ChaseReview")).isNull();
  }

  @Test
  void contentNotRenewedByItsExpiryDateExpiresAndIsWithdrawn() {
    ProcessInstance item = approvedAndPublished();
    runTimer(item, "Timer_PeriodicReviewDue");
    runTimer(item, "Boundary_Expired");
    runJobs(item);

    verify(crm).withdrawContent(eq("MLR-2026-0042"), eq("Expired on 2028-06-30"), anyString());
    assertThat(content.status("MLR-2026-0042", 1)).isEqualTo(ContentStatus.WITHDRAWN);
    assertThat(item).isEnded().hasPassed("Boundary_Expired", "EndEvent_Retired");
    assertThat(content.statusChanges).last().asString().endsWith("Expired on 2028-06-30");
  }

  @Test
  void aRenewalIsANewReviewCycleThatReviewsOnlyWhatChangedSinceTheApprovedVersion() {
    ProcessInstance item = approvedAndPublished();
    runTimer(item, "Timer_PeriodicReviewDue");
    complete(item, "Task_PeriodicReview", Map.of(PERIODIC_REVIEW_DECISION.name(), "renew"));
    assertThat(item).isWaitingAt("Task_Revise").variables().containsEntry(REVIEW_ROUND.name(), 1);

    complete(item, "Task_Revise", Map.of(CONTENT_TEXT.name(), "clean detail aid"));
    runJobs(item);
    // the same text as the approved version: nothing to review, the ISI reused unchanged
    assertThat(item)
        .isWaitingAt("Task_Triage")
        .variables()
        .containsEntry(CONTENT_VERSION.name(), 2)
        .containsEntry(MODULES_TO_REVIEW.name(), 0)
        .containsEntry(REUSED_UNCHANGED.name(), 1);
    // the approved version stays in distribution meanwhile
    assertThat(content.status("MLR-2026-0042", 1)).isEqualTo(ContentStatus.APPROVED);
    verify(crm, never()).withdrawContent(any(), any(), any());
  }

  @Test
  void aNewVersionOfApprovedContentIsReviewedAgainstTheApprovedOneWhileThatStaysInDistribution() {
    ProcessInstance item = approvedAndPublished();
    List<ModuleDraft> changed = new ArrayList<>(detailAid());
    String headline = LDL + " In adults with primary hypercholesterolaemia.";
    changed.set(
        0,
        new ModuleDraft(
            "headline", ModuleType.BODY, headline, List.of(new ClaimUse("CLM-001", LDL)), null));
    content.submit(
        "MLR-2026-0042",
        draftOf(content.find("MLR-2026-0042", 1).orElseThrow().content(), changed),
        "alice");
    runtimeService()
        .createMessageCorrelation(NEW_VERSION_SUBMITTED)
        .processInstanceBusinessKey("MLR-2026-0042")
        .setVariable(CONTENT_VERSION.name(), 2)
        .correlate();
    runJobs(item);

    assertThat(item)
        .isWaitingAt("Task_Triage")
        .hasPassed("Event_NewVersionSubmitted")
        .variables()
        .containsEntry(CONTENT_VERSION.name(), 2)
        .containsEntry(REVIEW_ROUND.name(), 1)
        .containsEntry(MODULES_TO_REVIEW.name(), 1)
        .containsEntry(CONTENT_HASH.name(), "sha256-MLR-2026-0042-v2");
    assertThat(content.status("MLR-2026-0042", 1)).isEqualTo(ContentStatus.APPROVED);
    assertThat(timer(item, "Timer_PeriodicReviewDue")).isNull();

    // withdrawn meanwhile: the approved version leaves the CRM, the one in review is cancelled
    withdraw("Claim CLM-001 withdrawn");
    runJobs(item);
    assertThat(content.status("MLR-2026-0042", 1)).isEqualTo(ContentStatus.WITHDRAWN);
    assertThat(content.status("MLR-2026-0042", 2)).isEqualTo(ContentStatus.CANCELLED);
    assertThat(item).isEnded().hasPassed("Task_WithdrawPublished");
  }

  @Test
  void withdrawingPublishedContentPullsItFromTheCrm() {
    ProcessInstance item = approvedAndPublished();
    withdraw("Claim CLM-001 withdrawn from the library");
    runJobs(item);

    verify(crm)
        .withdrawContent(
            eq("MLR-2026-0042"), eq("Claim CLM-001 withdrawn from the library"), anyString());
    assertThat(content.status("MLR-2026-0042", 1)).isEqualTo(ContentStatus.WITHDRAWN);
    assertThat(item).isEnded().hasPassed("Task_WithdrawPublished", "EndEvent_Withdrawn");
  }

  @Test
  void withdrawingContentUnderReviewCancelsTheReviewWithoutCallingTheCrm() {
    ProcessInstance item = submitted(detailAid(), "DE");
    runJobs(item);
    complete(item, "Task_Triage", Map.of(EXPEDITED.name(), false));
    withdraw("Brand retired");

    assertThat(item)
        .isEnded()
        .hasPassed("EndEvent_Withdrawn")
        .hasNotPassed("Task_WithdrawPublished");
    verify(crm, never()).withdrawContent(any(), any(), any());
    assertThat(content.status("MLR-2026-0042", 1)).isEqualTo(ContentStatus.CANCELLED);
  }

  @Test
  void anExpiryDateTooSoonIsRefusedAndReleasesNothing() {
    ProcessInstance item = submitted(detailAid(), "DE");
    runJobs(item);
    complete(item, "Task_Triage", Map.of(EXPEDITED.name(), false));
    review(item, "Task_MedicalReview", "approve");
    complete(item, "Task_Approve", Map.of());

    for (String expiry : List.of("2026-12-15", "next year")) {
      assertThatThrownBy(() -> complete(item, "Task_Release", Map.of(EXPIRY_DATE.name(), expiry)))
          // the engine wraps a task listener's exception; the REST layers find the refusal inside
          .hasRootCauseInstanceOf(InvalidTaskInput.class)
          .rootCause()
          .hasMessageContaining("\"Expiry date\"");
    }
    assertThat(item).isWaitingAt("Task_Release");
    assertThat(content.status("MLR-2026-0042", 1)).isEqualTo(ContentStatus.IN_REVIEW);
  }

  @Test
  void theApprovalIsASignatureTheAuthorMayNotGive() {
    UserTask approve =
        repositoryService()
            .getBpmnModelInstance(
                repositoryService()
                    .createProcessDefinitionQuery()
                    .processDefinitionKey("mlr-review")
                    .singleResult()
                    .getId())
            .getModelElementById("Task_Approve");
    UserTaskRules rules = UserTaskRules.of(approve);
    assertThat(rules.signatureMeaning()).isEqualTo("Approved for distribution");
    assertThat(rules.notSameAs()).containsExactly("initiator", "Task_Revise");
    assertThat(approve.getCamundaCandidateGroups()).isEqualTo("mlr-medical");
  }

  // ---- fixtures ---------------------------------------------------------------------------------

  ProcessInstance approvedAndPublished() {
    ProcessInstance item = submitted(detailAid(), "DE");
    runJobs(item);
    complete(item, "Task_Triage", Map.of(EXPEDITED.name(), false));
    review(item, "Task_MedicalReview", "approve");
    complete(item, "Task_Approve", Map.of());
    complete(item, "Task_Release", Map.of(EXPIRY_DATE.name(), "2028-06-30"));
    runJobs(item);
    assertThat(item).isWaitingAt("Gateway_Distributed");
    return item;
  }

  /** Stored first, then started, as POST /api/mlr/submissions does. */
  ProcessInstance submitted(List<ModuleDraft> modules, String market) {
    String channel = modules.size() == 4 ? "email" : "rep-detail";
    var stored =
        content.submit(
            null,
            new ContentDraft(
                channel.equals("email") ? "Cardiozen HCP email" : "Cardiozen detail aid",
                "Cardiozen",
                Set.of(market),
                Channel.ofCode(channel),
                Audience.HCP,
                modules),
            "alice");
    Map<String, Object> start = new HashMap<>();
    start.put(CONTENT_ID.name(), stored.content().itemId());
    start.put(CONTENT_VERSION.name(), 1);
    return as(
        "alice",
        () ->
            runtimeService()
                .startProcessInstanceByMessage(
                    CONTENT_SUBMITTED, stored.content().itemId(), start));
  }

  static <T> T as(String userId, Supplier<T> work) {
    identityService().setAuthenticatedUserId(userId);
    try {
      return work.get();
    } finally {
      identityService().clearAuthentication();
    }
  }

  static ProcessInstance startFromForm(String text, String channel, String market) {
    return as(
        "alice",
        () ->
            runtimeService()
                .startProcessInstanceByKey("mlr-review", formStart(text, channel, market)));
  }

  static Map<String, Object> formStart(String text, String channel, String market) {
    Map<String, Object> start = new HashMap<>();
    start.put(CONTENT_TITLE.name(), "Cardiozen detail aid");
    start.put(PRODUCT.name(), "Cardiozen");
    // as Tasklist sends a checklist: a JSON variable
    start.put(MARKETS.name(), SpinValues.jsonValue("[\"" + market + "\"]").create());
    start.put(CHANNEL.name(), channel);
    start.put(AUDIENCE.name(), "HCP");
    start.put(CONTENT_TEXT.name(), text);
    return start;
  }

  static List<ModuleDraft> detailAid() {
    return List.of(
        new ModuleDraft(
            "headline", ModuleType.BODY, LDL, List.of(new ClaimUse("CLM-001", LDL)), null),
        new ModuleDraft(
            "dosing", ModuleType.BODY, DOSING, List.of(new ClaimUse("CLM-002", DOSING)), null),
        new ModuleDraft("isi", ModuleType.ISI, ISI_TEXT, List.of(), "PM-ISI-7"));
  }

  static List<ModuleDraft> email() {
    List<ModuleDraft> modules = new ArrayList<>(detailAid());
    modules.add(
        new ModuleDraft(
            "footer",
            ModuleType.BODY,
            "[Unsubscribe](https://cardiozen.example/unsubscribe)",
            List.of(),
            null));
    return modules;
  }

  static List<ModuleDraft> blocked() {
    String text = "Cardiozen is guaranteed to lower LDL cholesterol.";
    return List.of(
        new ModuleDraft("headline", ModuleType.BODY, text, List.of(), null),
        new ModuleDraft("isi", ModuleType.ISI, ISI_TEXT, List.of(), "PM-ISI-7"));
  }

  static ClaimsRepository claims() {
    ClaimsLibrary library =
        ClaimsLibrary.of(
            List.of(
                new LibraryClaim(
                    "CLM-001",
                    LDL,
                    List.of(),
                    List.of(
                        new ClaimReference(
                            "Miller et al. NEJM 2025", "Table 2", LocalDate.of(2028, 6, 30))),
                    Set.of("US", "DE"),
                    "Cardiozen"),
                new LibraryClaim(
                    "CLM-002",
                    DOSING,
                    List.of(),
                    List.of(new ClaimReference("Cardiozen SmPC", "4.2", null)),
                    Set.of("US", "DE"),
                    "Cardiozen")));
    ApprovedProducts products =
        ApprovedProducts.of(
            new ApprovedProduct("Cardiozen", "cardiozenib", List.of("250 mg"), List.of("750 mg")));
    return new ClaimsRepository() {
      @Override
      public ClaimsLibrary library() {
        return library;
      }

      @Override
      public ApprovedProducts products() {
        return products;
      }

      @Override
      public Map<String, String> preApprovedTexts(Collection<String> moduleIds) {
        return Map.of("PM-ISI-7", ISI_TEXT);
      }
    };
  }

  void comment(int round, String moduleId, boolean mandatory, String text) {
    comments.add(
        new ModuleComment(
            comments.size() + 1,
            "MLR-2026-0042",
            round,
            round,
            moduleId,
            mandatory,
            text,
            "mark",
            "mlr-medical",
            null,
            Instant.now()));
  }

  void withdraw(String reason) {
    runtimeService()
        .createMessageCorrelation("ContentWithdrawn")
        .processInstanceBusinessKey("MLR-2026-0042")
        .setVariable(WITHDRAWAL_REASON.name(), reason)
        .correlate();
  }

  static void review(ProcessInstance item, String taskKey, String decision) {
    complete(item, taskKey, Map.of("reviewDecision", decision));
  }

  static void review(ProcessInstance item, String taskKey, String decision, String comment) {
    complete(item, taskKey, Map.of("reviewDecision", decision, "reviewComment", comment));
  }

  static Task task(ProcessInstance item, String taskKey) {
    Task task = openTask(item, taskKey);
    assertThat(task).as("task %s", taskKey).isNotNull();
    return task;
  }

  static Task openTask(ProcessInstance item, String taskKey) {
    return taskService()
        .createTaskQuery()
        .processInstanceId(item.getId())
        .taskDefinitionKey(taskKey)
        .singleResult();
  }

  static void complete(ProcessInstance item, String taskKey, Map<String, Object> variables) {
    taskService().complete(task(item, taskKey).getId(), variables);
  }

  static Job timer(ProcessInstance item, String activityId) {
    return managementService()
        .createJobQuery()
        .processInstanceId(item.getId())
        .activityId(activityId)
        .timers()
        .singleResult();
  }

  static void runTimer(ProcessInstance item, String activityId) {
    managementService().executeJob(timer(item, activityId).getId());
  }

  /** Runs the instance's due jobs until none is left, as the job executor would. */
  static void runJobs(ProcessInstance item) {
    List<Job> due;
    while (!(due =
            managementService()
                .createJobQuery()
                .processInstanceId(item.getId())
                .executable()
                .list())
        .isEmpty()) {
      due.forEach(job -> managementService().executeJob(job.getId()));
    }
  }

  static Date at(String instant) {
    return Date.from(Instant.parse(instant));
  }
}
