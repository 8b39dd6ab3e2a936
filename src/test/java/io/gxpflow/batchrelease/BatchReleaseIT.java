package io.gxpflow.batchrelease;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gxpflow.batchrelease.kpi.BatchFacts;
import io.gxpflow.batchrelease.kpi.BatchFacts.Status;
import io.gxpflow.batchrelease.kpi.BatchKpiService;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.integration.contract.CrmOperations;
import io.gxpflow.integration.contract.MesOperations;
import io.gxpflow.simulator.CrmSimulator;
import io.gxpflow.simulator.MesSimulator;
import io.gxpflow.simulator.MesSimulator.Deviation;
import io.gxpflow.simulator.QmsSimulator;
import io.gxpflow.simulator.QmsSimulator.OosResult;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.PdfCopies;
import io.gxpflow.support.RestClientForUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13: the shipped bpmn/batch-release.bpmn together with bpmn/deviation-capa.bpmn, as the
 * systems and people of the contract run them: the MES (mes-bridge) reports the batch record
 * complete over the events API, paul reports a deviation for the batch on the start form, ivan,
 * quinn and paul work it to closure over the Camunda REST API, and petra certifies through the
 * signature API. The batch is seeded in the MES and QMS simulators under a number of its own per
 * run, so reruns and a shared PostgreSQL database do not collide; what the MES and CRM received is
 * read from the simulators' stored writes (one per Idempotency-Key, i.e. per applied change) and
 * from the audit trail's SYSTEM_CALL events.
 */
