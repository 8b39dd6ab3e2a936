package io.gxpflow.mlr.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;

import io.gxpflow.compliance.RunAsSystem;
import io.gxpflow.mlr.kpi.MlrFacts.Review;
import io.gxpflow.mlr.kpi.MlrKpiReport.CycleTime;
import io.gxpflow.mlr.kpi.MlrKpiReport.FirstTimeRight;
import io.gxpflow.mlr.kpi.MlrKpiReport.Reuse;
import io.gxpflow.mlr.kpi.MlrKpiReport.ReviewGroup;
import io.gxpflow.mlr.review.MlrReviewEngineFixture;
import io.gxpflow.mlr.review.MlrReviewEngineFixture.Content;
import io.gxpflow.mlr.review.MlrVariables;
import io.gxpflow.support.ProcessTestEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The MLR KPIs as {@link MlrKpiService} reads them from a real engine's history of
 * bpmn/mlr-review.bpmn, with the model's real delegates, pre-check and routing ({@link
 * MlrReviewEngineFixture}, the wiring of {@code MlrReviewProcessTest}): items walked on the
 * engine's clock through a clean approval, a blocking pre-check, a second review round, an overdue
 * review and a renewal. The variables the KPIs read ({@code reviewRound}, {@code moduleCount},
 * {@code reusedUnchangedModules}, {@code reviewDueAt}) are the ones the model's delegates write;
 * every expected number is worked out in the comments. Day 0 is Monday 2026-11-02 08:00 UTC; a
 * review is due at the end of the fifth working day after the triage (the routing table, not
 * expedited).
 */
@Deployment(
    resources = {
      "bpmn/mlr-review.bpmn",
      "bpmn/mlr-routing.dmn",
      "bpmn/mlr-precheck-phrases.dmn",
      "bpmn/mlr-fair-balance.dmn",
      "bpmn/mlr-precheck-weights.dmn"
    })
class MlrKpiServiceTest {

  static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(ProcessTestEngine.configuration("mlr-kpi-test"))
          .build();

  RuntimeService runtime;
  TaskService tasks;
  ManagementService jobs;
  MlrReviewEngineFixture model;
  MlrKpiService service;

