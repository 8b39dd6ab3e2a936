package io.gxpflow.deviation;

import static io.gxpflow.deviation.DeviationVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.gxpflow.compliance.RunAsSystem;
import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.engine.expression.TaskDue;
import io.gxpflow.identity.GxpGroup;
import io.gxpflow.identity.GxpProcess;
import io.gxpflow.integration.mes.MesPort;
import io.gxpflow.integration.mes.MesPort.BatchStatus;
import io.gxpflow.integration.qms.QmsPort;
import io.gxpflow.integration.qms.QmsPort.ActionStatus;
import io.gxpflow.integration.qms.QmsPort.CapaAction;
import io.gxpflow.integration.qms.QmsPort.Classification;
import io.gxpflow.integration.qms.QmsPort.DeviationStatus;
import io.gxpflow.support.ProcessTestEngine;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
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
 * Every path of bpmn/deviation-capa.bpmn on a plain in-memory engine with the real delegates and
 * listeners, the QMS, MES and audit trail mocked. The coverage extension fails the class unless
 * every flow node and sequence flow was passed, and writes its report to
 * target/process-test-coverage/.
 */
@Deployment(resources = {"bpmn/deviation-capa.bpmn", "bpmn/deviation-risk.dmn"})
class DeviationCapaProcessTest {

  static final String DEVIATION = "DEV-2026-0101";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(configuration())
          .assertClassCoverageAtLeast(1.0)
          .build();

  QmsPort qms = mock(QmsPort.class);
  MesPort mes = mock(MesPort.class);
  AuditTrail auditTrail = mock(AuditTrail.class);

  static ProcessEngineConfiguration configuration() {
    return ProcessTestEngine.configuration("deviation-capa-process-test");
  }

