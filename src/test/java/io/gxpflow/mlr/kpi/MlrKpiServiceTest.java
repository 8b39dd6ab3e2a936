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
import io.gxpflow.support.ProcessTestEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The MLR KPIs as {@link MlrKpiService} reads them from a real engine's history: items of the
 * fixture model fixtures/kpi/mlr-kpi.bpmn (the activity ids and variables of {@code mlr-review},
 * until bpmn/mlr-review.bpmn is merged) walked on the engine's clock through a clean approval, a
 * blocking pre-check, a second review round, an overdue review and a renewal; every expected number
 * worked out in the comments.
 */
@Deployment(resources = "fixtures/kpi/mlr-kpi.bpmn")
class MlrKpiServiceTest {

  static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(ProcessTestEngine.configuration("mlr-kpi-test"))
          .build();

  RuntimeService runtime;
  TaskService tasks;
  MlrKpiService service;

  @BeforeEach
  void wire() {
    ProcessEngine processEngine = engine.getProcessEngine();
    runtime = processEngine.getRuntimeService();
    tasks = processEngine.getTaskService();
    // no Spring here: the transaction template runs the read on the engine's own transactions
    RunAsSystem asSystem = new RunAsSystem(processEngine, mock(PlatformTransactionManager.class));
    service =
        new MlrKpiService(processEngine, asSystem, Clock.fixed(T0.plus(days(40)), ZoneOffset.UTC));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void readsEveryApprovalWithTheValuesAtItsSignatureAndComputesTheKpis() {
    // A: clean, medical and legal, approved after 4 days in round 1: first time right
    clock(0);
    String a = start("A", 1, 4, 1, "medical,legal", false, 5);
    complete(a, "Task_MedicalReview", 2);
    complete(a, "Task_LegalReview", 3);
    complete(a, "Task_Approve", 4);

    // B: a blocking pre-check returns it (revised after 1 day); round 1 needs changes (legal done
    // after its due time); round 2 with more modules, medical overdue again; approved on day 10;
    // the module count changed after the approval does not count
    clock(0);
    String b = start("B", 1, 5, 0, "medical,legal,regulatory", true, 3);
    set(b, "precheckBlocked", false);
    complete(b, "Task_Revise", 1);
    complete(b, "Task_MedicalReview", 2);
    complete(b, "Task_RegulatoryReview", 2.5);
    set(b, "revisionNeeded", true);
    complete(b, "Task_LegalReview", 4);
    set(b, "reviewRound", 2);
    set(b, "moduleCount", 6);
    set(b, "reusedUnchangedModules", 2);
    set(b, "revisionNeeded", false);
    set(b, "reviewDueAt", date(7));
    set(b, "reviews", "medical");
    complete(b, "Task_Revise", 5);
    complete(b, "Task_MedicalReview", 8);
    complete(b, "Task_Approve", 10);
    clock(11);
    set(b, "moduleCount", 99);

    // C: regulatory only, approved on day 2; renewed at the periodic review on day 30 (the
    // renewal's own revision is no return), approved again on day 34 in round 1
    clock(0);
    String c = start("C", 1, 2, 2, "regulatory", false, 5);
    complete(c, "Task_RegulatoryReview", 1);
    complete(c, "Task_Approve", 2);
    set(c, "renew", true);
    complete(c, "Task_PeriodicReview", 30);
    set(c, "reviewRound", 1);
    set(c, "moduleCount", 3);
    set(c, "reusedUnchangedModules", 1);
    set(c, "reviewDueAt", date(35));
    complete(c, "Task_Revise", 31);
    complete(c, "Task_RegulatoryReview", 33);
    complete(c, "Task_Approve", 34);

    // D: in review, never approved: no approval
    clock(0);
    start("D", 1, 3, 0, "medical", false, 5);

    // E: a blocking pre-check in round 1, then approved on day 3: round 1 but not first time right
    clock(0);
    String e = start("E", 1, 3, 0, "medical", true, 5);
    set(e, "precheckBlocked", false);
    complete(e, "Task_Revise", 1);
    complete(e, "Task_MedicalReview", 2);
    complete(e, "Task_Approve", 3);

    List<MlrFacts> facts = service.facts();
    assertThat(facts)
        .extracting(MlrFacts::itemId, MlrFacts::approvedAt, MlrFacts::renewal)
        .containsExactlyInAnyOrder(
            tuple("MLR-A", at(4), false),
            tuple("MLR-B", at(10), false),
            tuple("MLR-C", at(2), false),
            tuple("MLR-C", at(34), true),
            tuple("MLR-E", at(3), false));
    MlrFacts factsB = only(facts, "MLR-B", false);
    assertThat(factsB.cycleStartedAt()).isEqualTo(at(0));
    assertThat(factsB.reviewRound()).isEqualTo(2);
    assertThat(factsB.moduleCount()).isEqualTo(6);
    assertThat(factsB.reusedUnchangedModules()).isEqualTo(2);
    assertThat(factsB.revisions()).isEqualTo(2);
    assertThat(factsB.firstTimeRight()).isFalse();
    assertThat(factsB.reviews())
        .containsExactlyInAnyOrder(
            new Review("medical", at(1), at(2), at(3)),
            new Review("medical", at(5), at(8), at(7)),
            new Review("legal", at(1), at(4), at(3)),
            new Review("regulatory", at(1), at(2.5), at(3)));
    MlrFacts renewalC = only(facts, "MLR-C", true);
    assertThat(renewalC.cycleStartedAt()).isEqualTo(at(30));
    assertThat(renewalC.revisions()).isEqualTo(1);
    assertThat(renewalC.returns()).isZero();
    assertThat(renewalC.firstTimeRight()).isTrue();
    assertThat(renewalC.moduleCount()).isEqualTo(3);
    assertThat(renewalC.reviews())
        .containsExactly(new Review("regulatory", at(31), at(33), at(35)));
    assertThat(only(facts, "MLR-C", false).reviews())
        .containsExactly(new Review("regulatory", at(0), at(1), at(5)));
    assertThat(only(facts, "MLR-C", false).moduleCount()).isEqualTo(2);
    assertThat(only(facts, "MLR-E", false).firstTimeRight()).isFalse();
    assertThat(only(facts, "MLR-A", false).firstTimeRight()).isTrue();

    MlrKpiReport all = service.kpis(MlrKpiWindow.ALL);
    assertThat(all.generatedAt()).isEqualTo(T0.plus(days(40)));
    assertThat(all.approvals()).isEqualTo(5);
    // cycle days 4 (A), 10 (B), 2 (C), 4 (C renewed), 3 (E): sorted 2 3 4 4 10
    assertThat(all.cycleTime()).isEqualTo(new CycleTime(5, 4.0, 10.0, 21, 5, 1.0));
    assertThat(all.rounds().mean()).isEqualTo(1.2);
    assertThat(all.rounds().distribution())
        .containsExactly(
            Map.entry("1", 4L), Map.entry("2", 1L), Map.entry("3", 0L), Map.entry("4+", 0L));
    // reused 1 + 2 + 2 + 1 + 0 = 6 of 4 + 6 + 2 + 3 + 3 = 18 modules
    assertThat(all.reuse()).isEqualTo(new Reuse(5, 6, 18, 0.333));
    assertThat(all.firstTimeRight()).isEqualTo(new FirstTimeRight(5, 3, 0.6));
    // medical: A 2, B 1 and 3 (overdue), E 1; legal: A 3, B 3 (overdue); regulatory: B 1.5, C 1, 2
    assertThat(all.reviewGroups())
        .containsExactly(
            Map.entry("medical", new ReviewGroup(4, 1.5, 3.0, 1)),
            Map.entry("legal", new ReviewGroup(2, 3.0, 3.0, 1)),
            Map.entry("regulatory", new ReviewGroup(3, 1.5, 2.0, 0)));

    // signed 2026-11-05 (E), 11-06 (A) and 11-12 08:00 (B): both days included
    MlrKpiReport november =
        service.kpis(
            new MlrKpiWindow(LocalDate.parse("2026-11-05"), LocalDate.parse("2026-11-12")));
    assertThat(november.approvals()).isEqualTo(3);
    assertThat(november.window())
        .isEqualTo(
            new MlrKpiReport.Window(LocalDate.parse("2026-11-05"), LocalDate.parse("2026-11-12")));
    assertThat(november.cycleTime().medianDays()).isEqualTo(4.0);
    assertThat(november.firstTimeRight()).isEqualTo(new FirstTimeRight(3, 1, 0.333));
    assertThat(service.kpis(new MlrKpiWindow(null, LocalDate.parse("2026-11-11"))).approvals())
        .isEqualTo(3); // C, E, A
    assertThat(service.kpis(new MlrKpiWindow(LocalDate.parse("2026-12-01"), null)).approvals())
        .isEqualTo(1); // C renewed
  }

  @Test
  void withoutApprovalsEveryCountIsZeroAndEveryStatisticNull() {
    clock(0);
    start("X", 1, 3, 0, "medical", false, 5);

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

  /** Starts an item as the real model's intake, pre-check and routing would leave it. */
  private String start(
      String name,
      int round,
      int modules,
      int reused,
      String reviews,
      boolean blocked,
      double dueDay) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("reviewRound", round);
    variables.put("moduleCount", modules);
    variables.put("reusedUnchangedModules", reused);
    variables.put("reviews", reviews);
    variables.put("precheckBlocked", blocked);
    variables.put("reviewDueAt", date(dueDay));
    variables.put("revisionNeeded", false);
    variables.put("renew", false);
    return runtime.startProcessInstanceByKey("mlr-review", "MLR-" + name, variables).getId();
  }

  /** The one open task {@code activity} of the instance, completed on day {@code day}. */
  private void complete(String processInstanceId, String activity, double day) {
    clock(day);
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(activity)
            .singleResult();
    assertThat(task).as(activity).isNotNull();
    tasks.complete(task.getId());
  }

  private void set(String processInstanceId, String name, Object value) {
    runtime.setVariable(processInstanceId, name, value);
  }

  private static void clock(double day) {
    ClockUtil.setCurrentTime(date(day));
  }

  private static Date date(double day) {
    return Date.from(at(day));
  }

  private static Instant at(double day) {
    return T0.plus(days(day));
  }

  private static Duration days(double days) {
    return Duration.ofMillis(Math.round(days * Duration.ofDays(1).toMillis()));
  }
}