  @BeforeEach
  void wire() {
    ProcessEngine processEngine = engine.getProcessEngine();
    runtime = processEngine.getRuntimeService();
    tasks = processEngine.getTaskService();
    jobs = processEngine.getManagementService();
    model = MlrReviewEngineFixture.register(processEngine);
    // no Spring here: the transaction template runs the read on the engine's own transactions
    RunAsSystem asSystem = new RunAsSystem(processEngine, mock(PlatformTransactionManager.class));
    service =
        new MlrKpiService(processEngine, asSystem, Clock.fixed(T0.plus(days(40)), ZoneOffset.UTC));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void readsEveryApprovalWithTheValuesAtItsSignatureAndComputesTheKpis() {
    // A: a clean email (4 modules, the ISI reused), medical and legal, approved on day 4 in round
    // 1:
    // first time right
    String a = submitted(Content.EMAIL, 0);
    triage(a, 0);
    review(a, "Task_MedicalReview", 2, "approve");
    review(a, "Task_LegalReview", 3, "approve");
    complete(a, "Task_Approve", 4, Map.of());

    // B: the pre-check blocks it (revised on day 1); round 1 rejected on day 2, consolidated; the
    // round 2 version triaged on day 3 is due at the end of Thursday 11-12, its medical review done
    // on day 11 (overdue); approved on day 12. 3 modules, the ISI reused
    String b = submitted(Content.BLOCKED, 0);
    revise(b, 1, MlrReviewEngineFixture.detailAidText());
    triage(b, 1);
    review(b, "Task_MedicalReview", 2, "reject");
    complete(
        b, "Task_Consolidate", 2.5, Map.of(MlrVariables.CONSOLIDATED_FEEDBACK.name(), "Rework"));
    revise(b, 3, MlrReviewEngineFixture.detailAidText());
    triage(b, 3);
    review(b, "Task_MedicalReview", 11, "approve");
    complete(b, "Task_Approve", 12, Map.of());

    // C: a detail aid (3 modules, 1 reused), medical review only, approved on day 2, released,
    // published; renewed at the periodic review on day 30 (the renewal's own revision is no
    // return) with a footnote added (4 modules, 1 reused), approved again on day 34 in round 1
    String c = submitted(Content.DETAIL_AID, 0);
    triage(c, 0);
    review(c, "Task_MedicalReview", 1, "approve");
    complete(c, "Task_Approve", 2, Map.of());
    complete(c, "Task_Release", 2, Map.of(MlrVariables.EXPIRY_DATE.name(), "2027-01-31"));
    runJobs(c);
    runTimer(c, "Timer_PeriodicReviewDue");
    complete(
        c,
        "Task_PeriodicReview",
        30,
        Map.of(MlrVariables.PERIODIC_REVIEW_DECISION.name(), "renew"));
    revise(c, 31, MlrReviewEngineFixture.detailAidWithFootnoteText());
    triage(c, 31);
    review(c, "Task_MedicalReview", 33, "approve");
    complete(c, "Task_Approve", 34, Map.of());

    // D: in triage, never approved: no approval
    submitted(Content.DETAIL_AID, 0);

    // E: blocked in round 1, revised on day 1, approved on day 3: round 1 but not first time right
    String e = submitted(Content.BLOCKED, 0);
    revise(e, 1, MlrReviewEngineFixture.detailAidText());
    triage(e, 1);
    review(e, "Task_MedicalReview", 2, "approve");
    complete(e, "Task_Approve", 3, Map.of());

    List<MlrFacts> facts = service.facts();
    assertThat(facts)
        .extracting(MlrFacts::itemId, MlrFacts::approvedAt, MlrFacts::renewal)
        .containsExactlyInAnyOrder(
            tuple(item(a), at(4), false),
            tuple(item(b), at(12), false),
            tuple(item(c), at(2), false),
            tuple(item(c), at(34), true),
            tuple(item(e), at(3), false));
    MlrFacts factsB = only(facts, item(b), false);
    assertThat(factsB.cycleStartedAt()).isEqualTo(at(0));
    assertThat(factsB.reviewRound()).isEqualTo(2);
    assertThat(factsB.moduleCount()).isEqualTo(3);
    assertThat(factsB.reusedUnchangedModules()).isEqualTo(1);
    assertThat(factsB.revisions()).isEqualTo(2);
    assertThat(factsB.firstTimeRight()).isFalse();
    // each round's reviewDueAt, as the routing of that round set it
    assertThat(factsB.reviews())
        .containsExactlyInAnyOrder(
            new Review("medical", at(1), at(2), utc("2026-11-11T00:00:00Z")),
            new Review("medical", at(3), at(11), utc("2026-11-13T00:00:00Z")));
    MlrFacts renewalC = only(facts, item(c), true);
    assertThat(renewalC.cycleStartedAt()).isEqualTo(at(30));
    assertThat(renewalC.revisions()).isEqualTo(1);
    assertThat(renewalC.returns()).isZero();
    assertThat(renewalC.firstTimeRight()).isTrue();
    assertThat(renewalC.reviewRound()).isEqualTo(1);
    assertThat(renewalC.moduleCount()).isEqualTo(4);
    assertThat(renewalC.reviews())
        .containsExactly(new Review("medical", at(31), at(33), utc("2026-12-11T00:00:00Z")));
    // the first approval keeps the values it was signed with, whatever the renewal set later
    MlrFacts firstC = only(facts, item(c), false);
    assertThat(firstC.reviews())
        .containsExactly(new Review("medical", at(0), at(1), utc("2026-11-10T00:00:00Z")));
    assertThat(firstC.moduleCount()).isEqualTo(3);
    assertThat(only(facts, item(e), false).firstTimeRight()).isFalse();
    assertThat(only(facts, item(a), false).firstTimeRight()).isTrue();
    assertThat(only(facts, item(a), false).moduleCount()).isEqualTo(4);

    MlrKpiReport all = service.kpis(MlrKpiWindow.ALL);
    assertThat(all.generatedAt()).isEqualTo(T0.plus(days(40)));
    assertThat(all.approvals()).isEqualTo(5);
    // cycle days 4 (A), 12 (B), 2 (C), 4 (C renewed), 3 (E): sorted 2 3 4 4 12; p90 rank 5
    assertThat(all.cycleTime()).isEqualTo(new CycleTime(5, 4.0, 12.0, 21, 5, 1.0));
    // rounds 1 1 2 1 1
    assertThat(all.rounds().mean()).isEqualTo(1.2);
    assertThat(all.rounds().distribution())
        .containsExactly(
            Map.entry("1", 4L), Map.entry("2", 1L), Map.entry("3", 0L), Map.entry("4+", 0L));
    // reused 1 + 1 + 1 + 1 + 1 = 5 of 4 + 3 + 3 + 4 + 3 = 17 modules
    assertThat(all.reuse()).isEqualTo(new Reuse(5, 5, 17, 0.294));
    // A, C and C renewed
    assertThat(all.firstTimeRight()).isEqualTo(new FirstTimeRight(5, 3, 0.6));
    // medical: A 2, B 1 and 8 (overdue), C 1, C renewed 2, E 1: sorted 1 1 1 2 2 8; legal: A 3
    assertThat(all.reviewGroups())
        .containsExactly(
            Map.entry("medical", new ReviewGroup(6, 1.5, 8.0, 1)),
            Map.entry("legal", new ReviewGroup(1, 3.0, 3.0, 0)),
            Map.entry("regulatory", new ReviewGroup(0, null, null, 0)));

    // signed 2026-11-05 (E), 11-06 (A) and 11-14 08:00 (B): both days included
    MlrKpiReport november =
        service.kpis(
            new MlrKpiWindow(LocalDate.parse("2026-11-05"), LocalDate.parse("2026-11-14")));
    assertThat(november.approvals()).isEqualTo(3);
    assertThat(november.window())
        .isEqualTo(
            new MlrKpiReport.Window(LocalDate.parse("2026-11-05"), LocalDate.parse("2026-11-14")));
    assertThat(november.cycleTime().medianDays()).isEqualTo(4.0);
    assertThat(november.firstTimeRight()).isEqualTo(new FirstTimeRight(3, 1, 0.333));
    assertThat(service.kpis(new MlrKpiWindow(null, LocalDate.parse("2026-11-13"))).approvals())
        .isEqualTo(3); // C, E, A
    assertThat(service.kpis(new MlrKpiWindow(LocalDate.parse("2026-12-01"), null)).approvals())
        .isEqualTo(1); // C renewed
  }

  @Test
  void withoutApprovalsEveryCountIsZeroAndEveryStatisticNull() {
    String x = submitted(Content.DETAIL_AID, 0);
    triage(x, 0);

    MlrKpiReport report = service.kpis(MlrKpiWindow.ALL);

    assertThat(report.approvals()).isZero();
    assertThat(report.cycleTime()).isEqualTo(new CycleTime(0, null, null, 21, 0, null));
    assertThat(report.reuse()).isEqualTo(new Reuse(0, 0, 0, null));
    assertThat(report.reviewGroups().get("medical")).isEqualTo(new ReviewGroup(0, null, null, 0));
  }

  private static MlrFacts only(List<MlrFacts> facts, String item, boolean renewal) {
    return facts.stream()
        .filter(fact -> fact.itemId().equals(item) && fact.renewal() == renewal)
        .findFirst()
        .orElseThrow();
  }

  /** alice submits the content on day {@code day}; the pre-check job runs. */
  private String submitted(Content content, double day) {
    clock(day);
    String instance = model.submit(content);
    runJobs(instance);
    return instance;
  }

  /** carl's triage on day {@code day}, not expedited: the routing opens the reviews. */
  private void triage(String instance, double day) {
    complete(instance, "Task_Triage", day, Map.of(MlrVariables.EXPEDITED.name(), false));
  }

  private void review(String instance, String activity, double day, String decision) {
    complete(
        instance,
        activity,
        day,
        decision.equals("reject")
            ? Map.of("reviewDecision", decision, "reviewComment", "Not yet")
            : Map.of("reviewDecision", decision));
  }

  /** The author's revision on day {@code day}: the next version, pre-checked. */
  private void revise(String instance, double day, String text) {
    complete(instance, "Task_Revise", day, Map.of(MlrVariables.CONTENT_TEXT.name(), text));
    runJobs(instance);
  }

  /** The one open task {@code activity} of the instance, completed on day {@code day}. */
  private void complete(
      String processInstanceId, String activity, double day, Map<String, Object> variables) {
    clock(day);
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(activity)
            .singleResult();
    assertThat(task)
        .as("%s; active: %s", activity, runtime.getActiveActivityIds(processInstanceId))
        .isNotNull();
    tasks.complete(task.getId(), variables);
  }

  /**
   * Runs the instance's due jobs (the pre-check, the CRM publication) as the job executor would.
   */
  private void runJobs(String processInstanceId) {
    List<Job> due;
    while (!(due = jobs.createJobQuery().processInstanceId(processInstanceId).executable().list())
        .isEmpty()) {
      due.forEach(job -> jobs.executeJob(job.getId()));
    }
  }

  private void runTimer(String processInstanceId, String activity) {
    jobs.executeJob(
        jobs.createJobQuery()
            .processInstanceId(processInstanceId)
            .activityId(activity)
            .timers()
            .singleResult()
            .getId());
  }

  private String item(String processInstanceId) {
    return engine
        .getProcessEngine()
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId)
        .singleResult()
        .getBusinessKey();
  }

  private static void clock(double day) {
    ClockUtil.setCurrentTime(Date.from(at(day)));
  }

  private static Instant utc(String instant) {
    return Instant.parse(instant);
  }

  private static Instant at(double day) {
    return T0.plus(days(day));
  }

  private static Duration days(double days) {
    return Duration.ofMillis(Math.round(days * Duration.ofDays(1).toMillis()));
  }
}
