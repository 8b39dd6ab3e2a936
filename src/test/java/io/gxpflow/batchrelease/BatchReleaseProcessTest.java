package io.gxpflow.batchrelease;

import static io.gxpflow.batchrelease.BatchReleaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.tasks.UserTaskRules;
import io.gxpflow.compliance.validation.CamundaForm;
import io.gxpflow.compliance.validation.DynamicValues;
import io.gxpflow.compliance.validation.FieldViolation;
import io.gxpflow.compliance.validation.ModelConstraints;
import io.gxpflow.compliance.validation.TaskInputSpec;
import io.gxpflow.compliance.validation.TaskInputValidator;
import io.gxpflow.deviation.BatchMessages;
import io.gxpflow.engine.expression.TaskDue;
import io.gxpflow.integration.BusinessRejection;
import io.gxpflow.integration.ExternalSystem;
import io.gxpflow.integration.SystemUnavailable;
import io.gxpflow.integration.crm.CrmPort;
import io.gxpflow.integration.crm.CrmPort.SupplyAvailability;
import io.gxpflow.integration.crm.CrmPort.SupplyStatus;
import io.gxpflow.integration.mes.MesPort;
import io.gxpflow.integration.mes.MesPort.BatchException;
import io.gxpflow.integration.mes.MesPort.BatchRecordSummary;
import io.gxpflow.integration.mes.MesPort.BatchStatus;
import io.gxpflow.integration.mes.MesPort.Product;
import io.gxpflow.integration.mes.MesPort.Severity;
import io.gxpflow.integration.qms.QmsPort;
import io.gxpflow.integration.qms.QmsPort.BatchQualityEvents;
import io.gxpflow.integration.qms.QmsPort.OosResult;
import io.gxpflow.integration.qms.QmsPort.QcResults;
import io.gxpflow.integration.qms.QmsPort.QualityEvent;
import io.gxpflow.support.ProcessTestEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

/**
 * Every path of bpmn/batch-release.bpmn on a plain in-memory engine with the real delegates and
 * listeners, the MES, QMS, CRM and audit trail mocked; the messages of deviation-capa are
 * correlated as {@code deviation.BatchMessages} does it (all instances with the batch number as
 * business key, the deviation id as variable). The coverage extension fails the class unless every
 * flow node and sequence flow was passed.
 */
@Deployment(resources = {"bpmn/batch-release.bpmn", "bpmn/batch-review-depth.dmn"})
class BatchReleaseProcessTest {

  static final String BATCH = "B-2026-0042";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(configuration())
          .assertClassCoverageAtLeast(1.0)
          .build();

  MesPort mes = mock(MesPort.class);
  QmsPort qms = mock(QmsPort.class);
  CrmPort crm = mock(CrmPort.class);
  AuditTrail auditTrail = mock(AuditTrail.class);

  static ProcessEngineConfiguration configuration() {
    return ProcessTestEngine.configuration("batch-release-process-test");
  }

  @BeforeEach
  void wire() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(at("2026-11-02T08:00:00Z"));
    answers(record(true), qc(true), events());
    ReleaseChecks checks = new ReleaseChecks();
    BatchHold hold = new BatchHold();
    Disposition disposition = new Disposition();
    Mocks.register("batchReleaseIntake", new BatchReleaseIntake(7));
    Mocks.register("batchReleaseCheckMes", checks.batchReleaseCheckMes(mes));
    Mocks.register("batchReleaseCheckQc", checks.batchReleaseCheckQc(qms));
    Mocks.register("batchReleaseCheckQms", checks.batchReleaseCheckQms(qms));
    Mocks.register("batchReleaseMergeChecks", checks.batchReleaseMergeChecks(auditTrail));
    Mocks.register("batchReleaseRecheckQms", checks.batchReleaseRecheckQms(qms));
    Mocks.register("batchReleaseHoldRequested", hold.batchReleaseHoldRequested());
    Mocks.register("batchReleaseDeviationClosed", hold.batchReleaseDeviationClosed());
    Mocks.register("batchReleaseHoldInMes", hold.batchReleaseHoldInMes(mes));
    Mocks.register("batchReleaseMesDisposition", disposition.batchReleaseMesDisposition(mes));
    Mocks.register("batchReleasePublishSupply", disposition.batchReleasePublishSupply(crm));
    Mocks.register("batchReleaseReportDeviation", disposition.batchReleaseReportDeviation());
    Mocks.register("batchReleaseOverdue", new ReleaseOverdue(auditTrail));
    Mocks.register("taskDue", new TaskDue());
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  // ---- paths ------------------------------------------------------------------------------------