@IntegrationTest
class BatchReleaseIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String EVENTS = "/api/events/mes/batch-record-completed";
  static final String SIM_KEY = "demo-simulator-key";
  static final String PRODUCT = "P-100";
  static final String QP_MEANING = "Certified for release (EU GMP Annex 16)";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired MesSimulator mes;
  @Autowired QmsSimulator qms;
  @Autowired CrmSimulator crm;
  @Autowired JdbcTemplate jdbc;
  @Autowired BatchKpiService kpiService;
  RestClientForUsers http;

  @BeforeEach
  void client() {
    http = new RestClientForUsers(rest);
  }

  @Test
  void aBatchHeldForAMajorDeviationIsReleasedOnceTheDeviationClosesAndTheQpSigns()
      throws Exception {
    // a minor exception in the batch record: QA reviews it (EXCEPTIONS_ONLY), then the QP
    String batch =
        seedBatch(
            "B-IT-REL-",
            List.of(new Deviation("EXC-1", "Label reprint during packaging", "MINOR")),
            List.of());
    String release = batchRecordCompleted(batch, List.of("CH", "DE"), Duration.ofDays(2));
    // QA has the batch before the deviation is known
    awaitTask(release, "Task_QaReview");
    assertThat(runtimeService.getVariable(release, "reviewDepth")).isEqualTo("EXCEPTIONS_ONLY");

    // paul reports a deviation for this batch; ivan's assessment finds batch impact
    String deviation = reportDeviation(batch, "Blend uniformity out of trend");
    String deviationId = businessKey(deviation);
    complete("ivan", deviation, "Task_Assessment", assessment(true));

    // BatchHoldRequested reached the release: held in OnHold, ON_HOLD in the MES, no task left
    awaitActivity(release, "OnHold");
    assertThat(runtimeService.getVariable(release, "openDeviations"))
        .isEqualTo(List.of(deviationId));
    assertThat(taskService.createTaskQuery().processInstanceId(release).count()).isZero();
    await().atMost(Duration.ofSeconds(30)).until(() -> mesStatus(batch), "ON_HOLD"::equals);

    // the deviation is worked to closure over REST
    complete("quinn", deviation, "Task_QaApproval", Map.of("qaDecision", "approve"));
    complete("ivan", deviation, "Task_Investigation", investigation());
    assertThat(sim("/sim/qms/deviations/" + deviationId).path("classification").asText())
        .isEqualTo("MAJOR");
    complete("ivan", deviation, "Task_CapaPlan", capaPlan());
    complete(
        "paul",
        deviation,
        "Task_CapaAction",
        Map.of("actionEvidence", "Blender speed interlock installed, CR-2026-0412"));
    // still held while the deviation is open
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(release)
                .activityId("OnHold")
                .unfinished()
                .count())
        .isOne();
    String closure = claim("quinn", deviation, "Task_ClosureApproval");
    ResponseEntity<String> closed =
        sign(
            "quinn",
            closure,
            "Deviation closure approved",
            Map.of("closureSummary", "Root cause fixed, CAPA implemented"));
    assertThat(closed.getStatusCode()).as(closed.getBody()).isEqualTo(HttpStatus.CREATED);
    // closed in the QMS by its own job, then DeviationClosed
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> sim("/sim/qms/deviations/" + deviationId).path("status").asText(),
            "CLOSED"::equals);

    // DeviationClosed: the checks run again (the closed deviation no longer counts), QA reviews
    // the minor exception as the depth says, then the QP
    awaitTask(release, "Task_QaReview");
    assertThat(runtimeService.getVariable(release, "checkRound")).isEqualTo(2);
    assertThat(runtimeService.getVariable(release, "openDeviations")).isEqualTo(List.of());
    assertThat(runtimeService.getVariable(release, "reviewDepth")).isEqualTo("EXCEPTIONS_ONLY");
    assertThat(runtimeService.getVariable(release, "allChecksCompliant")).isEqualTo(true);
    complete(
        "quinn",
        release,
        "Task_QaReview",
        Map.of("qaReviewAcceptable", true, "qaReviewComment", "Reprint reconciled, acceptable"));
    JsonNode kpisBefore = kpis();
    String certification = claim("petra", release, "Task_QpCertification");
    ResponseEntity<String> certified =
        sign(
            "petra",
            certification,
            QP_MEANING,
            Map.of(
                "releaseDecision",
                "RELEASE",
                "releaseJustification",
                "Deviation " + deviationId + " closed without impact on this batch"));
    assertThat(certified.getStatusCode()).as(certified.getBody()).isEqualTo(HttpStatus.CREATED);

    HistoricProcessInstance ended = awaitEnded(release);
    assertThat(ended.getEndActivityId()).isEqualTo("EndEvent_Released");
    assertThat(mesStatus(batch)).isEqualTo("RELEASED");
    // the MES took one hold and one release, the CRM one supply per intended market
    assertThat(simulatorWrites(MesSimulator.SYSTEM, MesOperations.SET_STATUS, release, "status"))
        .containsExactlyInAnyOrder("ON_HOLD", "RELEASED");
    assertThat(
            simulatorWrites(CrmSimulator.SYSTEM, CrmOperations.PUBLISH_SUPPLY, release, "market"))
        .containsExactlyInAnyOrder("CH", "DE");
    assertThat(
            simulatorWrites(
                CrmSimulator.SYSTEM, CrmOperations.PUBLISH_SUPPLY, release, "batchNumber"))
        .containsOnly(batch);
    for (String market : List.of("CH", "DE")) {
      assertThat(crm.supply(PRODUCT, market))
          .as(market)
          .hasValueSatisfying(
              supply -> assertThat(supply.path("status").asText()).isEqualTo("AVAILABLE"));
    }

    JsonNode audit = audit(batch);
    assertThat(systemCalls(audit, "MES", MesOperations.SET_STATUS, ":Task_ReleaseInMes"))
        .isEqualTo(1);
    assertThat(systemCalls(audit, "CRM", CrmOperations.PUBLISH_SUPPLY, ":Task_PublishSupply"))
        .isEqualTo(2);
    assertThat(audit)
        .filteredOn(event -> event.path("type").asText().equals(AuditEventTypes.SIGNATURE))
        .singleElement()
        .satisfies(
            signature -> {
              assertThat(signature.path("actor").asText()).isEqualTo("petra");
              assertThat(signature.path("details").path("meaning").asText()).isEqualTo(QP_MEANING);
            });

    // the deviation's messages each reached this release once
    JsonNode deviationAudit = audit(deviationId);
    for (String message : List.of("BatchHoldRequested", "DeviationClosed")) {
      assertThat(deviationAudit)
          .filteredOn(
              event -> event.path("type").asText().equals(AuditEventTypes.BATCH_MESSAGE_SENT))
          .filteredOn(event -> event.path("details").path("message").asText().equals(message))
          .singleElement()
          .satisfies(
              sent -> {
                assertThat(sent.path("details").path("batchNumber").asText()).isEqualTo(batch);
                assertThat(sent.path("details").path("receivedBy").asInt()).isEqualTo(1);
              });
    }

    // the batch's GxP record, as the QP reads it: the product as the MES named it, the checks QA
    // and the QP decided on, and the deviation that held the batch (its hold request came during
    // QA review and it closed before the next checks, so only its own trail names the batch)
    ResponseEntity<String> read = http.get("petra", "/api/records/" + batch);
    assertThat(read.getStatusCode()).as(read.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode record = json(read);
    assertThat(record.path("title").asText())
        .isEqualTo("Amoxicillin 500 mg capsules (P-100), batch " + batch);
    // its PDF copy, PDF/A, with the same title and the deviation linked
    assertThat(PdfCopies.recordText(rest, "petra", batch))
        .contains("Amoxicillin 500 mg capsules (P-100), batch " + batch)
        .contains(record.path("links").get(0).path("businessKey").asText())
        .contains(record.path("audit").path("sha256").asText());
    Map<String, String> header = new HashMap<>();
    record
        .path("header")
        .forEach(f -> header.put(f.path("label").asText(), f.path("value").asText()));
    assertThat(header)
        .containsEntry("Site", "Basel")
        .containsEntry("Intended markets", "CH, DE")
        .containsEntry("Release checks", "Round 2: all compliant, 1 finding")
        .containsEntry("Review depth", "Review by exception")
        .containsEntry("Disposition", "Released");
    assertThat(header.get("QA review")).startsWith("Acceptable for release (quinn, ");
    assertThat(header.get("QP decision")).startsWith("Certified for release (petra, ");
    assertThat(header.get("MES status set")).startsWith("RELEASED ");
    assertThat(Instant.parse(header.get("Release target")))
        .isEqualTo(
            ((Date)
                    historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(release)
                        .variableName("releaseTargetDate")
                        .singleResult()
                        .getValue())
                .toInstant());
    assertThat(record.path("links"))
        .singleElement()
        .satisfies(
            link -> {
              assertThat(link.path("relation").asText()).isEqualTo("Deviation");
              assertThat(link.path("businessKey").asText()).isEqualTo(deviationId);
              assertThat(link.path("description").asText())
                  .startsWith("hold requested ")
                  .contains("; deviation closed ");
            });

    // the KPIs count it as released, with a lead time from the batch record's completion
    JsonNode kpisAfter = kpis();
    assertThat(delta(kpisBefore, kpisAfter, "/batches/released")).isPositive();
    assertThat(delta(kpisBefore, kpisAfter, "/leadTime/batches")).isPositive();
    BatchFacts facts = facts(release);
    assertThat(facts.status()).isEqualTo(Status.RELEASED);
    assertThat(facts.endEvent()).isEqualTo("EndEvent_Released");
    assertThat(facts.batchNumber()).isEqualTo(batch);
    assertThat(facts.leadTimeStart()).isEqualTo(facts.batchRecordCompletedAt());
    assertThat(Duration.between(facts.leadTimeStart(), facts.decidedAt()))
        .isBetween(Duration.ofDays(2), Duration.ofDays(2).plusMinutes(10));
    assertThat(facts.holds()).singleElement().satisfies(hold -> assertThat(hold.end()).isNotNull());
  }

  @Test
  void theQpRejectsWithAJustificationAndIsRefusedWithoutOne() throws Exception {
    // QC found an OOS result: not compliant, a full review
    String batch =
        seedBatch(
            "B-IT-REJ-",
            List.of(),
            List.of(qms.oos("Dissolution (Q, 30 min)", "72 %", "not less than 80 %")));
    String release = batchRecordCompleted(batch, List.of("CH"), Duration.ofDays(1));
    complete(
        "quinn",
        release,
        "Task_QaReview",
        Map.of("qaReviewAcceptable", false, "qaReviewComment", "OOS confirmed by retest"));
    assertThat(runtimeService.getVariable(release, "allChecksCompliant")).isEqualTo(false);

    // without a justification the QP's signature is refused, naming the field; nothing changes
    String certification = claim("petra", release, "Task_QpCertification");
    ResponseEntity<String> refused =
        sign("petra", certification, QP_MEANING, Map.of("releaseDecision", "REJECT"));
    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(refused).path("type").asText()).endsWith("invalid-task-input");
    assertThat(json(refused).path("errors").toString())
        .contains("\"field\":\"releaseJustification\"");
    assertThat(taskService.createTaskQuery().taskId(certification).singleResult()).isNotNull();
    assertThat(runtimeService.getVariable(release, "releaseDecision")).isNull();
    assertThat(mesStatus(batch)).isEqualTo("IN_REVIEW");
    assertThat(audit(batch))
        .noneMatch(event -> event.path("type").asText().equals(AuditEventTypes.SIGNATURE));
    assertThat(json(http.get("quinn", "/api/signatures?businessKey=" + batch))).isEmpty();
    assertThat(simulatorWrites(MesSimulator.SYSTEM, MesOperations.SET_STATUS, release, "status"))
        .isEmpty();

    ResponseEntity<String> rejected =
        sign(
            "petra",
            certification,
            QP_MEANING,
            Map.of(
                "releaseDecision",
                "REJECT",
                "releaseJustification",
                "Dissolution OOS confirmed, no assignable laboratory cause"));
    assertThat(rejected.getStatusCode()).as(rejected.getBody()).isEqualTo(HttpStatus.CREATED);

    HistoricProcessInstance ended = awaitEnded(release);
    assertThat(ended.getEndActivityId()).isEqualTo("EndEvent_Rejected");
    assertThat(mesStatus(batch)).isEqualTo("REJECTED");
    assertThat(simulatorWrites(MesSimulator.SYSTEM, MesOperations.SET_STATUS, release, "status"))
        .containsExactly("REJECTED");
    assertThat(
            simulatorWrites(CrmSimulator.SYSTEM, CrmOperations.PUBLISH_SUPPLY, release, "market"))
        .isEmpty();
    assertThat(systemCalls(audit(batch), "MES", MesOperations.SET_STATUS, ":Task_RejectInMes"))
        .isEqualTo(1);

    // the rejection started a deviation-capa for this batch
    String deviation =
        (String)
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(release)
                .variableName("rejectionDeviationInstance")
                .singleResult()
                .getValue();
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(deviation)
                .singleResult()
                .getProcessDefinitionKey())
        .isEqualTo("deviation-capa");
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(deviation)
                .variableName("affectedBatchNumbers")
                .singleResult()
                .getValue())
        .isEqualTo(List.of(batch));
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(deviation)
                .variableName("category")
                .singleResult()
                .getValue())
        .isEqualTo("laboratory");
  }

  // ---- the batch and its release
  // ----------------------------------------------------------------------------------------------

  /**
   * A complete batch record in the MES and a QC-complete batch in the QMS, under a number of this
   * run's own.
   */
  String seedBatch(String prefix, List<Deviation> exceptions, List<OosResult> oos) {
    String batch = prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    mes.save(
        mes.batch(
            batch, true, PRODUCT, "Amoxicillin 500 mg capsules", "Basel", "IN_REVIEW", exceptions));
    assertThat(qms.seedBatch(batch, true, oos, List.of())).isTrue();
    return batch;
  }

  /** The MES's event as mes-bridge sends it; returns the release it started. */
  String batchRecordCompleted(String batch, List<String> markets, Duration ago) {
    ObjectNode event = JSON.createObjectNode();
    event.put("eventId", "mes-" + UUID.randomUUID());
    event.put("batchNumber", batch);
    event.put("productCode", PRODUCT);
    event.put("site", "Basel");
    event.put("completedAt", Instant.now().minus(ago).truncatedTo(ChronoUnit.SECONDS).toString());
    event.set("intendedMarkets", JSON.valueToTree(markets));
    ResponseEntity<String> started = http.post("mes-bridge", EVENTS, event.toString());
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
    String release = json(started).path("processInstanceId").asText();
    // the shipped model, not a fixture another test deployed under the same key
    ProcessDefinition model =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionId(
                runtimeService
                    .createProcessInstanceQuery()
                    .processInstanceId(release)
                    .singleResult()
                    .getProcessDefinitionId())
            .singleResult();
    assertThat(
            repositoryService
                .createDeploymentQuery()
                .deploymentId(model.getDeploymentId())
                .singleResult()
                .getName())
        .isEqualTo("gxp-flow");
    return release;
  }

  String mesStatus(String batch) throws Exception {
    return sim("/sim/mes/batches/" + batch + "/record").path("status").asText();
  }

  /**
   * The changes the simulated system applied for this process instance (one stored answer per
   * Idempotency-Key, which starts with the instance id), each as one field of its answer.
   */
  List<String> simulatorWrites(String system, String operation, String instance, String field)
      throws Exception {
    List<String> values = new ArrayList<>();
    for (String stored :
        jdbc.queryForList(
            "select response from gxp_sim_idempotency where system = ? and operation = ?"
                + " and idempotency_key like ?",
            String.class,
            system,
            operation,
            instance + ":%")) {
      values.add(JSON.readTree(stored).path("body").path(field).asText());
    }
    return values;
  }

  /** Successful SYSTEM_CALL events of one operation whose Idempotency-Key names the step. */
  static long systemCalls(JsonNode audit, String system, String operation, String step) {
    long count = 0;
    for (JsonNode event : audit) {
      JsonNode details = event.path("details");
      if (event.path("type").asText().equals(AuditEventTypes.SYSTEM_CALL)
          && details.path("system").asText().equals(system)
          && details.path("operation").asText().equals(operation)
          && details.path("outcome").asText().equals("OK")
          && details.path("idempotencyKey").asText().contains(step)) {
        count++;
      }
    }
    return count;
  }

  JsonNode audit(String businessKey) {
    ResponseEntity<String> audit = http.get("quinn", "/api/audit?businessKey=" + businessKey);
    assertThat(audit.getStatusCode()).as(audit.getBody()).isEqualTo(HttpStatus.OK);
    return json(audit);
  }

  JsonNode kpis() {
    ResponseEntity<String> kpis = http.get("quinn", "/api/kpi/batches");
    assertThat(kpis.getStatusCode()).as(kpis.getBody()).isEqualTo(HttpStatus.OK);
    return json(kpis);
  }

  static long delta(JsonNode before, JsonNode after, String pointer) {
    return after.at(pointer).asLong() - before.at(pointer).asLong();
  }

  BatchFacts facts(String release) {
    return kpiService.facts().stream()
        .filter(fact -> fact.processInstanceId().equals(release))
        .findFirst()
        .orElseThrow();
  }

  HistoricProcessInstance awaitEnded(String instance) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                historyService
                    .createHistoricProcessInstanceQuery()
                    .processInstanceId(instance)
                    .finished()
                    .singleResult(),
            ended -> ended != null);
  }

  /** Waits until the activity (a task, an event or an embedded subprocess) is active. */
  void awaitActivity(String instance, String activityId) {
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  historyService
                          .createHistoricActivityInstanceQuery()
                          .processInstanceId(instance)
                          .activityId(activityId)
                          .unfinished()
                          .count()
                      == 1);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          activityId
              + " not reached; active: "
              + runtimeService.getActiveActivityIds(instance)
              + ", jobs: "
              + managementService.createJobQuery().processInstanceId(instance).list().stream()
                  .map(
                      job -> job.getId() + " " + job.getRetries() + " " + job.getExceptionMessage())
                  .toList(),
          e);
    }
  }

  // ---- the deviation, as DeviationCapaIT works it
  // ----------------------------------------------------------------------------------------------

  /** paul's report on the start form; returns the instance once the QMS gave it its id. */
  String reportDeviation(String batch, String title) {
    ProcessDefinition model =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("deviation-capa")
            .latestVersion()
            .singleResult();
    ResponseEntity<String> started =
        http.post(
            "paul",
            "/engine-rest/process-definition/" + model.getId() + "/submit-form",
            body(
                Map.of(
                    "title",
                    title,
                    "description",
                    "Blend uniformity results of " + batch + " out of trend",
                    "occurredAt",
                    "2026-11-21T22:10+01:00",
                    "site",
                    "Basel",
                    "product",
                    PRODUCT,
                    "affectedBatches",
                    batch,
                    "category",
                    "process",
                    "containmentActions",
                    "Batch quarantined")));
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    String instance = json(started).path("id").asText();
    businessKey(instance);
    return instance;
  }

  String businessKey(String instance) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                runtimeService
                    .createProcessInstanceQuery()
                    .processInstanceId(instance)
                    .singleResult()
                    .getBusinessKey(),
            key -> key != null && key.startsWith("DEV-"));
  }

  static Map<String, Object> assessment(boolean batchImpact) {
    return Map.of(
        "patientSafetyImpact",
        "potential",
        "productQualityImpact",
        "medium",
        "occurrence",
        "first",
        "detectability",
        "high",
        "batchImpact",
        batchImpact,
        "assessmentSummary",
        "Content uniformity may be affected");
  }

  static Map<String, Object> investigation() {
    return Map.of(
        "rootCauseMethod",
        "fiveWhys",
        "why1",
        "Blending time too short",
        "why2",
        "Timer not interlocked",
        "rootCauseCategory",
        "equipment",
        "findings",
        "Blender stopped early after a timer reset",
        "capaRequired",
        true);
  }

  static Map<String, Object> capaPlan() {
    return Map.of(
        "capaTitle",
        "Blender interlock",
        "action1Description",
        "Interlock the blender timer",
        "action1Type",
        "corrective",
        "action1Owner",
        "paul",
        "action1DueDate",
        "2027-01-15",
        "addAction2",
        false);
  }

  // ---- tasks over REST
  // ----------------------------------------------------------------------------------------------

  Task awaitTask(String instance, String taskKey) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                taskService
                    .createTaskQuery()
                    .processInstanceId(instance)
                    .taskDefinitionKey(taskKey)
                    .singleResult(),
            task -> task != null);
  }

  String claim(String user, String instance, String taskKey) {
    Task task = awaitTask(instance, taskKey);
    if (task.getAssignee() == null) {
      ResponseEntity<String> claimed =
          http.post(
              user,
              "/engine-rest/task/" + task.getId() + "/claim",
              "{\"userId\": \"" + user + "\"}");
      assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }
    return task.getId();
  }

  void complete(String user, String instance, String taskKey, Map<String, Object> variables) {
    String taskId = claim(user, instance, taskKey);
    ResponseEntity<String> completed =
        http.post(user, "/engine-rest/task/" + taskId + "/complete", body(variables));
    assertThat(completed.getStatusCode())
        .as(taskKey + ": " + completed.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  ResponseEntity<String> sign(
      String user, String taskId, String meaning, Map<String, Object> variables) {
    Map<String, Object> request = new HashMap<>();
    request.put("password", user);
    request.put("meaning", meaning);
    request.put("variables", variables);
    return http.post(
        user, "/api/tasks/" + taskId + "/signature", JSON.valueToTree(request).toString());
  }

  /** Camunda REST variables, typed by their JSON value. */
  static String body(Map<String, Object> variables) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode typed = body.putObject("variables");
    variables.forEach((name, value) -> typed.putObject(name).set("value", JSON.valueToTree(value)));
    return body.toString();
  }

  JsonNode sim(String path) throws Exception {
    ResponseEntity<String> response =
        rest.exchange(path, HttpMethod.GET, new HttpEntity<>(simHeaders()), String.class);
    assertThat(response.getStatusCode())
        .as(path + ": " + response.getBody())
        .isEqualTo(HttpStatus.OK);
    return JSON.readTree(response.getBody());
  }

  static HttpHeaders simHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Api-Key", SIM_KEY);
    return headers;
  }
}
