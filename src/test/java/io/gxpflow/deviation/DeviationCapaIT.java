package io.gxpflow.deviation;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.PdfCopies;
import io.gxpflow.support.ProbeUsers;
import io.gxpflow.support.RestClientForUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * One major deviation through bpmn/deviation-capa.bpmn as the people and systems of the contract
 * run it: started from the start form by paul, worked over the Camunda REST API by ivan and quinn,
 * signed over the signature API, with the QMS and MES simulators over HTTP. A running batch release
 * for one affected batch is held and then released by {@code DeviationClosed}; the other batch is
 * held in the MES.
 */
@IntegrationTest
class DeviationCapaIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String SIM_KEY = "demo-simulator-key";
  static final String MES_BATCH = "B-2026-0044";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  RestClientForUsers http;
  Deployment batchRelease;

  @BeforeEach
  void deploy() {
    http = new RestClientForUsers(rest);
    batchRelease = Fixtures.deploy(repositoryService, "fixtures/deviation/batch-release.bpmn");
  }

  @AfterEach
  void undeploy() {
    Fixtures.undeploy(repositoryService, batchRelease);
  }

  @Test
  void aMajorDeviationRunsFromTheStartFormToClosureAndReleasesTheHeldBatch() throws Exception {
    String releasedBatch = "B-IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    ProcessInstance release =
        runtimeService.startProcessInstanceByKey("batch-release", releasedBatch);

    // paul reports it on the Tasklist start form
    ResponseEntity<String> started =
        http.post(
            "paul",
            "/engine-rest/process-definition/" + productionModel().getId() + "/submit-form",
            body(
                Map.of(
                    "title",
                    "Granulation temperature excursion",
                    "description",
                    "Granulator jacket at 31 °C for 12 minutes",
                    "occurredAt",
                    "2026-11-21T22:10+01:00",
                    "site",
                    "Basel - Granulation 2",
                    "product",
                    "P-100",
                    "affectedBatches",
                    releasedBatch + ", " + MES_BATCH,
                    "category",
                    "process",
                    "containmentActions",
                    "Line stopped, material quarantined")));
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    String instanceId = json(started).path("id").asText();

    // the QMS record's id becomes the business key
    String deviationId =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getBusinessKey(),
                key -> key != null && key.startsWith("DEV-"));
    assertThat(sim("/sim/qms/deviations/" + deviationId).path("title").asText())
        .isEqualTo("Granulation temperature excursion");

    complete(
        "ivan",
        instanceId,
        "Task_Assessment",
        Map.of(
            "patientSafetyImpact",
            "potential",
            "productQualityImpact",
            "medium",
            "occurrence",
            "first",
            "detectability",
            "high",
            "batchImpact",
            true,
            "assessmentSummary",
            "Dissolution may be affected; both batches concerned"));
    // the running release takes the hold, the other batch goes ON_HOLD in the MES
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                !runtimeService
                    .createProcessInstanceQuery()
                    .processInstanceId(release.getId())
                    .activityIdIn("OnHold")
                    .list()
                    .isEmpty());
    assertThat(sim("/sim/mes/batches/" + MES_BATCH + "/record").path("status").asText())
        .isEqualTo("ON_HOLD");

    assertThat(awaitTask(instanceId, "Task_QaApproval").getDueDate()).isNotNull();
    complete("quinn", instanceId, "Task_QaApproval", Map.of("qaDecision", "approve"));
    // the investigation carries the deviation's investigation due date
    assertThat(awaitTask(instanceId, "Task_Investigation").getDueDate())
        .isEqualTo(runtimeService.getVariable(instanceId, "investigationDueDate"));
    complete(
        "ivan",
        instanceId,
        "Task_Investigation",
        Map.of(
            "rootCauseMethod",
            "fiveWhys",
            "why1",
            "Jacket temperature too high",
            "why2",
            "Controller setpoint drifted",
            "rootCauseCategory",
            "equipment",
            "findings",
            "Setpoint drift after the controller firmware update",
            "capaRequired",
            true));
    assertThat(sim("/sim/qms/deviations/" + deviationId).path("classification").asText())
        .isEqualTo("MAJOR");

    // the owner is chosen from the people who work in deviations: the plan task offers them ...
    String planId = claim("ivan", instanceId, "Task_CapaPlan");
    // as Tasklist reads them: serialized JSON, parsed by the form
    JsonNode owners =
        JSON.readTree(
            json(http.get(
                    "ivan",
                    "/engine-rest/task/" + planId + "/form-variables?deserializeValues=false"))
                .path("capaOwnerOptions")
                .path("value")
                .asText());
    List<String> offered = new ArrayList<>();
    owners.forEach(o -> offered.add(o.path("label").asText() + "=" + o.path("value").asText()));
    assertThat(offered)
        .contains("Paul Production=paul", "Ivan Investigator=ivan", "Quinn Quality=quinn")
        .noneMatch(o -> o.endsWith("=olivia") || o.endsWith("=oscar"));
    // ... and accepts nobody else, with a sentence that names the choices
    ResponseEntity<String> notEligible =
        http.post("ivan", "/engine-rest/task/" + planId + "/complete", body(capaPlan("olivia")));
    assertThat(notEligible.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode refusal = json(notEligible).path("errors").get(0);
    assertThat(refusal.path("field").asText()).isEqualTo("action1Owner");
    assertThat(refusal.path("reason").asText())
        .startsWith("is not one of the options the form offers: ")
        .contains("Paul Production (paul)");

    complete("ivan", instanceId, "Task_CapaPlan", capaPlan("paul"));
    Task action = awaitTask(instanceId, "Task_CapaAction");
    assertThat(action.getAssignee()).isEqualTo("paul");
    // the action's due date is the end of its day, for Tasklist to sort and flag
    assertThat(action.getDueDate().toInstant()).hasToString("2027-01-16T00:00:00Z");
    String capaId = (String) runtimeService.getVariable(instanceId, "capaId");
    assertThat(sim("/sim/qms/capas/" + capaId).path("actions").get(0).path("owner").asText())
        .isEqualTo("paul");
    // the owner from production does the work
    complete(
        "paul",
        instanceId,
        "Task_CapaAction",
        Map.of("actionEvidence", "Setpoint lock configured, change record CR-2026-0311"));

    Task closure = awaitTask(instanceId, "Task_ClosureApproval");
    // QA sees at closure what was done, by whom, with the evidence (the action task itself is gone)
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> done =
        (List<Map<String, Object>>) runtimeService.getVariable(instanceId, "capaActionList");
    assertThat(done)
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry)
                  .containsEntry("evidence", "Setpoint lock configured, change record CR-2026-0311")
                  .containsEntry("completedBy", "paul")
                  .containsEntry("completedByName", "Paul Production")
                  .containsEntry("ownerName", "Paul Production");
            });
    assertThat(closure.getDueDate())
        .isEqualTo(runtimeService.getVariable(instanceId, "closureDueDate"));
    claim("quinn", instanceId, "Task_ClosureApproval");
    ResponseEntity<String> signed =
        rest.withBasicAuth("quinn", "quinn")
            .postForEntity(
                "/api/tasks/" + closure.getId() + "/signature",
                Map.of(
                    "password",
                    "quinn",
                    "meaning",
                    "Deviation closure approved",
                    "variables",
                    Map.of("closureSummary", "Root cause fixed, CAPA implemented")),
                String.class);
    assertThat(signed.getStatusCode()).as(signed.getBody()).isEqualTo(HttpStatus.CREATED);

    // closed in the QMS, the held release resumes, the deviation waits for its effectiveness check
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                !runtimeService
                    .createProcessInstanceQuery()
                    .processInstanceId(release.getId())
                    .activityIdIn("QaReview")
                    .list()
                    .isEmpty());
    assertThat(sim("/sim/qms/deviations/" + deviationId).path("status").asText())
        .isEqualTo("CLOSED");
    assertThat(sim("/sim/qms/capas/" + capaId).path("actions").get(0).path("status").asText())
        .isEqualTo("DONE");
    assertThat(runtimeService.getActiveActivityIds(instanceId))
        .containsExactly("Timer_EffectivenessDue");

    JsonNode audit = json(http.get("quinn", "/api/audit?businessKey=" + deviationId));
    // every event of the record is found by its business key, also those from before the QMS
    // gave the key: the start (with the report as paul submitted it) and the QMS call itself
    JsonNode byInstance = json(http.get("quinn", "/api/audit?processInstanceId=" + instanceId));
    List<Long> seqsByKey = new ArrayList<>();
    audit.forEach(event -> seqsByKey.add(event.path("seq").asLong()));
    List<Long> seqsByInstance = new ArrayList<>();
    byInstance.forEach(event -> seqsByInstance.add(event.path("seq").asLong()));
    assertThat(seqsByKey).containsAll(seqsByInstance);
    assertThat(audit.get(0).path("type").asText()).isEqualTo(AuditEventTypes.PROCESS_STARTED);
    JsonNode report = audit.get(0).path("details").path("variables");
    assertThat(report.path("title").asText()).isEqualTo("Granulation temperature excursion");
    assertThat(report.path("description").asText())
        .isEqualTo("Granulator jacket at 31 °C for 12 minutes");
    assertThat(report.path("containmentActions").asText())
        .isEqualTo("Line stopped, material quarantined");
    assertThat(audit)
        .filteredOn(event -> event.path("type").asText().equals(AuditEventTypes.SYSTEM_CALL))
        .first()
        .satisfies(
            call -> {
              assertThat(call.path("details").path("system").asText()).isEqualTo("QMS");
              assertThat(call.path("businessKey").asText(null))
                  .as("called before the key")
                  .isNull();
            });
    assertThat(audit)
        .filteredOn(event -> event.path("type").asText().equals(AuditEventTypes.BUSINESS_KEY_SET))
        .hasSize(1)
        .allSatisfy(link -> assertThat(link.path("businessKey").asText()).isEqualTo(deviationId));
    List<String> types = new ArrayList<>();
    audit.forEach(event -> types.add(event.path("type").asText()));
    assertThat(types)
        .contains(
            AuditEventTypes.SYSTEM_CALL,
            AuditEventTypes.DECISION_EVALUATED,
            AuditEventTypes.DUE_DATE_CHANGED,
            AuditEventTypes.TASK_COMPLETED,
            AuditEventTypes.SIGNATURE,
            AuditEventTypes.BATCH_MESSAGE_SENT);
    assertThat(audit)
        .anySatisfy(
            event -> {
              assertThat(event.path("type").asText()).isEqualTo(AuditEventTypes.SIGNATURE);
              assertThat(event.path("actor").asText()).isEqualTo("quinn");
              assertThat(event.path("details").path("meaning").asText())
                  .isEqualTo("Deviation closure approved");
            });
    assertThat(audit)
        .anySatisfy(
            event -> {
              assertThat(event.path("details").path("message").asText())
                  .isEqualTo("DeviationClosed");
              assertThat(event.path("details").path("batchNumber").asText())
                  .isEqualTo(releasedBatch);
              assertThat(event.path("details").path("receivedBy").asInt()).isEqualTo(1);
            });
    assertThat(audit)
        .anySatisfy(
            event -> {
              assertThat(event.path("type").asText()).isEqualTo(AuditEventTypes.TASK_COMPLETED);
              assertThat(event.path("actor").asText()).isEqualTo("ivan");
              assertThat(event.path("details").toString()).contains("Task_Assessment");
            });

    // the effectiveness check ends the deviation; then its GxP record is complete ...
    managementService.executeJob(
        managementService
            .createJobQuery()
            .processInstanceId(instanceId)
            .activityId("Timer_EffectivenessDue")
            .singleResult()
            .getId());
    complete(
        "quinn",
        instanceId,
        "Task_EffectivenessCheck",
        Map.of(
            "effectivenessResult", "effective", "effectivenessSummary", "No excursion in 30 days"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count()
                    == 0);
    JsonNode record = json(http.get("quinn", "/api/records/" + deviationId));
    assertCompleteRecord(record, releasedBatch);
    String page = http.get("quinn", "/api/records/" + deviationId + ".html").getBody();
    assertThat(page)
        .contains("Granulation temperature excursion", "Impact on patient safety", "Potential")
        .contains("Quinn Quality", "Meaning: Deviation closure approved", "Annex: audit trail")
        .contains(record.path("audit").path("sha256").asText());
    List<String> pdf = recordPdf(deviationId, record);

    // ... and stays so after Camunda's history cleanup removed the instance's history
    historyService
        .setRemovalTimeToHistoricProcessInstances()
        .absoluteRemovalTime(Date.from(Instant.now().minus(Duration.ofDays(1))))
        .byIds(instanceId)
        .hierarchical()
        .executeAsync();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getRemovalTime()
                    != null);
    historyService.cleanUpHistoryAsync(true);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(instanceId)
                        .count()
                    == 0);
    assertThat(
            historyService.createHistoricTaskInstanceQuery().processInstanceId(instanceId).count())
        .isZero();
    JsonNode afterCleanup = json(http.get("quinn", "/api/records/" + deviationId));
    assertCompleteRecord(afterCleanup, releasedBatch);
    ((ObjectNode) record).remove("generatedAt");
    ((ObjectNode) afterCleanup).remove("generatedAt");
    assertThat(afterCleanup).isEqualTo(record);
    assertThat(
            withoutGenerationTime(
                http.get("quinn", "/api/records/" + deviationId + ".html").getBody()))
        .isEqualTo(withoutGenerationTime(page));
    assertThat(
            recordPdf(deviationId, afterCleanup).stream()
                .map(DeviationCapaIT::withoutGenerationTime))
        .containsExactlyElementsOf(
            pdf.stream().map(DeviationCapaIT::withoutGenerationTime).toList());
  }

  /**
   * The PDF copy as quinn downloads it: PDF/A, every page numbered with the record id and the time
   * of the copy, the signature manifested, every step, the audit annex with the trail's SHA-256.
   * Returns its pages' text.
   */
  List<String> recordPdf(String deviationId, JsonNode record) {
    List<String> pages = PdfCopies.pages(PdfCopies.download(rest, "quinn", deviationId));
    for (int page = 1; page <= pages.size(); page++) {
      assertThat(pages.get(page - 1))
          .as("page " + page)
          .containsPattern(
              "GxP record " + deviationId + " · generated [0-9-]+ [0-9:]+ UTC for quinn")
          .contains("page " + page + " of " + pages.size());
    }
    String text = String.join("\n", pages).replaceAll("\\s+", " ");
    JsonNode signature = record.path("signatures").get(0);
    assertThat(text)
        .contains("Granulation temperature excursion", "Severity MAJOR")
        .contains("Quinn Quality", "Meaning: Deviation closure approved")
        .contains(
            "Signed "
                + signature.path("signedAt").asText().substring(0, 19).replace('T', ' ')
                + " UTC")
        .contains("Impact on patient safety Potential")
        .contains("Annex: audit trail")
        .contains(record.path("audit").path("sha256").asText());
    record.path("steps").forEach(step -> assertThat(text).contains(step.path("taskName").asText()));
    return pages;
  }

  /** The record of the major deviation above, closed and checked effective. */
  static void assertCompleteRecord(JsonNode record, String releasedBatch) {
    assertThat(record.path("status").asText()).isEqualTo("ENDED");
    assertThat(record.path("title").asText()).isEqualTo("Granulation temperature excursion");
    assertThat(header(record))
        .containsEntry("Severity", "MAJOR")
        .containsEntry("Site", "Basel - Granulation 2")
        .containsEntry("Effectiveness", "effective");
    assertThat(header(record)).containsKeys("Investigation due", "Closure due");
    List<String> linked = new ArrayList<>();
    record.path("links").forEach(link -> linked.add(link.path("businessKey").asText()));
    assertThat(linked).containsExactly(releasedBatch, MES_BATCH);
    List<String> steps = new ArrayList<>();
    record.path("steps").forEach(step -> steps.add(step.path("taskDefinitionKey").asText()));
    assertThat(steps)
        .containsSubsequence(
            "Task_Assessment",
            "Task_QaApproval",
            "Task_Investigation",
            "Task_CapaPlan",
            "Task_CapaAction",
            "Task_ClosureApproval",
            "Task_EffectivenessCheck");
    JsonNode assessment = record.path("steps").get(steps.indexOf("Task_Assessment"));
    assertThat(assessment.path("completedBy").asText()).isEqualTo("ivan");
    assertThat(assessment.path("entered"))
        .anySatisfy(
            entered -> {
              assertThat(entered.path("label").asText()).isEqualTo("Impact on patient safety");
              assertThat(entered.path("shown").asText()).isEqualTo("Potential");
            });
    assertThat(record.path("signatures"))
        .singleElement()
        .satisfies(
            signature -> {
              assertThat(signature.path("signerName").asText()).isEqualTo("Quinn Quality");
              assertThat(signature.path("meaning").asText())
                  .isEqualTo("Deviation closure approved");
            });
    assertThat(record.path("openTasks")).isEmpty();
    assertThat(record.path("audit").path("intact").asBoolean()).isTrue();
  }

  static Map<String, String> header(JsonNode record) {
    Map<String, String> facts = new HashMap<>();
    record
        .path("header")
        .forEach(f -> facts.put(f.path("label").asText(), f.path("value").asText()));
    return facts;
  }

  /** The page less the lines that say when the copy was made. */
  static String withoutGenerationTime(String page) {
    return page.replaceAll("generated [0-9-]+ [0-9:]+ UTC", "generated")
        .replaceAll("[0-9-]+ [0-9:]+ UTC for quinn", "")
        .replaceAll("<td>[0-9-]+ [0-9:]+ UTC for quinn</td>", "");
  }

  @Test
  void whoeverInvestigatedMayNotApproveTheClosureEvenWhenInQa() {
    // password = user id, as for the demo users, so the REST helpers can act as this user too
    String id = "sod-investigator-" + UUID.randomUUID().toString().substring(0, 6);
    String investigator = ProbeUsers.create(identityService, id, id, "investigators");
    identityService.createMembership(investigator, "qa");
    String instanceId = reportWithoutBatches("Torn gloves in grade B");
    complete(
        "ivan",
        instanceId,
        "Task_Assessment",
        Map.of(
            "patientSafetyImpact",
            "potential",
            "productQualityImpact",
            "low",
            "occurrence",
            "first",
            "detectability",
            "high",
            "batchImpact",
            false,
            "assessmentSummary",
            "Aseptic barrier breached for minutes"));
    complete("quinn", instanceId, "Task_QaApproval", Map.of("qaDecision", "approve"));
    complete(
        investigator,
        instanceId,
        "Task_Investigation",
        Map.of(
            "rootCauseMethod",
            "fishbone",
            "causeMaterial",
            "Glove lot with thin cuffs",
            "rootCauseCategory",
            "material",
            "findings",
            "Supplier changed the cuff material without notice",
            "capaRequired",
            false,
            "noCapaRationale",
            "Supplier complaint raised; lot blocked"));

    Task closure = awaitTask(instanceId, "Task_ClosureApproval");
    ResponseEntity<String> claim =
        http.post(
            investigator,
            "/engine-rest/task/" + closure.getId() + "/claim",
            "{\"userId\": \"" + investigator + "\"}");
    assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json(claim).path("rule").asText()).isEqualTo("sod.notSameAs=Task_Investigation");
    assertThat(taskService.createTaskQuery().taskId(closure.getId()).singleResult().getAssignee())
        .isNull();
  }

  @Test
  void extensionAndCancellationRequestsAreCheckedBeforeQaDecides() throws Exception {
    ResponseEntity<String> unknown =
        http.post(
            "ivan",
            "/api/deviations/DEV-0000-0000/extension-requests",
            "{\"requestedDueDate\": \"2027-01-31\", \"reason\": \"Lab results pending\"}");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json(unknown).path("detail").asText()).contains("DEV-0000-0000");

    ResponseEntity<String> badDate =
        http.post(
            "ivan",
            "/api/deviations/DEV-0000-0000/extension-requests",
            "{\"requestedDueDate\": \"31.01.2027\", \"reason\": \"Lab results pending\"}");
    assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(badDate).path("detail").asText()).contains("ISO date");

    assertThat(
            http.post(
                    "paul",
                    "/api/deviations/DEV-0000-0000/extension-requests",
                    "{\"requestedDueDate\": \"2027-01-31\", \"reason\": \"x\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            http.post(
                    "mark",
                    "/api/deviations/DEV-0000-0000/cancellation-requests",
                    "{\"type\": \"duplicate\", \"reason\": \"x\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // the start form is checked on the server as well: a report without title or category starts
    // nothing
    long before =
        runtimeService.createProcessInstanceQuery().processDefinitionKey("deviation-capa").count();
    ResponseEntity<String> invalid =
        http.post(
            "paul",
            "/engine-rest/process-definition/" + productionModel().getId() + "/submit-form",
            body(
                Map.of(
                    "description",
                    "Label roll of another strength",
                    "occurredAt",
                    "2026-11-22T09:00+01:00",
                    "site",
                    "Basel",
                    "product",
                    "P-100",
                    "category",
                    "labels",
                    "containmentActions",
                    "Roll removed")));
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(invalid).path("errors").toString())
        .contains("\"field\":\"title\"", "\"field\":\"category\"");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("deviation-capa")
                .count())
        .isEqualTo(before);

    // a deviation in assessment: no extension yet; cancellation goes to QA
    String instanceId = reportWithoutBatches("Wrong label roll");
    String deviationId =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(instanceId)
            .singleResult()
            .getBusinessKey();

    ResponseEntity<String> tooEarly =
        http.post(
            "ivan",
            "/api/deviations/" + deviationId + "/extension-requests",
            "{\"requestedDueDate\": \"2027-01-31\", \"reason\": \"Lab results pending\"}");
    assertThat(tooEarly.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    ResponseEntity<String> cancel =
        http.post(
            "paul",
            "/api/deviations/" + deviationId + "/cancellation-requests",
            "{\"type\": \"duplicate\", \"reason\": \"Reported twice, see the first report\"}");
    assertThat(cancel.getStatusCode()).as(cancel.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(
            http.post(
                    "paul",
                    "/api/deviations/" + deviationId + "/cancellation-requests",
                    "{\"type\": \"duplicate\", \"reason\": \"again\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    complete(
        "quinn",
        instanceId,
        "Task_CancellationDecision",
        Map.of("cancellationDecision", "approve", "cancellationComment", "Confirmed duplicate"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count()
                    == 0);
    assertThat(sim("/sim/qms/deviations/" + deviationId).path("status").asText())
        .isEqualTo("CLOSED");
  }

  /**
   * Issue 12, point 1, the same pattern for cancellation: requests sent at the same moment are
   * serialized per deviation, so exactly one reaches QA and the others are refused with 409.
   */
  @Test
  void simultaneousCancellationRequestsReachQaOnce() throws Exception {
    for (int round = 0; round < 3; round++) {
      String instanceId = reportWithoutBatches("Label roll mix-up " + round);
      String deviationId =
          runtimeService
              .createProcessInstanceQuery()
              .processInstanceId(instanceId)
              .singleResult()
              .getBusinessKey();
      int requests = 4;
      ExecutorService pool = Executors.newFixedThreadPool(requests);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
          String reason = "Reported twice, request " + i;
          answers.add(
              pool.submit(
                  () -> {
                    start.await();
                    return http.post(
                        "paul",
                        "/api/deviations/" + deviationId + "/cancellation-requests",
                        "{\"type\": \"duplicate\", \"reason\": \"" + reason + "\"}");
                  }));
        }
        start.countDown();
        List<HttpStatus> statuses = new ArrayList<>();
        for (Future<ResponseEntity<String>> answer : answers) {
          ResponseEntity<String> response = answer.get(60, TimeUnit.SECONDS);
          statuses.add(HttpStatus.valueOf(response.getStatusCode().value()));
          if (response.getStatusCode().is4xxClientError()) {
            assertThat(json(response).path("type").asText())
                .as(response.getBody())
                .startsWith("urn:gxpflow:problem:");
          }
        }
        assertThat(statuses).containsOnlyOnce(HttpStatus.ACCEPTED);
        assertThat(statuses).containsOnly(HttpStatus.ACCEPTED, HttpStatus.CONFLICT);
        assertThat(
                taskService
                    .createTaskQuery()
                    .processInstanceId(instanceId)
                    .taskDefinitionKey("Task_CancellationDecision")
                    .count())
            .isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void twoExtensionRequestsEachReachQaWithTheirOwnDateAndReason() {
    String instanceId = reportWithoutBatches("Balance calibration overdue");
    String deviationId =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(instanceId)
            .singleResult()
            .getBusinessKey();
    complete(
        "ivan",
        instanceId,
        "Task_Assessment",
        Map.of(
            "patientSafetyImpact",
            "potential",
            "productQualityImpact",
            "low",
            "occurrence",
            "first",
            "detectability",
            "high",
            "batchImpact",
            false,
            "assessmentSummary",
            "Weighings of two days concerned"));
    complete("quinn", instanceId, "Task_QaApproval", Map.of("qaDecision", "approve"));
    awaitTask(instanceId, "Task_Investigation");

    for (String request :
        List.of(
            "{\"requestedDueDate\": \"2027-02-15\", \"reason\": \"Supplier audit report outstanding\"}",
            "{\"requestedDueDate\": \"2027-03-15\", \"reason\": \"Stability data due in March\"}")) {
      ResponseEntity<String> asked =
          http.post("ivan", "/api/deviations/" + deviationId + "/extension-requests", request);
      assertThat(asked.getStatusCode()).as(asked.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    }

    // QA sees two tasks, each with its own request, as Tasklist reads them
    List<Task> decisions =
        taskService
            .createTaskQuery()
            .processInstanceId(instanceId)
            .taskDefinitionKey("Task_ExtensionDecision")
            .list();
    assertThat(decisions).hasSize(2);
    Map<String, String> taskByDate = new HashMap<>();
    for (Task decision : decisions) {
      JsonNode variables =
          json(http.get("quinn", "/engine-rest/task/" + decision.getId() + "/form-variables"));
      taskByDate.put(variables.path("requestedDueDate").path("value").asText(), decision.getId());
      assertThat(decision.getDueDate()).as("a QA decision has a due date").isNotNull();
    }
    assertThat(taskByDate).containsOnlyKeys("2027-02-15", "2027-03-15");
    JsonNode first =
        json(
            http.get(
                "quinn", "/engine-rest/task/" + taskByDate.get("2027-02-15") + "/form-variables"));
    assertThat(first.path("extensionReason").path("value").asText())
        .isEqualTo("Supplier audit report outstanding");

    // approving the first applies the first's date and reason, and moves the open task
    approveExtension(taskByDate.get("2027-02-15"));
    assertThat(runtimeService.getVariable(instanceId, "closureDueDate"))
        .isEqualTo(Date.from(Instant.parse("2027-02-16T00:00:00Z")));
    assertThat(awaitTask(instanceId, "Task_Investigation").getDueDate())
        .isEqualTo(runtimeService.getVariable(instanceId, "investigationDueDate"));
    JsonNode changes = json(http.get("quinn", "/api/audit?businessKey=" + deviationId));
    assertThat(changes)
        .filteredOn(e -> e.path("type").asText().equals(AuditEventTypes.DUE_DATE_CHANGED))
        .anySatisfy(
            e ->
                assertThat(e.path("details").path("reason").asText())
                    .isEqualTo("extension requested by ivan: Supplier audit report outstanding"));

    // then the second applies its own
    approveExtension(taskByDate.get("2027-03-15"));
    assertThat(runtimeService.getVariable(instanceId, "closureDueDate"))
        .isEqualTo(Date.from(Instant.parse("2027-03-16T00:00:00Z")));
  }

  void approveExtension(String taskId) {
    ResponseEntity<String> claimed =
        http.post("quinn", "/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"quinn\"}");
    assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<String> completed =
        http.post(
            "quinn",
            "/engine-rest/task/" + taskId + "/complete",
            body(Map.of("extensionDecision", "approve", "extensionComment", "Justified")));
    assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  // ---- helpers
  // ----------------------------------------------------------------------------------------------

  /**
   * Reported by paul on the start form; returns the instance once the QMS has its record and
   * assessment waits.
   */
  String reportWithoutBatches(String title) {
    ResponseEntity<String> started =
        http.post(
            "paul",
            "/engine-rest/process-definition/" + productionModel().getId() + "/submit-form",
            body(
                Map.of(
                    "title",
                    title,
                    "description",
                    "Found during the line walk",
                    "occurredAt",
                    "2026-11-22T09:00+01:00",
                    "site",
                    "Basel",
                    "product",
                    "P-100",
                    "affectedBatches",
                    "",
                    "category",
                    "material",
                    "containmentActions",
                    "Material removed from the line")));
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    String instanceId = json(started).path("id").asText();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                runtimeService
                    .createProcessInstanceQuery()
                    .processInstanceId(instanceId)
                    .singleResult()
                    .getBusinessKey(),
            key -> key != null && key.startsWith("DEV-"));
    awaitTask(instanceId, "Task_Assessment");
    return instanceId;
  }

  /**
   * The version of bpmn/deviation-capa.bpmn the application deployed (not a test fixture of the
   * same key).
   */
  ProcessDefinition productionModel() {
    ProcessDefinition latest =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("deviation-capa")
            .latestVersion()
            .singleResult();
    assertThat(
            repositoryService
                .createDeploymentQuery()
                .deploymentId(latest.getDeploymentId())
                .singleResult()
                .getName())
        .isEqualTo("gxp-flow");
    return latest;
  }

  Task awaitTask(String instanceId, String taskKey) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                taskService
                    .createTaskQuery()
                    .processInstanceId(instanceId)
                    .taskDefinitionKey(taskKey)
                    .singleResult(),
            task -> task != null);
  }

  String claim(String user, String instanceId, String taskKey) {
    Task task = awaitTask(instanceId, taskKey);
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

  void complete(String user, String instanceId, String taskKey, Map<String, Object> variables) {
    String taskId = claim(user, instanceId, taskKey);
    ResponseEntity<String> completed =
        http.post(user, "/engine-rest/task/" + taskId + "/complete", body(variables));
    assertThat(completed.getStatusCode())
        .as(taskKey + ": " + completed.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  static Map<String, Object> capaPlan(String owner) {
    return Map.of(
        "capaTitle",
        "Controller setpoints",
        "action1Description",
        "Lock setpoints after firmware updates",
        "action1Type",
        "corrective",
        "action1Owner",
        owner,
        "action1DueDate",
        "2027-01-15",
        "addAction2",
        false);
  }

  /** Camunda REST variables, typed by their JSON value. */
  static String body(Map<String, Object> variables) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode typed = body.putObject("variables");
    variables.forEach(
        (name, value) -> {
          typed.putObject(name).set("value", JSON.valueToTree(value));
        });
    return body.toString();
  }

  JsonNode sim(String path) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Api-Key", SIM_KEY);
    ResponseEntity<String> response =
        rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    assertThat(response.getStatusCode())
        .as(path + ": " + response.getBody())
        .isEqualTo(HttpStatus.OK);
    return JSON.readTree(response.getBody());
  }
}