  @Test
  void aBatchWithEveryCheckCompliantGoesStraightToTheQpAndIsOfferedInEveryMarket() {
    ProcessInstance release = completed(BATCH, "DE", "FR");
    assertThat(release).hasBusinessKey(BATCH).isWaitingAt("Task_CheckMesBatchRecord");
    runJobs(release);

    assertThat(release)
        .isWaitingAt("Task_QpCertification")
        .hasNotPassed("Task_QaReview")
        .variables()
        .containsEntry(REVIEW_DEPTH.name(), "NONE")
        .containsEntry(ALL_CHECKS_COMPLIANT.name(), true)
        .containsEntry(PRODUCT_NAME.name(), "Paracetamol 500 mg tablets")
        .containsEntry(OPEN_DEVIATIONS.name(), List.of())
        .containsEntry(RELEASE_TARGET_DATE.name(), at("2026-11-09T08:00:00Z"));
    // one readable variable, in a fixed order, none of the per-branch results left over
    List<Map<String, Object>> checks = RELEASE_CHECKS.from(variables(release));
    assertThat(checks)
        .extracting(c -> c.get("check"), c -> c.get("status"))
        .containsExactly(
            tuple("MES_BATCH_RECORD", "COMPLIANT"),
            tuple("QC_RESULTS", "COMPLIANT"),
            tuple("QMS_QUALITY_EVENTS", "COMPLIANT"));
    assertThat(variables(release))
        .doesNotContainKeys(
            MES_BATCH_RECORD_CHECK.name(), QC_RESULTS_CHECK.name(), QUALITY_EVENTS_CHECK.name());
    // and in the audit trail, which outlives Camunda's history
    assertThat(audited(AuditEventTypes.RELEASE_CHECKS_JUDGED))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.details()).containsEntry("round", 1);
              assertThat(event.details()).containsEntry("checks", checks);
              assertThat(event.details())
                  .containsEntry("productName", "Paracetamol 500 mg tablets");
            });
    // the QP's task is due at the release target date
    assertThat(task(release, "Task_QpCertification").getDueDate())
        .isEqualTo(at("2026-11-09T08:00:00Z"));
    // every check compliant: no justification needed
    assertThat(refusal(release, "Task_QpCertification", Map.of("releaseDecision", "RELEASE")))
        .isEmpty();

    complete(release, "Task_QpCertification", Map.of("releaseDecision", "RELEASE"));
    runJobs(release);

    verify(mes)
        .setBatchStatus(
            eq(BATCH),
            eq(BatchStatus.RELEASED),
            anyString(),
            eq(release.getId() + ":Task_ReleaseInMes"));
    for (String market : List.of("DE", "FR")) {
      verify(crm)
          .publishSupply(
              eq(new SupplyAvailability("P-100", market, SupplyStatus.AVAILABLE, BATCH, 0)),
              Mockito.argThat(
                  key -> key.startsWith(release.getId()) && key.endsWith("@" + market)));
    }
    verify(mes, never()).setBatchStatus(any(), eq(BatchStatus.ON_HOLD), any(), any());
    assertThat(release).isEnded().hasPassed("EndEvent_Released");
  }

  @Test
  void minorExceptionsAreReviewedByQaAndTheQpReleasesWithoutNeedingAJustification() {
    answers(
        record(true, new BatchException("DEV-TEMP", "Short temperature excursion", Severity.MINOR)),
        qc(true),
        events(
            List.of(), List.of(new QualityEvent("CC-2026-0004", "New capsule supplier", "OPEN"))));
    ProcessInstance release = completed(BATCH, "CH");
    runJobs(release);

    assertThat(release)
        .isWaitingAt("Task_QaReview")
        .variables()
        .containsEntry(REVIEW_DEPTH.name(), "EXCEPTIONS_ONLY")
        .containsEntry(HIGHEST_SEVERITY.name(), "MINOR")
        .containsEntry(ALL_CHECKS_COMPLIANT.name(), true);
    assertThat((String) variables(release).get(RELEASE_CHECKS_SUMMARY.name()))
        .contains("MINOR DEV-TEMP: Short temperature excursion")
        .contains("MINOR CC-2026-0004");
    assertThat(task(release, "Task_QaReview").getDueDate()).isEqualTo(at("2026-11-05T00:00:00Z"));

    complete(
        release,
        "Task_QaReview",
        Map.of(
            "qaReviewAcceptable",
            true,
            "qaReviewComment",
            "Excursion within the validated range; change control is paperwork"));
    runJobs(release);
    complete(release, "Task_QpCertification", Map.of("releaseDecision", "RELEASE"));
    runJobs(release);

    assertThat(release).isEnded().hasPassed("Task_QaReview", "EndEvent_Released");
    verify(crm).publishSupply(any(), anyString());
  }

  @Test
  void anOosResultNeedsAFullReviewAndAJustifiedRejectionStartsADeviation() {
    deployDeviationCapaStub();
    answers(
        record(true),
        qcWithOos(new OosResult("Dissolution", "71 %", "≥ 80 % after 30 min")),
        events());
    ProcessInstance release = completed(BATCH, "DE");
    runJobs(release);

    assertThat(release)
        .isWaitingAt("Task_QaReview")
        .variables()
        .containsEntry(REVIEW_DEPTH.name(), "FULL")
        .containsEntry(NOT_COMPLIANT_COUNT.name(), 1)
        .containsEntry(ALL_CHECKS_COMPLIANT.name(), false);

    // QA finds it not acceptable: a recommendation, the QP still decides
    complete(
        release,
        "Task_QaReview",
        Map.of(
            "qaReviewAcceptable",
            false,
            "qaReviewComment",
            "Dissolution OOS confirmed by retest; not acceptable"));
    runJobs(release);
    assertThat(release)
        .isWaitingAt("Task_QpCertification")
        .variables()
        .containsEntry(QA_REVIEW_ACCEPTABLE.name(), false);

    // a check not compliant: the server refuses a decision without justification
    assertThat(refusal(release, "Task_QpCertification", Map.of("releaseDecision", "REJECT")))
        .extracting(FieldViolation::field)
        .containsExactly("releaseJustification");
    Map<String, Object> decision =
        Map.of(
            "releaseDecision",
            "REJECT",
            "releaseJustification",
            "Confirmed OOS dissolution result; batch cannot be certified");
    assertThat(refusal(release, "Task_QpCertification", decision)).isEmpty();
    complete(release, "Task_QpCertification", decision);
    runJobs(release);

    verify(mes)
        .setBatchStatus(
            eq(BATCH),
            eq(BatchStatus.REJECTED),
            eq("QP decision REJECT: Confirmed OOS dissolution result; batch cannot be certified"),
            anyString());
    verify(crm, never()).publishSupply(any(), any());
    assertThat(release).isEnded().hasPassed("EndEvent_Rejected");
    ProcessInstance deviation =
        runtimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey("deviation-capa")
            .singleResult();
    assertThat(deviation).isNotNull();
    assertThat(runtimeService().getVariables(deviation.getId()))
        .containsEntry("affectedBatches", BATCH)
        .containsEntry("category", "laboratory")
        .containsEntry("site", "Basel")
        .containsEntry("product", "P-100")
        .containsEntry("sourceEventId", "batch-release:" + BATCH);
    assertThat(historyVariable(release, REJECTION_DEVIATION_INSTANCE.name()))
        .isEqualTo(deviation.getId());
    complete(deviation, "Task_Assessment", Map.of());
    assertThat(deviation).isEnded();
  }

  @Test
  void aQmsBusinessRejectionIsAnErrorCheckAndNeedsAFullReview() {
    when(qms.qcResults(BATCH))
        .thenThrow(new BusinessRejection(ExternalSystem.QMS, "qc-results", "BATCH_UNKNOWN", null));
    ProcessInstance release = completed(BATCH);
    runJobs(release);

    assertThat(release)
        .isWaitingAt("Task_QaReview")
        .variables()
        .containsEntry(REVIEW_DEPTH.name(), "FULL")
        .containsEntry(ERROR_COUNT.name(), 1);
    assertThat(RELEASE_CHECKS.from(variables(release)).get(1))
        .containsEntry("status", "ERROR")
        .extractingByKey("details")
        .asString()
        .contains("BATCH_UNKNOWN");
  }

  @Test
  void aFailingCheckIsRetriedThenAnIncidentAndGoesOnWhenRetried() {
    Mockito.doThrow(new SystemUnavailable("MES batch-record: 503", null))
        .when(mes)
        .batchRecord(BATCH);
    ProcessInstance release = completed(BATCH);
    runJobs(release, "Task_CheckQcResults");
    runJobs(release, "Task_CheckQualityEvents");

    Job check = job(release, "Task_CheckMesBatchRecord");
    for (int attempt = 1; attempt <= 3; attempt++) {
      String id = check.getId();
      assertThatThrownBy(() -> managementService().executeJob(id)).hasMessageContaining("503");
      check = job(release, "Task_CheckMesBatchRecord");
      // R3/PT5M: the next attempt five minutes later
      ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(301)));
    }
    assertThat(check.getRetries()).isZero();
    assertThat(runtimeService().createIncidentQuery().processInstanceId(release.getId()).count())
        .isEqualTo(1);
    assertThat(release).isWaitingAt("Task_CheckMesBatchRecord");

    // Cockpit's retry, once the MES answers again
    Mockito.doReturn(record(true)).when(mes).batchRecord(BATCH);
    managementService().setJobRetries(check.getId(), 1);
    runJobs(release);
    assertThat(release).isWaitingAt("Task_QpCertification");
    assertThat(runtimeService().createIncidentQuery().processInstanceId(release.getId()).count())
        .isZero();
  }

  // ---- hold -------------------------------------------------------------------------------------

  @Test
  void anOpenDeviationFoundByTheChecksHoldsTheBatchUntilItsDeviationClosedThenChecksAgain() {
    answers(record(true), qc(true), events(deviation("DEV-2026-0007")));
    ProcessInstance release = completed(BATCH);
    runJobs(release);

    assertThat(release)
        .isWaitingAt("Event_AllDeviationsClosed")
        .variables()
        .containsEntry(OPEN_DEVIATIONS.name(), List.of("DEV-2026-0007"))
        .containsEntry(ON_HOLD.name(), true);
    verify(mes)
        .setBatchStatus(
            eq(BATCH), eq(BatchStatus.ON_HOLD), eq("Open deviation(s): DEV-2026-0007"), any());

    // another deviation's closure does not lift the hold
    deviationClosed(BATCH, "DEV-2026-0099");
    assertThat(release).isWaitingAt("Event_AllDeviationsClosed");

    ClockUtil.setCurrentTime(at("2026-11-04T08:00:00Z"));
    answers(record(true), qc(true), events());
    assertThat(deviationClosed(BATCH, "DEV-2026-0007")).isEqualTo(1);
    assertThat(release).isWaitingAt("Task_CheckMesBatchRecord");
    runJobs(release);

    assertThat(release)
        .isWaitingAt("Task_QpCertification")
        .variables()
        .containsEntry(CHECK_ROUND.name(), 2)
        .containsEntry(OPEN_DEVIATIONS.name(), List.of())
        .containsEntry(ON_HOLD.name(), false);
    // time on hold: the OnHold activity, two days
    HistoricActivityInstance onHold = onHold(release).get(0);
    assertThat(onHold.getDurationInMillis()).isEqualTo(2L * 24 * 3600 * 1000);
    verify(mes, times(1)).setBatchStatus(any(), eq(BatchStatus.ON_HOLD), any(), any());
  }

  @Test
  void aQmsOnlyDeviationIsReadAgainDailyWhileOnHold() {
    answers(record(true), qc(true), events(deviation("DEV-QMS-1")));
    ProcessInstance release = completed(BATCH);
    runJobs(release);
    assertThat(release).isWaitingAt("Event_AllDeviationsClosed");

    // a day later, still open in the QMS: back on hold, the MES is not told twice
    ClockUtil.setCurrentTime(at("2026-11-03T08:00:01Z"));
    runTimer(release, "Timer_HoldRecheck");
    runJobs(release);
    assertThat(release).isWaitingAt("Event_AllDeviationsClosed");

    // closed in the QMS without a message (not a deviation-capa case): the next read releases it
    ClockUtil.setCurrentTime(at("2026-11-04T08:00:02Z"));
    answers(record(true), qc(true), events());
    runTimer(release, "Timer_HoldRecheck");
    runJobs(release);
    assertThat(release).isWaitingAt("Task_QpCertification");
    assertThat(onHold(release)).hasSize(2);
    verify(mes, times(1)).setBatchStatus(any(), eq(BatchStatus.ON_HOLD), any(), any());
  }

  @Test
  void aHoldRequestedDuringQaReviewInterruptsItAndTheReviewIsDoneAgainAfterTheClosure() {
    answers(
        record(true, new BatchException("ALM-1", "Alarm acknowledged late", Severity.MAJOR)),
        qc(true),
        events());
    ProcessInstance release = completed(BATCH);
    runJobs(release);
    assertThat(release).isWaitingAt("Task_QaReview");

    assertThat(holdRequested(BATCH, "DEV-2026-0011")).isEqualTo(1);
    // no decision while the deviation is open: the review is gone from Tasklist
    assertThat(openTask(release, "Task_QaReview")).isNull();
    runJobs(release);
    assertThat(release)
        .isWaitingAt("Event_AllDeviationsClosed")
        .variables()
        .containsEntry(OPEN_DEVIATIONS.name(), List.of("DEV-2026-0011"));
    // the hold subprocess and the held path both ran: the MES heard it once
    verify(mes, times(1)).setBatchStatus(eq(BATCH), eq(BatchStatus.ON_HOLD), any(), any());

    deviationClosed(BATCH, "DEV-2026-0011");
    runJobs(release);
    assertThat(release)
        .isWaitingAt("Task_QaReview")
        .hasPassed("EndEvent_HoldRecorded", "EndEvent_ClosedRecorded");
  }

  @Test
  void aHoldRequestedDuringCertificationTakesTheDecisionAwayFromTheQp() {
    ProcessInstance release = completed(BATCH);
    runJobs(release);
    Task certification = task(release, "Task_QpCertification");

    holdRequested(BATCH, "DEV-2026-0012");
    String id = certification.getId();
    assertThatThrownBy(() -> taskService().complete(id, Map.of("releaseDecision", "RELEASE")))
        .hasMessageContaining(id);
    runJobs(release);
    assertThat(release).isWaitingAt("Event_AllDeviationsClosed");
    verify(mes, never()).setBatchStatus(any(), eq(BatchStatus.RELEASED), any(), any());

    deviationClosed(BATCH, "DEV-2026-0012");
    runJobs(release);
    assertThat(release).isWaitingAt("Task_QpCertification");
  }

  @Test
  void aHoldRequestedWhileTheChecksRunIsKeptAndHoldsTheBatchAfterThem() {
    ProcessInstance release = completed(BATCH);
    runJobs(release, "Task_CheckMesBatchRecord");

    holdRequested(BATCH, "DEV-2026-0013");
    runJobs(release);

    assertThat(release)
        .isWaitingAt("Event_AllDeviationsClosed")
        .variables()
        .containsEntry(OPEN_DEVIATIONS.name(), List.of("DEV-2026-0013"))
        .containsEntry(ANNOUNCED_DEVIATIONS.name(), List.of("DEV-2026-0013"));
    verify(mes, times(1)).setBatchStatus(eq(BATCH), eq(BatchStatus.ON_HOLD), any(), any());
  }

  @Test
  void aDeviationClosedBeforeItsHoldRequestArrivedDoesNotHoldTheBatch() {
    ProcessInstance release = completed(BATCH);
    deviationClosed(BATCH, "DEV-2026-0014");
    holdRequested(BATCH, "DEV-2026-0014");
    runJobs(release);

    assertThat(release)
        .isWaitingAt("Task_QpCertification")
        .variables()
        .containsEntry(OPEN_DEVIATIONS.name(), List.of())
        .containsEntry(CLOSED_DEVIATIONS.name(), List.of("DEV-2026-0014"));
    verify(mes, never()).setBatchStatus(any(), eq(BatchStatus.ON_HOLD), any(), any());
  }

  @Test
  void twoDeviationsHoldTheBatchUntilBothAreClosed() {
    ProcessInstance release = completed(BATCH);
    runJobs(release);
    holdRequested(BATCH, "DEV-A");
    holdRequested(BATCH, "DEV-B");
    runJobs(release);
    deviationClosed(BATCH, "DEV-B");
    assertThat(release).isWaitingAt("Event_AllDeviationsClosed");
    deviationClosed(BATCH, "DEV-A");
    runJobs(release);
    assertThat(release).isWaitingAt("Task_QpCertification");
    verify(mes, times(1)).setBatchStatus(any(), eq(BatchStatus.ON_HOLD), any(), any());
  }

  @Test
  void theQmsReadAgainBeforeCertificationHoldsABatchWhoseDeviationOpenedAfterTheChecks() {
    answers(
        record(true, new BatchException("DEV-TEMP", "Temperature", Severity.MINOR)),
        qc(true),
        events());
    ProcessInstance release = completed(BATCH);
    runJobs(release);
    when(qms.batchQualityEvents(BATCH)).thenReturn(events(deviation("DEV-2026-0015")));
    complete(
        release,
        "Task_QaReview",
        Map.of(
            "qaReviewAcceptable", true, "qaReviewComment", "Acceptable, within validated range"));
    runJobs(release);

    assertThat(release)
        .isWaitingAt("Event_AllDeviationsClosed")
        .hasNotPassed("Task_QpCertification")
        .variables()
        .containsEntry(OPEN_DEVIATIONS.name(), List.of("DEV-2026-0015"));
  }

  @Test
  void aHoldRequestedAfterTheDecisionDoesNotUndoTheRelease() {
    ProcessInstance release = completed(BATCH, "DE");
    runJobs(release);
    complete(release, "Task_QpCertification", Map.of("releaseDecision", "RELEASE"));
    holdRequested(BATCH, "DEV-2026-0016");
    runJobs(release);

    assertThat(release).isEnded().hasPassed("EndEvent_Released");
    verify(mes, never()).setBatchStatus(any(), eq(BatchStatus.ON_HOLD), any(), any());
    verify(mes).setBatchStatus(eq(BATCH), eq(BatchStatus.RELEASED), any(), any());
  }

  @Test
  void deviationCapasOwnSenderReachesTheHoldAndTheClosure() {
    ProcessInstance release = completed(BATCH);
    runJobs(release);
    assertThat(release).isWaitingAt("Task_QpCertification");
    BatchMessages messages = new BatchMessages();
    Mocks.register("deviationHoldBatch", messages.deviationHoldBatch(mes, auditTrail));
    Mocks.register("deviationNotifyBatchRelease", messages.deviationNotifyBatchRelease(auditTrail));
    repositoryService()
        .createDeployment()
        .addModelInstance(
            "deviation-sender.bpmn",
            Bpmn.createExecutableProcess("deviation-sender")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Hold")
                .camundaDelegateExpression("${deviationHoldBatch}")
                .userTask("Close")
                .serviceTask("Notify")
                .camundaDelegateExpression("${deviationNotifyBatchRelease}")
                .endEvent()
                .done())
        .deploy();
    ProcessInstance deviation =
        runtimeService()
            .startProcessInstanceByKey(
                "deviation-sender", Map.of("batchNumber", BATCH, "deviationId", "DEV-2026-0020"));

    runJobs(release);
    assertThat(release)
        .isWaitingAt("Event_AllDeviationsClosed")
        .variables()
        .containsEntry(OPEN_DEVIATIONS.name(), List.of("DEV-2026-0020"))
        // the message's deviationId lives in the hold's event subprocess, not on the instance
        .doesNotContainKey(DEVIATION_ID.name());
    // the release took the hold (the deviation's MES fallback did not run); it set ON_HOLD itself
    verify(mes, times(1)).setBatchStatus(eq(BATCH), eq(BatchStatus.ON_HOLD), any(), any());

    complete(deviation, "Close", Map.of());
    runJobs(release);
    assertThat(deviation).isEnded();
    assertThat(release).isWaitingAt("Task_QpCertification");
  }

  // ---- SLA --------------------------------------------------------------------------------------

  @Test
  void aReleaseWithoutDecisionAtItsTargetDateEscalatesToQaWithoutStoppingIt() {
    answers(record(true), qc(true), events(deviation("DEV-2026-0017")));
    ProcessInstance release = completed(BATCH);
    runJobs(release);
    Job sla = timer(release, "StartEvent_ReleaseOverdue");
    assertThat(sla.getDuedate()).isEqualTo(at("2026-11-09T08:00:00Z"));

    ClockUtil.setCurrentTime(at("2026-11-09T08:00:01Z"));
    managementService().executeJob(sla.getId());

    Task escalation = task(release, "Task_ReleaseOverdue");
    assertThat(
            taskService().getIdentityLinksForTask(escalation.getId()).stream()
                .map(link -> link.getGroupId()))
        .containsExactly("qa");
    assertThat(release).isWaitingAt("Event_AllDeviationsClosed", "Task_ReleaseOverdue");
    assertThat(audited(AuditEventTypes.DEADLINE_MISSED))
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.details())
                    .containsEntry("dueDate", "2026-11-09T08:00:00Z")
                    .containsEntry("onHold", true));
    complete(
        release,
        "Task_ReleaseOverdue",
        Map.of("escalationAction", "Investigation owner asked for a closure plan by Friday"));
    assertThat(release)
        .hasPassed("EndEvent_OverdueHandled")
        .isWaitingAt("Event_AllDeviationsClosed");
  }

  // ---- steps ------------------------------------------------------------------------------------

  /** As InboundEvents starts it for {@code POST /api/events/mes/batch-record-completed}. */
  ProcessInstance completed(String batch, String... markets) {
    Map<String, Object> event = new HashMap<>();
    event.put("batchNumber", batch);
    event.put("productCode", "P-100");
    event.put("site", "Basel");
    event.put("intendedMarkets", new ArrayList<>(List.of(markets)));
    event.put("batchRecordCompletedAt", "2026-11-02T07:30:00Z");
    event.put("mesEventId", "mes-evt-1");
    return runtimeService()
        .createMessageCorrelation("BatchRecordCompleted")
        .processInstanceBusinessKey(batch)
        .setVariables(event)
        .correlateStartMessage();
  }

  /** As deviation.BatchMessages sends them. */
  static int holdRequested(String batch, String deviationId) {
    return correlate("BatchHoldRequested", batch, deviationId);
  }

  static int deviationClosed(String batch, String deviationId) {
    return correlate("DeviationClosed", batch, deviationId);
  }

  static int correlate(String message, String batch, String deviationId) {
    return runtimeService()
        .createMessageCorrelation(message)
        .processInstanceBusinessKey(batch)
        .setVariable("deviationId", deviationId)
        .correlateAllWithResult()
        .size();
  }

  void answers(BatchRecordSummary record, QcResults qc, BatchQualityEvents events) {
    Mockito.doReturn(record).when(mes).batchRecord(BATCH);
    when(qms.qcResults(BATCH)).thenReturn(qc);
    when(qms.batchQualityEvents(BATCH)).thenReturn(events);
  }

  static BatchRecordSummary record(boolean complete, BatchException... exceptions) {
    return new BatchRecordSummary(
        BATCH,
        complete,
        new Product("P-100", "Paracetamol 500 mg tablets"),
        "Basel",
        "COMPLETED",
        List.of(exceptions));
  }

  static QcResults qc(boolean complete) {
    return new QcResults(BATCH, complete, List.of());
  }

  static QcResults qcWithOos(OosResult... oos) {
    return new QcResults(BATCH, true, List.of(oos));
  }

  static BatchQualityEvents events(QualityEvent... deviations) {
    return events(List.of(deviations), List.of());
  }

  static BatchQualityEvents events(List<QualityEvent> deviations, List<QualityEvent> changes) {
    return new BatchQualityEvents(BATCH, deviations, changes);
  }

  static QualityEvent deviation(String id) {
    return new QualityEvent(id, "Temperature excursion in granulation", "UNDER_INVESTIGATION");
  }

  /** A deviation-capa that a rejected batch's DeviationReported starts. */
  static void deployDeviationCapaStub() {
    repositoryService()
        .createDeployment()
        .addModelInstance(
            "deviation-capa.bpmn",
            Bpmn.createExecutableProcess("deviation-capa")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .message("DeviationReported")
                .userTask("Task_Assessment")
                .endEvent()
                .done())
        .deploy();
  }

  /**
   * The server's check of a submission ({@code FormTaskInputCheck}): the task's form and the {@code
   * validate.*} properties of its element, against the instance's variables now.
   */
  static List<FieldViolation> refusal(
      ProcessInstance release, String taskKey, Map<String, Object> submitted) {
    Task task = task(release, taskKey);
    BpmnModelInstance model =
        repositoryService().getBpmnModelInstance(task.getProcessDefinitionId());
    UserTask element = model.getModelElementById(taskKey);
    try {
      CamundaForm form =
          CamundaForm.parse(
              Files.readString(Path.of("forms", element.getCamundaFormRef() + ".form")));
      TaskInputSpec spec =
          TaskInputSpec.of(form, ModelConstraints.from(UserTaskRules.of(element).properties()));
      return new TaskInputValidator()
          .validate(
              spec, submitted, taskService().getVariables(task.getId()), DynamicValues.unknown());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> variables(ProcessInstance release) {
    return runtimeService().getVariables(release.getId());
  }

  static Object historyVariable(ProcessInstance release, String name) {
    return historyService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(release.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }

  static List<HistoricActivityInstance> onHold(ProcessInstance release) {
    return historyService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(release.getId())
        .activityId("OnHold")
        .finished()
        .list();
  }

  static Task task(ProcessInstance release, String taskKey) {
    Task task = openTask(release, taskKey);
    assertThat(task).as("task %s", taskKey).isNotNull();
    return task;
  }

  /** The open task of that activity, or null. */
  static Task openTask(ProcessInstance release, String taskKey) {
    return taskService()
        .createTaskQuery()
        .processInstanceId(release.getId())
        .taskDefinitionKey(taskKey)
        .singleResult();
  }

  static void complete(ProcessInstance release, String taskKey, Map<String, Object> variables) {
    taskService().complete(task(release, taskKey).getId(), variables);
  }

  List<AuditEvent> audited(String type) {
    ArgumentCaptor<AuditEvent> events = ArgumentCaptor.forClass(AuditEvent.class);
    verify(auditTrail, Mockito.atLeastOnce()).record(events.capture());
    return events.getAllValues().stream().filter(e -> e.type().equals(type)).toList();
  }

  static Job job(ProcessInstance release, String activityId) {
    return managementService()
        .createJobQuery()
        .processInstanceId(release.getId())
        .activityId(activityId)
        .singleResult();
  }

  static Job timer(ProcessInstance release, String activityId) {
    return managementService()
        .createJobQuery()
        .processInstanceId(release.getId())
        .activityId(activityId)
        .timers()
        .singleResult();
  }

  static void runTimer(ProcessInstance release, String activityId) {
    managementService().executeJob(timer(release, activityId).getId());
  }

  /** Runs the instance's due jobs until none is left, as the job executor would. */
  static void runJobs(ProcessInstance release) {
    List<Job> due;
    while (!(due =
            managementService()
                .createJobQuery()
                .processInstanceId(release.getId())
                .executable()
                .list())
        .isEmpty()) {
      due.forEach(job -> managementService().executeJob(job.getId()));
    }
  }

  /** Runs the one job of an activity (a check branch, say) and nothing else. */
  static void runJobs(ProcessInstance release, String activityId) {
    managementService().executeJob(job(release, activityId).getId());
  }

  static Date at(String instant) {
    return Date.from(Instant.parse(instant));
  }
}