  @BeforeEach
  void wire() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-02T08:00:00Z")));
    when(qms.createDeviation(any(), anyString())).thenReturn(DEVIATION);
    when(qms.createCapa(eq(DEVIATION), any(), anyString())).thenReturn("CAPA-2026-0007");
    QmsDeviationSteps steps = new QmsDeviationSteps();
    BatchMessages batches = new BatchMessages();
    DueDates dueDates = new DueDates(auditTrail);
    Mocks.register("deviationIntake", new DeviationIntake());
    Mocks.register("qmsCreateDeviation", new CreateDeviationDelegate(qms));
    Mocks.register("qmsClassifyDeviation", steps.qmsClassifyDeviation(qms));
    Mocks.register("qmsRecordCapaPlan", steps.qmsRecordCapaPlan(qms));
    Mocks.register("qmsCompleteCapaActions", steps.qmsCompleteCapaActions(qms));
    Mocks.register("qmsCloseDeviation", steps.qmsCloseDeviation(qms));
    Mocks.register("qmsCloseCapa", steps.qmsCloseCapa(qms));
    Mocks.register("deviationDueDates", dueDates);
    RunAsSystem asSystem = mock(RunAsSystem.class);
    when(asSystem.call(any())).thenAnswer(call -> call.<Supplier<?>>getArgument(0).get());
    Mocks.register("deviationExtendDueDates", new DueDateExtension(dueDates, asSystem));
    Mocks.register("deviationExtensionRequest", new ExtensionRequestScope());
    Mocks.register("taskDue", new TaskDue());
    Mocks.register("deviationCapaOwnerOptions", new CapaOwnerOptions(asSystem));
    Mocks.register("deviationOverdue", new OverdueEscalation(auditTrail));
    CapaActionEvidence evidence = new CapaActionEvidence();
    Mocks.register("deviationActionDone", evidence.deviationActionDone());
    Mocks.register("deviationCollectActionEvidence", evidence.deviationCollectActionEvidence());
    Mocks.register("deviationHoldBatch", batches.deviationHoldBatch(mes, auditTrail));
    Mocks.register("deviationNotifyBatchRelease", batches.deviationNotifyBatchRelease(auditTrail));
  }

  @AfterEach
  void reset() {
    BpmnAwareTests.processEngine()
        .getIdentityService()
        .createUserQuery()
        .list()
        .forEach(u -> BpmnAwareTests.processEngine().getIdentityService().deleteUser(u.getId()));
    Mocks.reset();
    ClockUtil.reset();
  }

  // ---- paths
  // ------------------------------------------------------------------------------------------------

  @Test
  void aMinorDeviationFromTheStartFormIsClosedByQaWithoutInvestigation() {
    ProcessInstance deviation =
        runtimeService().startProcessInstanceByKey("deviation-capa", report(""));
    assertThat(deviation).isWaitingAt("Task_RecordInQms");
    runJobs(deviation);
    assertThat(deviation).hasBusinessKey(DEVIATION).isWaitingAt("Task_Assessment");

    assess(deviation, "none", "low", "first", "high", false);
    assertThat(deviation)
        .isWaitingAt("Task_QaApproval")
        .variables()
        .containsEntry(
            "classification",
            Map.of(
                "severity",
                "MINOR",
                "classificationReason",
                "No patient safety impact, low product quality impact, detectable, not recurring"))
        // flat copies for the forms: Tasklist does not read into a JSON object variable
        .containsEntry("proposedSeverity", "MINOR")
        .containsKey("classificationReason");
    complete(
        deviation,
        "Task_QaApproval",
        Map.of(
            "qaDecision",
            "approve",
            "closeWithoutInvestigation",
            true,
            "minorClosureRationale",
            "Label misprint caught at line clearance, no product affected"));
    runJobs(deviation);
    verify(qms).updateDeviation(eq(DEVIATION), eq(Classification.MINOR), isNull(), anyString());

    assertThat(deviation).isWaitingAt("Task_ClosureApproval").hasNotPassed("Task_Investigation");
    closeWithSignature(deviation);
    assertThat(deviation).isEnded().hasPassed("End_Closed");
    verify(qms)
        .closeDeviation(DEVIATION, "Closed as minor", idempotencyKey(deviation, "Task_CloseInQms"));
    assertThat(deviation)
        .variables()
        .containsEntry(DEVIATION_CLOSED.name(), true)
        .containsKey(DEVIATION_CLOSED_AT.name());
  }

  @Test
  void aMajorDeviationWithCapaRunsActionsPerOwnerAndAnEffectivenessCheck() {
    ProcessInstance deviation = reported("");
    // reported on Monday 2 Nov 08:00: the assessment is due at the end of Wednesday (2 working
    // days)
    assertThat(dueOf(deviation, "Task_Assessment")).isEqualTo(at("2026-11-05T00:00:00Z"));
    assess(deviation, "potential", "low", "first", "high", false);
    assertThat(dueOf(deviation, "Task_QaApproval")).isEqualTo(at("2026-11-05T00:00:00Z"));
    approve(deviation);
    // the investigation carries its case deadline
    assertThat(dueOf(deviation, "Task_Investigation")).isEqualTo(at("2026-11-29T08:00:00Z"));
    assertThat(deviation)
        .variables()
        .containsEntry(SEVERITY.name(), "MAJOR")
        .containsEntry(CLOSURE_DUE_DATE.name(), at("2026-12-02T08:00:00Z"))
        .containsEntry(INVESTIGATION_DUE_DATE.name(), at("2026-11-29T08:00:00Z"))
        .containsEntry(EFFECTIVENESS_CHECK_DAYS.name(), 90);
    verify(qms)
        .updateDeviation(
            eq(DEVIATION),
            eq(Classification.MAJOR),
            eq(DeviationStatus.UNDER_INVESTIGATION),
            anyString());

    investigate(deviation, true);
    planCapa(
        deviation,
        action("Retrain line operators on gowning", "corrective", "ivan", "2026-11-20"),
        action("Add gowning check to the batch record", "preventive", "ines", "2026-11-25"));
    verify(qms)
        .updateCapa(
            eq("CAPA-2026-0007"),
            argThat(
                actions ->
                    actions.size() == 2
                        && actions
                            .get(1)
                            .equals(
                                new CapaAction(
                                    "Add gowning check to the batch record",
                                    "ines",
                                    "2026-11-25",
                                    ActionStatus.OPEN))),
            eq(idempotencyKey(deviation, "Task_RecordCapa") + "@1"));

    List<Task> actions =
        taskService()
            .createTaskQuery()
            .processInstanceId(deviation.getId())
            .taskDefinitionKey("Task_CapaAction")
            .orderByTaskAssignee()
            .asc()
            .list();
    assertThat(actions).extracting(Task::getAssignee).containsExactly("ines", "ivan");
    // each action is due at the end of its own due date
    assertThat(actions)
        .extracting(Task::getDueDate)
        .containsExactly(at("2026-11-26T00:00:00Z"), at("2026-11-21T00:00:00Z"));
    for (Task action : actions) {
      taskService()
          .complete(action.getId(), Map.of("actionEvidence", "Done, see training record TR-77"));
    }
    runJobs(deviation);
    verify(qms)
        .updateCapa(
            eq("CAPA-2026-0007"),
            argThat(done -> done.stream().allMatch(a -> a.status() == ActionStatus.DONE)),
            anyString());
    // the evidence stays with the case for closure and the effectiveness check, with who did each
    // action
    assertThat(CAPA_ACTION_LIST.from(runtimeService().getVariables(deviation.getId())))
        .extracting(
            action -> action.get("evidence"),
            action -> action.get("completedBy"),
            action -> action.get("ownerName"))
        .containsExactlyInAnyOrder(
            tuple("Done, see training record TR-77", "ines", "ines"),
            tuple("Done, see training record TR-77", "ivan", "ivan"));

    assertThat(dueOf(deviation, "Task_ClosureApproval")).isEqualTo(at("2026-12-02T08:00:00Z"));
    closeWithSignature(deviation);
    assertThat(deviation).isWaitingAt("Timer_EffectivenessDue");
    Job effectivenessTimer = timer(deviation, "Timer_EffectivenessDue");
    assertThat(effectivenessTimer.getDuedate()).isEqualTo(at("2027-01-31T08:00:00Z"));
    execute(effectivenessTimer);
    // 10 working days from the task's creation (engine time, not moved by the test)
    assertThat(dueOf(deviation, "Task_EffectivenessCheck")).isEqualTo(at("2026-11-17T00:00:00Z"));
    complete(
        deviation,
        "Task_EffectivenessCheck",
        Map.of(
            "effectivenessResult",
            "effective",
            "effectivenessSummary",
            "No recurrence in 20 batches"));
    runJobs(deviation);
    verify(qms)
        .closeCapa(
            "CAPA-2026-0007",
            "No recurrence in 20 batches",
            idempotencyKey(deviation, "Task_CloseCapa"));
    assertThat(deviation).isEnded().hasPassed("End_CapaClosed");
  }

  @Test
  void aCriticalDeviationHoldsItsBatchesAndReleasesTheRunningBatchReleaseOnClosure() {
    ProcessInstance release = runningBatchRelease("B-2026-0043");
    ProcessInstance deviation = reported("b-2026-0043, B-2026-0044");
    assertThat(deviation)
        .variables()
        .containsEntry(AFFECTED_BATCH_NUMBERS.name(), List.of("B-2026-0043", "B-2026-0044"));

    assess(deviation, "actual", "high", "first", "low", true);
    assertThat(deviation).isWaitingAt("Task_HoldBatches#multiInstanceBody");
    runJobs(deviation);
    // the running release takes the hold; the other batch is held in the MES
    assertThat(release).isWaitingAt("WaitForDeviationClosed");
    verify(mes)
        .setBatchStatus(eq("B-2026-0044"), eq(BatchStatus.ON_HOLD), anyString(), anyString());
    verify(mes, never()).setBatchStatus(eq("B-2026-0043"), any(), any(), any());
    assertThat(deviation)
        .variables()
        .containsEntry(HELD_BATCH_NUMBERS.name(), List.of("B-2026-0043", "B-2026-0044"));

    approve(deviation);
    assertThat(deviation)
        .variables()
        .containsEntry(SEVERITY.name(), "CRITICAL")
        .containsEntry(CLOSURE_DUE_DATE.name(), at("2026-11-17T08:00:00Z"))
        .containsEntry(INVESTIGATION_DUE_DATE.name(), at("2026-11-14T08:00:00Z"));
    investigate(deviation, false);
    assertThat(deviation).isWaitingAt("Task_ClosureApproval").hasNotPassed("Task_CapaPlan");
    closeWithSignature(deviation);

    assertThat(release).isEnded();
    assertThat(deviation).isEnded().hasPassed("End_Closed").hasNotPassed("Timer_EffectivenessDue");
    assertThat(audited(AuditEventTypes.BATCH_MESSAGE_SENT))
        .extracting(e -> e.details())
        .anySatisfy(
            d ->
                assertThat(d)
                    .containsEntry("message", "DeviationClosed")
                    .containsEntry("receivedBy", 1))
        // sent for every affected batch, also one no release is waiting for: audited with no
        // receiver
        .anySatisfy(
            d ->
                assertThat(d)
                    .containsEntry("message", "DeviationClosed")
                    .containsEntry(BATCH_NUMBER.name(), "B-2026-0044")
                    .containsEntry("receivedBy", 0))
        .anySatisfy(
            d ->
                assertThat(d)
                    .containsEntry(BATCH_NUMBER.name(), "B-2026-0044")
                    .containsEntry("fallback", "MES ON_HOLD"));
  }

  @Test
  void qaReturnsTheAssessmentWithAReasonAndThenReclassifies() {
    ProcessInstance deviation = reported("");
    assess(deviation, "none", "low", "first", "high", false);
    complete(
        deviation,
        "Task_QaApproval",
        Map.of(
            "qaDecision",
            "return",
            "returnReason",
            "Detectability is overstated: the check is manual"));
    assertThat(deviation)
        .isWaitingAt("Task_Assessment")
        .variables()
        .containsEntry(CLASSIFICATION_RETURNS.name(), 1L)
        .containsEntry("lastReturnReason", "Detectability is overstated: the check is manual");

    assess(deviation, "none", "low", "first", "medium", false);
    complete(
        deviation,
        "Task_QaApproval",
        Map.of(
            "qaDecision",
            "reclassify",
            "qaSeverity",
            "MAJOR",
            "reclassificationReason",
            "Third event on this line this year"));
    runJobs(deviation);
    assertThat(deviation)
        .isWaitingAt("Task_Investigation")
        .variables()
        .containsEntry(SEVERITY.name(), "MAJOR")
        .containsEntry(CLASSIFICATION_RETURNS.name(), 1L);
  }

  @Test
  void anExtensionMovesTheLockedDueDatesOnlyWhenQaApprovesIt() {
    ProcessInstance deviation = reported("");
    assess(deviation, "potential", "low", "first", "high", false);
    approve(deviation);
    Job investigationTimer = timer(deviation, "Timer_InvestigationOverdue");
    assertThat(investigationTimer.getDuedate()).isEqualTo(at("2026-11-29T08:00:00Z"));

    requestExtension(deviation, "2026-12-15");
    complete(
        deviation,
        "Task_ExtensionDecision",
        Map.of(
            "extensionDecision",
            "reject",
            "extensionComment",
            "No reason given why the root cause is not known yet"));
    assertThat(deviation)
        .hasPassed("End_ExtensionRejected")
        .variables()
        .containsEntry(CLOSURE_DUE_DATE.name(), at("2026-12-02T08:00:00Z"));

    requestExtension(deviation, "2026-12-15");
    complete(
        deviation,
        "Task_ExtensionDecision",
        Map.of("extensionDecision", "approve", "extensionComment", "Lab results pending"));
    // closure due: end of 15 Dec (UTC); the investigation keeps its three days' lead and its timer
    // follows
    assertThat(deviation)
        .hasPassed("End_DueDatesMoved")
        .variables()
        .containsEntry(CLOSURE_DUE_DATE.name(), at("2026-12-16T00:00:00Z"))
        .containsEntry(INVESTIGATION_DUE_DATE.name(), at("2026-12-13T00:00:00Z"));
    assertThat(
            managementService()
                .createJobQuery()
                .jobId(investigationTimer.getId())
                .singleResult()
                .getDuedate())
        .isEqualTo(at("2026-12-13T00:00:00Z"));
    assertThat(dueOf(deviation, "Task_Investigation")).isEqualTo(at("2026-12-13T00:00:00Z"));
    assertThat(audited(AuditEventTypes.DUE_DATE_CHANGED))
        .extracting(e -> e.details())
        .anySatisfy(
            d ->
                assertThat(d)
                    .containsEntry("oldValue", "2026-12-02T08:00:00Z")
                    .containsEntry("newValue", "2026-12-16T00:00:00Z")
                    .containsEntry("reason", "extension requested by ivan: Lab results pending"));
    assertThat(deviation).isWaitingAt("Task_Investigation");
  }

  @Test
  void twoPendingExtensionRequestsEachKeepTheirOwnDateAndReason() {
    ProcessInstance deviation = reported("");
    assess(deviation, "potential", "low", "first", "high", false);
    approve(deviation);
    requestExtension(deviation, "2027-02-15", "Supplier audit report outstanding", "ivan");
    requestExtension(deviation, "2027-03-15", "Stability data due in March", "ines");

    List<Task> decisions = extensionDecisions(deviation);
    assertThat(decisions).hasSize(2);
    // what each QA task (and its form) sees
    assertThat(decisions)
        .extracting(t -> taskService().getVariables(t.getId()))
        .anySatisfy(
            v ->
                assertThat(v)
                    .containsEntry(REQUESTED_DUE_DATE.name(), "2027-02-15")
                    .containsEntry(EXTENSION_REASON.name(), "Supplier audit report outstanding")
                    .containsEntry(EXTENSION_REQUESTED_BY.name(), "ivan"))
        .anySatisfy(
            v ->
                assertThat(v)
                    .containsEntry(REQUESTED_DUE_DATE.name(), "2027-03-15")
                    .containsEntry(EXTENSION_REASON.name(), "Stability data due in March")
                    .containsEntry(EXTENSION_REQUESTED_BY.name(), "ines"));
    assertThat(runtimeService().getVariables(deviation.getId()))
        .doesNotContainKeys(REQUESTED_DUE_DATE.name(), EXTENSION_REASON.name());

    // approving the first applies the first request's date and reason
    taskService()
        .complete(
            decisionFor(deviation, "2027-02-15").getId(),
            Map.of("extensionDecision", "approve", "extensionComment", "Audit report agreed"));
    assertThat(deviation)
        .variables()
        .containsEntry(CLOSURE_DUE_DATE.name(), at("2027-02-16T00:00:00Z"));
    assertThat(audited(AuditEventTypes.DUE_DATE_CHANGED))
        .extracting(e -> e.details().get("reason"))
        .contains("extension requested by ivan: Supplier audit report outstanding");

    // the second is still pending with its own data; rejecting it changes nothing
    Task second = decisionFor(deviation, "2027-03-15");
    assertThat(taskService().getVariables(second.getId()))
        .containsEntry(EXTENSION_REQUESTED_BY.name(), "ines")
        .doesNotContainEntry("extensionDecision", "approve");
    taskService()
        .complete(
            second.getId(),
            Map.of("extensionDecision", "reject", "extensionComment", "One extension is enough"));
    assertThat(deviation)
        .variables()
        .containsEntry(CLOSURE_DUE_DATE.name(), at("2027-02-16T00:00:00Z"));
    assertThat(extensionDecisions(deviation)).isEmpty();
  }

  @Test
  void anExtensionApprovedAfterALaterOneDoesNotShortenTheDueDate() {
    ProcessInstance deviation = reported("");
    assess(deviation, "potential", "low", "first", "high", false);
    approve(deviation);
    requestExtension(deviation, "2027-02-15", "Supplier audit report outstanding", "ivan");
    requestExtension(deviation, "2027-03-15", "Stability data due in March", "ines");

    taskService()
        .complete(
            decisionFor(deviation, "2027-03-15").getId(),
            Map.of("extensionDecision", "approve", "extensionComment", "Stability data needed"));
    taskService()
        .complete(
            decisionFor(deviation, "2027-02-15").getId(),
            Map.of("extensionDecision", "approve", "extensionComment", "Agreed as well"));

    assertThat(deviation)
        .variables()
        .containsEntry(CLOSURE_DUE_DATE.name(), at("2027-03-16T00:00:00Z"));
    assertThat(dueOf(deviation, "Task_Investigation")).isEqualTo(at("2027-03-13T00:00:00Z"));
  }

  @Test
  void everyUserTaskOfTheModelHasADueDate() {
    BpmnModelInstance model =
        repositoryService()
            .getBpmnModelInstance(
                repositoryService()
                    .createProcessDefinitionQuery()
                    .processDefinitionKey("deviation-capa")
                    .latestVersion()
                    .singleResult()
                    .getId());
    assertThat(model.getModelElementsByType(UserTask.class))
        .isNotEmpty()
        .allSatisfy(task -> assertThat(task.getCamundaDueDate()).as(task.getId()).isNotBlank());
  }

  @Test
  void theCapaPlanOffersThePeopleWhoWorkInDeviationsAsOwners() {
    IdentityService identity = BpmnAwareTests.processEngine().getIdentityService();
    person(identity, "paul", "Paul", "Production", "production");
    person(identity, "ivan", "Ivan", "Investigator", "investigators");
    person(identity, "quinn", "Quinn", "Quality", "qa");
    person(identity, "oscar", "Oscar", "Operator", "ops");
    ProcessInstance deviation = reported("");
    assess(deviation, "potential", "low", "first", "high", false);
    approve(deviation);
    investigate(deviation, true);

    Task plan =
        taskService()
            .createTaskQuery()
            .processInstanceId(deviation.getId())
            .taskDefinitionKey("Task_CapaPlan")
            .singleResult();
    assertThat(taskService().getVariablesLocal(plan.getId()))
        .containsEntry(
            "capaOwnerOptions",
            List.of(
                Map.of("label", "Ivan Investigator", "value", "ivan"),
                Map.of("label", "Paul Production", "value", "paul"),
                Map.of("label", "Quinn Quality", "value", "quinn")));
    assertThat(dueOf(deviation, "Task_CapaPlan")).isEqualTo(at("2026-11-10T00:00:00Z"));
    // the owners' groups are the action task's candidate groups: each owner finds it in a queue
    UserTask action =
        repositoryService()
            .getBpmnModelInstance(deviation.getProcessDefinitionId())
            .getModelElementById("Task_CapaAction");
    assertThat(action.getCamundaCandidateGroupsList())
        .containsExactlyInAnyOrderElementsOf(
            GxpProcess.DEVIATION_CAPA.participants().stream().map(GxpGroup::id).toList());
  }

  static void person(IdentityService identity, String id, String first, String last, String group) {
    User user = identity.newUser(id);
    user.setFirstName(first);
    user.setLastName(last);
    identity.saveUser(user);
    if (identity.createGroupQuery().groupId(group).count() == 0) {
      identity.saveGroup(identity.newGroup(group));
    }
    identity.createMembership(id, group);
  }

  @Test
  void overdueInvestigationAndActionsEscalateToQaWithoutStoppingTheWork() {
    ProcessInstance deviation = reported("");
    assess(deviation, "potential", "low", "first", "high", false);
    approve(deviation);

    ClockUtil.setCurrentTime(at("2026-11-30T08:00:00Z"));
    execute(timer(deviation, "Timer_InvestigationOverdue"));
    assertThat(deviation).isWaitingAt("Task_Investigation", "Task_EscalateInvestigation");
    complete(
        deviation,
        "Task_EscalateInvestigation",
        Map.of("escalationAction", "Called the investigator"));
    assertThat(deviation).hasPassed("End_InvestigationEscalated");

    investigate(deviation, true);
    planCapa(deviation, action("Replace the sensor", "corrective", "ivan", "2026-12-01"));
    Job actionTimer = timer(deviation, "Timer_ActionOverdue");
    assertThat(actionTimer.getDuedate()).isEqualTo(at("2026-12-02T00:00:00Z"));
    execute(actionTimer);
    complete(
        deviation,
        "Task_EscalateAction",
        Map.of("escalationAction", "Owner reminded, new ETA agreed"));
    assertThat(deviation).hasPassed("End_ActionEscalated").isWaitingAt("Task_CapaAction");
    assertThat(audited(AuditEventTypes.DEADLINE_MISSED))
        .extracting(e -> e.details())
        .anySatisfy(d -> assertThat(d).containsEntry("timer", "Timer_InvestigationOverdue"))
        .anySatisfy(
            d ->
                assertThat(d)
                    .containsEntry("timer", "Timer_ActionOverdue")
                    .containsEntry("owner", "ivan"));
  }

  @Test
  void anIneffectiveCapaStartsANewRoundAfterTheDeviationIsClosed() {
    ProcessInstance deviation = reported("");
    assess(deviation, "potential", "low", "first", "high", false);
    approve(deviation);
    investigate(deviation, true);
    planCapa(deviation, action("Retrain", "corrective", "ivan", "2026-11-20"));
    completeActions(deviation);
    closeWithSignature(deviation);
    execute(timer(deviation, "Timer_EffectivenessDue"));
    complete(
        deviation,
        "Task_EffectivenessCheck",
        Map.of(
            "effectivenessResult",
            "notEffective",
            "effectivenessSummary",
            "Same event twice since"));

    assertThat(deviation)
        .isWaitingAt("Task_CapaPlan")
        .variables()
        .containsEntry(CAPA_ROUND.name(), 2L);
    // the plan form still holds round 1's second slot ticked off: one action this round
    planCapa(deviation, action("Automate the check", "preventive", "ivan", "2027-02-01"));
    verify(qms, times(1)).createCapa(any(), any(), any());
    verify(qms)
        .updateCapa(
            eq("CAPA-2026-0007"),
            anyList(),
            eq(idempotencyKey(deviation, "Task_RecordCapa") + "@2"));
    completeActions(deviation);
    // the deviation is closed already: straight back to the effectiveness check, no second closure
    assertThat(deviation).isWaitingAt("Timer_EffectivenessDue");
    verify(qms, times(1)).closeDeviation(any(), any(), any());
    execute(timer(deviation, "Timer_EffectivenessDue"));
    complete(
        deviation,
        "Task_EffectivenessCheck",
        Map.of("effectivenessResult", "effective", "effectivenessSummary", "No recurrence"));
    runJobs(deviation);
    assertThat(deviation).isEnded().hasPassed("End_CapaClosed");
  }

  @Test
  void cancellationNeedsQaApprovalAndThenEndsTheDeviation() {
    ProcessInstance deviation = reported("B-2026-0045");
    assess(deviation, "none", "low", "first", "high", true);
    runJobs(deviation);

    requestCancellation(deviation);
    complete(
        deviation,
        "Task_CancellationDecision",
        Map.of(
            "cancellationDecision",
            "reject",
            "cancellationComment",
            "Not a duplicate: different line"));
    assertThat(deviation).hasPassed("End_CancellationRejected").isWaitingAt("Task_QaApproval");

    requestCancellation(deviation);
    complete(
        deviation,
        "Task_CancellationDecision",
        Map.of(
            "cancellationDecision",
            "approve",
            "cancellationComment",
            "Same event as DEV-2026-0099"));
    runJobs(deviation);
    verify(qms)
        .closeDeviation(
            DEVIATION,
            "Cancelled (duplicate): Same as DEV-2026-0099",
            idempotencyKey(deviation, "Task_CancelInQms"));
    assertThat(deviation).isEnded().hasPassed("End_Cancelled");
    assertThat(
            historyService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(deviation.getId())
                .variableName("deviationCancelled")
                .singleResult()
                .getValue())
        .isEqualTo(true);
  }

  // ---- steps
  // ------------------------------------------------------------------------------------------------

  ProcessInstance reported(String batches) {
    ProcessInstance deviation =
        runtimeService()
            .createMessageCorrelation("DeviationReported")
            .setVariables(report(batches))
            .correlateStartMessage();
    runJobs(deviation);
    assertThat(deviation).hasBusinessKey(DEVIATION).isWaitingAt("Task_Assessment");
    return deviation;
  }

  static Map<String, Object> report(String batches) {
    Map<String, Object> report = new HashMap<>();
    report.put("title", "Temperature excursion in cold room 2");
    report.put("description", "24 °C for 40 minutes during the night shift");
    report.put("occurredAt", "2026-11-01T23:10:00Z");
    report.put("site", "Basel");
    report.put("product", "P-100");
    report.put("affectedBatches", batches);
    report.put("category", "environment");
    report.put("containmentActions", "Product moved to cold room 1");
    return report;
  }

  void assess(
      ProcessInstance deviation,
      String safety,
      String quality,
      String occurrence,
      String detectability,
      boolean batchImpact) {
    complete(
        deviation,
        "Task_Assessment",
        Map.of(
            "patientSafetyImpact",
            safety,
            "productQualityImpact",
            quality,
            "occurrence",
            occurrence,
            "detectability",
            detectability,
            "batchImpact",
            batchImpact,
            "assessmentSummary",
            "Assessed against the cold chain SOP"));
  }

  void approve(ProcessInstance deviation) {
    complete(deviation, "Task_QaApproval", Map.of("qaDecision", "approve"));
    runJobs(deviation);
    assertThat(deviation).isWaitingAt("Task_Investigation");
  }

  void investigate(ProcessInstance deviation, boolean capaRequired) {
    Map<String, Object> investigation =
        new HashMap<>(
            Map.of(
                "rootCauseMethod",
                "fiveWhys",
                "rootCauseCategory",
                "equipment",
                "findings",
                "Door sensor failed, alarm not escalated",
                "capaRequired",
                capaRequired));
    if (!capaRequired) {
      investigation.put("noCapaRationale", "Sensor replaced under maintenance; isolated failure");
    }
    complete(deviation, "Task_Investigation", investigation);
  }

  /**
   * The plan form's action slots: action1…, and action2…/action3… with addAction2/addAction3
   * ticked.
   */
  @SafeVarargs
  final void planCapa(ProcessInstance deviation, Map<String, Object>... actions) {
    Map<String, Object> plan = new HashMap<>(Map.of("capaTitle", "Cold room door alarms"));
    for (int n = 1; n <= 3; n++) {
      if (n > 1) {
        plan.put("addAction" + n, n <= actions.length);
      }
      if (n <= actions.length) {
        int slot = n;
        actions[n - 1].forEach((field, value) -> plan.put("action" + slot + field, value));
      }
    }
    complete(deviation, "Task_CapaPlan", plan);
    runJobs(deviation);
  }

  void completeActions(ProcessInstance deviation) {
    for (Task action :
        taskService()
            .createTaskQuery()
            .processInstanceId(deviation.getId())
            .taskDefinitionKey("Task_CapaAction")
            .list()) {
      taskService().complete(action.getId(), Map.of("actionEvidence", "Done, see record"));
    }
    runJobs(deviation);
  }

  void closeWithSignature(ProcessInstance deviation) {
    complete(deviation, "Task_ClosureApproval", Map.of("closureSummary", "Closed as minor"));
    runJobs(deviation);
  }

  void requestExtension(ProcessInstance deviation, String date) {
    requestExtension(deviation, date, "Lab results pending", "ivan");
  }

  /** As DeviationRequestController correlates it. */
  void requestExtension(ProcessInstance deviation, String date, String reason, String by) {
    runtimeService()
        .createMessageCorrelation("DeviationExtensionRequested")
        .processInstanceId(deviation.getId())
        .setVariablesLocal(
            Map.of("requestedDueDate", date, "extensionReason", reason, "extensionRequestedBy", by))
        .correlateWithResult();
  }

  static List<Task> extensionDecisions(ProcessInstance deviation) {
    return taskService()
        .createTaskQuery()
        .processInstanceId(deviation.getId())
        .taskDefinitionKey("Task_ExtensionDecision")
        .list();
  }

  static Task decisionFor(ProcessInstance deviation, String requestedDueDate) {
    return extensionDecisions(deviation).stream()
        .filter(
            t ->
                requestedDueDate.equals(
                    taskService().getVariable(t.getId(), REQUESTED_DUE_DATE.name())))
        .findFirst()
        .orElseThrow();
  }

  static Date dueOf(ProcessInstance deviation, String taskKey) {
    Task task =
        taskService()
            .createTaskQuery()
            .processInstanceId(deviation.getId())
            .taskDefinitionKey(taskKey)
            .singleResult();
    assertThat(task).as("task %s", taskKey).isNotNull();
    return task.getDueDate();
  }

  void requestCancellation(ProcessInstance deviation) {
    runtimeService()
        .createMessageCorrelation("DeviationCancellationRequested")
        .processInstanceId(deviation.getId())
        .setVariablesLocal(
            Map.of(
                "cancellationType",
                "duplicate",
                "cancellationReason",
                "Same as DEV-2026-0099",
                "cancellationRequestedBy",
                "paul"))
        .correlateWithResult();
  }

  static void complete(ProcessInstance deviation, String taskKey, Map<String, Object> variables) {
    Task task =
        taskService()
            .createTaskQuery()
            .processInstanceId(deviation.getId())
            .taskDefinitionKey(taskKey)
            .singleResult();
    assertThat(task).as("task %s", taskKey).isNotNull();
    taskService().complete(task.getId(), variables);
  }

  static Map<String, Object> action(String description, String type, String owner, String dueDate) {
    return Map.of("Description", description, "Type", type, "Owner", owner, "DueDate", dueDate);
  }

  /**
   * A batch release waiting to be held and released again, as the contract's messages expect it.
   */
  ProcessInstance runningBatchRelease(String batchNumber) {
    repositoryService()
        .createDeployment()
        .addModelInstance(
            "batch-release.bpmn",
            Bpmn.createExecutableProcess("batch-release")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .intermediateCatchEvent("WaitForHold")
                .message("BatchHoldRequested")
                .intermediateCatchEvent("WaitForDeviationClosed")
                .message("DeviationClosed")
                .endEvent()
                .done())
        .deploy();
    return runtimeService().startProcessInstanceByKey("batch-release", batchNumber);
  }

  List<AuditEvent> audited(String type) {
    ArgumentCaptor<AuditEvent> events = ArgumentCaptor.forClass(AuditEvent.class);
    verify(auditTrail, Mockito.atLeastOnce()).record(events.capture());
    return events.getAllValues().stream().filter(e -> e.type().equals(type)).toList();
  }

  static String idempotencyKey(ProcessInstance deviation, String activity) {
    return deviation.getId() + ":" + activity;
  }

  /**
   * Runs the instance's due jobs (async continuations) until none is left, as the job executor
   * would.
   */
  static void runJobs(ProcessInstance deviation) {
    List<Job> due;
    while (!(due =
            managementService()
                .createJobQuery()
                .processInstanceId(deviation.getId())
                .executable()
                .list())
        .isEmpty()) {
      due.forEach(BpmnAwareTests::execute);
    }
  }

  static Job timer(ProcessInstance deviation, String activityId) {
    return managementService()
        .createJobQuery()
        .processInstanceId(deviation.getId())
        .activityId(activityId)
        .timers()
        .singleResult();
  }

  static Date at(String instant) {
    return Date.from(Instant.parse(instant));
  }
}
