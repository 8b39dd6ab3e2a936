package io.gxpflow.mlr.review;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.integration.contract.CrmOperations;
import io.gxpflow.simulator.CrmSimulator;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.PdfCopies;
import io.gxpflow.support.ProbeUsers;
import io.gxpflow.support.RestClientForUsers;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14 end to end: the shipped bpmn/mlr-review.bpmn as the demo users work it over HTTP. alice
 * submits a realistic HCP email through {@code /api/mlr/submissions}, the pre-check runs on the
 * real job executor, carl triages, mark, lena and rita review in two rounds (a mandatory module
 * comment sends the email back, alice revises it through the revision form's {@code contentText}),
 * mark signs the approval through the signature API, carl releases it, the CRM simulator receives
 * it over HTTP, and withdrawing a claim the email uses pulls it back. The email uses demo claims of
 * {@code MlrDemoData} and one claim carl adds for this run only, so withdrawing it touches no other
 * test's content and a rerun on a shared PostgreSQL database starts from a claim of its own.
 */
@IntegrationTest
class MlrReviewIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String MEANING = "Approved for distribution";
  static final String LDL = "Cardiozen lowered LDL cholesterol by 48% at 12 weeks.";
  static final String STUDIED = "Cardiozen has been studied in more than 12,000 patients.";
  static final String US_ISI =
      "IMPORTANT SAFETY INFORMATION: Cardiozen is contraindicated in patients with active"
          + " liver disease and in women who are pregnant or may become pregnant. Monitor"
          + " liver enzymes before and during treatment. The most common adverse reactions"
          + " (>2%) were myalgia, nausea and raised transaminases. Please see the full"
          + " Prescribing Information.";
  static final String EU_ISI =
      "Important Safety Information: Cardiozen is contraindicated in patients with active liver"
          + " disease. Myalgia and raised transaminases were reported. See the full Prescribing"
          + " Information.";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired CrmSimulator crm;
  @Autowired JdbcTemplate jdbc;
  RestClientForUsers http;

  @BeforeEach
  void client() {
    http = new RestClientForUsers(rest);
  }

  @Test
  void anHcpEmailGoesThroughTwoRoundsToTheCrmAndIsWithdrawnWithItsClaim() throws Exception {
    // a claim of this run's own, next to the demo library's CLM-001 and CLM-005
    String claimId = "CLM-IT-" + shortId();
    String claimText = "Cardiozen patients reached their LDL goal in 4 of 5 cases.";
    ResponseEntity<String> added = http.post("carl", "/api/mlr/claims", claim(claimId, claimText));
    assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(HttpStatus.CREATED);

    // 1. alice submits the email; the pre-check runs on the job executor
    ResponseEntity<String> submitted = http.post("alice", "/api/mlr/submissions", email(claimId));
    assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.CREATED);
    String itemId = json(submitted).path("itemId").asText();
    String instance = json(submitted).path("processInstanceId").asText();
    assertThat(json(submitted).path("version").asInt()).isEqualTo(1);
    assertShippedModel(instance);

    awaitTask(instance, "Task_Triage");
    assertThat(runtimeService.getVariable(instance, "author")).isEqualTo("alice");
    assertThat(runtimeService.getVariable(instance, "precheckBlocked")).isEqualTo(false);
    JsonNode runs = json(http.get("carl", "/api/mlr/items/" + itemId + "/findings")).path("runs");
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).path("version").asInt()).isEqualTo(1);
    assertThat(runs.get(0).path("round").asInt()).isEqualTo(1);
    assertThat(runs.get(0).path("blocked").asBoolean()).isFalse();
    // a clean email: every claim from the library, the US ISI, an unsubscribe link
    assertThat(runs.get(0).path("findings")).as(runs.toString()).isEmpty();
    assertThat(runs.get(0).path("score").asInt()).isEqualTo(100);
    assertThat(runs.get(0).path("score").asInt())
        .isEqualTo(runtimeService.getVariable(instance, "precheckScore"));
    assertThat(auditTypes(itemId))
        .contains(AuditEventTypes.MLR_CONTENT_SUBMITTED, AuditEventTypes.MLR_PRECHECK_COMPLETED);

    // 2. carl triages: a US email needs medical, legal (email) and regulatory (US) review
    complete("carl", instance, "Task_Triage", Map.of("expedited", false));
    assertThat(runtimeService.getVariable(instance, "reviewsRequired"))
        .isEqualTo(List.of("medical", "legal", "regulatory"));
    assertThat(runtimeService.getVariable(instance, "reviewRound")).isEqualTo(1);
    assertThat(
            taskService.createTaskQuery().processInstanceId(instance).list().stream()
                .map(Task::getTaskDefinitionKey))
        .containsExactlyInAnyOrder(
            "Task_MedicalReview", "Task_LegalReview", "Task_RegulatoryReview");

    // 3. round 1: mark asks for a change to the efficacy module, the others approve
    String medical = claim("mark", instance, "Task_MedicalReview");
    ResponseEntity<String> comment =
        http.post(
            "mark",
            "/api/mlr/tasks/" + medical + "/comments",
            "{\"moduleId\": \"efficacy\", \"mandatory\": true, \"text\": \"Name the study"
                + " population of the LDL result\"}");
    assertThat(comment.getStatusCode()).as(comment.getBody()).isEqualTo(HttpStatus.CREATED);
    completeTask(
        "mark",
        medical,
        "Task_MedicalReview",
        Map.of(
            "reviewDecision",
            "approve-with-changes",
            "reviewComment",
            "Fine once the population is named"));
    complete("lena", instance, "Task_LegalReview", Map.of("reviewDecision", "approve"));
    complete("rita", instance, "Task_RegulatoryReview", Map.of("reviewDecision", "approve"));

    awaitTask(instance, "Task_Consolidate");
    assertThat(runtimeService.getVariable(instance, "revisionNeeded")).isEqualTo(true);
    assertThat(runtimeService.getVariable(instance, "mandatoryComments")).isEqualTo(1);
    assertThat((String) runtimeService.getVariable(instance, "reviewFeedback"))
        .contains("Name the study population");
    complete(
        "carl",
        instance,
        "Task_Consolidate",
        Map.of("consolidatedFeedback", "Name the population of the LDL study in the efficacy"));

    // alice revises: the form holds version 1 as markup, what she submits is version 2
    String revise = claim("alice", instance, "Task_Revise");
    assertThat(runtimeService.getVariable(instance, "reviewRound")).isEqualTo(2);
    ResponseEntity<String> current =
        http.get("alice", "/engine-rest/task/" + revise + "/variables/contentText");
    assertThat(current.getStatusCode()).as(current.getBody()).isEqualTo(HttpStatus.OK);
    String markup = json(current).path("value").asText();
    assertThat(markup)
        .isEqualTo(
            json(http.get("alice", "/api/mlr/items/" + itemId + "/versions/1"))
                .path("markup")
                .asText());
    assertThat(markup)
        .contains("## efficacy", "](claim:CLM-001)", "](claim:" + claimId + ")")
        .contains("## safety [isi] from PM-ISI-US-7");
    String revised =
        markup.replace(
            "at 12 weeks.](claim:CLM-001)",
            "at 12 weeks.](claim:CLM-001) Adults with primary hypercholesterolaemia, n = 1,204.");
    assertThat(revised).isNotEqualTo(markup);
    completeTask("alice", revise, "Task_Revise", Map.of("contentText", revised));

    awaitTask(instance, "Task_Triage");
    assertThat(runtimeService.getVariable(instance, "contentVersion")).isEqualTo(2);
    JsonNode versions = json(http.get("alice", "/api/mlr/items/" + itemId)).path("versions");
    assertThat(versions.findValuesAsText("status")).containsExactly("SUPERSEDED", "IN_REVIEW");
    assertThat(json(http.get("carl", "/api/mlr/items/" + itemId + "/findings")).path("runs"))
        .extracting(run -> run.path("version").asInt() + "/" + run.path("round").asInt())
        .containsExactly("1/1", "2/2");
    complete("carl", instance, "Task_Triage", Map.of("expedited", true));

    // round 2: the Review tab compares version 2 with version 1 and shows what alice changed
    String medical2 = claim("mark", instance, "Task_MedicalReview");
    ResponseEntity<String> tab = http.get("mark", "/api/mlr/tasks/" + medical2 + "/review");
    assertThat(tab.getStatusCode()).as(tab.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode review = json(tab);
    assertThat(review.path("version").asInt()).isEqualTo(2);
    assertThat(review.path("round").asInt()).isEqualTo(2);
    assertThat(review.path("against").path("version").asInt()).isEqualTo(1);
    assertThat(review.path("against").path("kind").asText()).isEqualTo("PREVIOUS");
    Map<String, String> changes = new LinkedHashMap<>();
    review
        .path("diff")
        .path("modules")
        .forEach(m -> changes.put(m.path("moduleId").asText(), m.path("change").asText()));
    assertThat(changes)
        .containsEntry("efficacy", "CHANGED")
        .containsEntry("headline", "UNCHANGED")
        .containsEntry("footer", "UNCHANGED");
    assertThat(review.path("diff").path("modules").toString()).contains("hypercholesterolaemia");
    completeTask("mark", medical2, "Task_MedicalReview", Map.of("reviewDecision", "approve"));
    complete("lena", instance, "Task_LegalReview", Map.of("reviewDecision", "approve"));
    complete("rita", instance, "Task_RegulatoryReview", Map.of("reviewDecision", "approve"));

    // 4. mark signs the approval; completing the signature step without a signature is refused
    String approval = claim("mark", instance, "Task_Approve");
    assertThat(runtimeService.getVariable(instance, "revisionNeeded")).isEqualTo(false);
    ResponseEntity<String> unsigned =
        http.post("mark", "/engine-rest/task/" + approval + "/complete", "{\"variables\": {}}");
    assertThat(unsigned.getStatusCode()).as(unsigned.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json(unsigned).path("rule").asText()).isEqualTo("signature-required");
    assertThat(taskService.createTaskQuery().taskId(approval).count()).isOne();
    ResponseEntity<String> signed = sign("mark", approval, Map.of());
    assertThat(signed.getStatusCode()).as(signed.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(json(signed).path("meaning").asText()).isEqualTo(MEANING);
    assertThat(json(signed).path("businessKey").asText()).isEqualTo(itemId);

    // 5. carl releases; the CRM simulator gets the version over HTTP
    String expiry = LocalDate.now().plusYears(1).toString();
    complete("carl", instance, "Task_Release", Map.of("expiryDate", expiry));
    JsonNode published =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> crm.content(itemId).orElse(null),
                c -> c != null && c.path("status").asText().equals("PUBLISHED"));
    assertThat(published.path("version").asInt()).isEqualTo(2);
    assertThat(published.path("markets").toString()).isEqualTo("[\"US\"]");
    assertThat(published.path("channels").toString()).isEqualTo("[\"email\"]");
    assertThat(published.path("expiryDate").asText()).isEqualTo(expiry);
    awaitActivity(instance, "Gateway_Distributed");
    assertThat(runtimeService.getVariable(instance, "published")).isEqualTo(true);
    assertThat(runtimeService.getVariable(instance, "crmDistributionId"))
        .isEqualTo(published.path("distributionId").asText());
    JsonNode v2 = json(http.get("alice", "/api/mlr/items/" + itemId)).path("versions").get(1);
    assertThat(v2.path("status").asText()).isEqualTo("APPROVED");
    assertThat(v2.path("approvalCode").asText()).isEqualTo(itemId + "-V2");
    assertThat(v2.path("expiresOn").asText()).isEqualTo(expiry);

    // 5b. alice updates the approved email: a new review cycle of the same item, against the
    // approved version, which stays in distribution meanwhile
    ObjectNode update = (ObjectNode) JSON.readTree(email(claimId));
    update.put("itemId", itemId);
    ((ObjectNode) update.path("modules").get(0))
        .put("text", "Dear Doctor, meet Cardiozen for primary hypercholesterolaemia.");
    ResponseEntity<String> newVersion =
        http.post("alice", "/api/mlr/submissions", update.toString());
    assertThat(newVersion.getStatusCode()).as(newVersion.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(json(newVersion).path("version").asInt()).isEqualTo(3);
    assertThat(json(newVersion).path("processInstanceId").asText()).isEqualTo(instance);
    awaitTask(instance, "Task_Triage");
    assertThat(runtimeService.getVariable(instance, "reviewRound")).isEqualTo(1);
    // against the approved version 2: the headline edited, and the efficacy module as version 1
    // had it (the update was written from the first draft)
    assertThat(runtimeService.getVariable(instance, "modulesToReview")).isEqualTo(2);
    // while it is in review, another version is refused
    ResponseEntity<String> another = http.post("alice", "/api/mlr/submissions", update.toString());
    assertThat(another.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(json(http.get("alice", "/api/mlr/items/" + itemId)).path("versions")).hasSize(3);

    // 6. carl withdraws the claim: the email is pulled from the CRM and its version withdrawn
    ResponseEntity<String> withdrawal =
        http.post(
            "carl",
            "/api/mlr/claims/" + claimId + "/withdrawal",
            "{\"reason\": \"Source study retracted\"}");
    assertThat(withdrawal.getStatusCode()).as(withdrawal.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json(withdrawal).path("items"))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.path("itemId").asText()).isEqualTo(itemId);
              assertThat(item.path("delivered").asBoolean()).isTrue();
            });
    awaitEnded(instance);
    // the history names the event subprocess as the end: of the end events passed, two ended a
    // review round, one the instance
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance)
                .activityType("noneEndEvent")
                .finished()
                .list())
        .extracting(a -> a.getActivityId())
        .containsExactlyInAnyOrder("EndEvent_Reviewed", "EndEvent_Reviewed", "EndEvent_Withdrawn");
    JsonNode pulled = crm.content(itemId).orElseThrow();
    assertThat(pulled.path("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(pulled.path("withdrawnVersions").toString()).isEqualTo("[2]");
    assertThat(pulled.path("withdrawalReason").asText()).contains("Source study retracted");
    JsonNode finalVersions = json(http.get("alice", "/api/mlr/items/" + itemId)).path("versions");
    assertThat(finalVersions.findValuesAsText("status"))
        .containsExactly("SUPERSEDED", "WITHDRAWN", "CANCELLED");
    assertThat(finalVersions.get(1).path("statusReason").asText())
        .contains("Source study retracted");

    // the audit trail has the steps, the signature and both CRM calls
    JsonNode audit = audit(itemId);
    assertThat(types(audit))
        .contains(
            AuditEventTypes.MLR_CONTENT_SUBMITTED,
            AuditEventTypes.MLR_PRECHECK_COMPLETED,
            AuditEventTypes.MLR_MODULE_COMMENT_ADDED,
            AuditEventTypes.MLR_CONTENT_STATUS_CHANGED,
            AuditEventTypes.TASK_COMPLETED,
            AuditEventTypes.SIGNATURE,
            AuditEventTypes.CHANGE_REQUESTED,
            AuditEventTypes.PROCESS_ENDED);
    // three versions (two rounds, then the update), each pre-checked once
    assertThat(count(audit, AuditEventTypes.MLR_CONTENT_SUBMITTED)).isEqualTo(3);
    assertThat(count(audit, AuditEventTypes.MLR_PRECHECK_COMPLETED)).isEqualTo(3);
    assertThat(audit)
        .filteredOn(e -> e.path("type").asText().equals(AuditEventTypes.SIGNATURE))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.path("actor").asText()).isEqualTo("mark");
              assertThat(s.path("details").path("meaning").asText()).isEqualTo(MEANING);
            });
    assertThat(systemCalls(audit, CrmOperations.PUBLISH_CONTENT)).isEqualTo(1);
    assertThat(systemCalls(audit, CrmOperations.WITHDRAW_CONTENT)).isEqualTo(1);
    List<String> completedTasks = new ArrayList<>();
    audit.forEach(
        e -> {
          if (e.path("type").asText().equals(AuditEventTypes.TASK_COMPLETED)) {
            completedTasks.add(e.path("actor").asText());
          }
        });
    assertThat(completedTasks).contains("alice", "carl", "mark", "lena", "rita");

    // the item's GxP record: the email as submitted, where its versions stand, how it was
    // routed; linked the claims its versions use, the withdrawn one saying so
    ResponseEntity<String> read = http.get("quinn", "/api/records/" + itemId);
    assertThat(read.getStatusCode()).as(read.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode record = json(read);
    assertThat(record.path("title").asText())
        .isEqualTo("Cardiozen: LDL lowering for your high-risk patients");
    // its PDF copy, PDF/A, with the same title and the claims
    assertThat(PdfCopies.recordText(rest, "quinn", itemId))
        .contains("Cardiozen: LDL lowering for your high-risk patients", "CLM-001", "CLM-005")
        .contains(record.path("audit").path("sha256").asText());
    Map<String, String> header = new LinkedHashMap<>();
    record
        .path("header")
        .forEach(f -> header.put(f.path("label").asText(), f.path("value").asText()));
    assertThat(header)
        .containsEntry("Product", "Cardiozen")
        .containsEntry("Markets", "US")
        .containsEntry("Channel", "email")
        .containsEntry("Audience", "HCP")
        .containsEntry("Current version", "3 (CANCELLED: Source study retracted)")
        .containsEntry("Approved version", "2 (WITHDRAWN: Source study retracted)")
        .containsEntry("Approval code", itemId + "-V2")
        .containsEntry("Expires", expiry)
        .containsEntry("Pre-check", "version 3: score 100, no finding")
        .containsEntry("Reviews required", "medical, legal, regulatory")
        .containsEntry("Review SLA", "2 working days (expedited)");
    assertThat(record.path("links").findValuesAsText("relation")).containsOnly("Claim");
    assertThat(record.path("links").findValuesAsText("businessKey"))
        .containsExactly("CLM-001", "CLM-005", claimId);
    assertThat(record.path("links").get(0).path("description").asText()).isEqualTo(LDL);
    assertThat(record.path("links").get(2).path("description").asText())
        .startsWith("WITHDRAWN ")
        .contains("(Source study retracted)")
        .endsWith(": " + claimText);
  }

  @Test
  void anAuthorWhoIsAlsoAMedicalReviewerCannotSignTheApprovalOfTheirOwnContent() {
    String probe =
        ProbeUsers.create(
            identityService, "mlr-author-medic-" + shortId().toLowerCase(), "pw", "mlr-medical");
    identityService.createMembership(probe, "content-authors");

    // a detail aid for Germany: medical review only
    ResponseEntity<String> submitted =
        rest.withBasicAuth(probe, "pw")
            .postForEntity("/api/mlr/submissions", jsonEntity(detailAid()), String.class);
    assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.CREATED);
    String itemId = json(submitted).path("itemId").asText();
    String instance = json(submitted).path("processInstanceId").asText();
    complete("carl", instance, "Task_Triage", Map.of("expedited", false));
    assertThat(runtimeService.getVariable(instance, "reviewsRequired"))
        .isEqualTo(List.of("medical"));
    complete("mark", instance, "Task_MedicalReview", Map.of("reviewDecision", "approve"));
    Task approval = awaitTask(instance, "Task_Approve");

    Map<String, Object> request = new HashMap<>();
    request.put("password", "pw");
    request.put("meaning", MEANING);
    request.put("variables", Map.of());
    ResponseEntity<String> refused =
        rest.withBasicAuth(probe, "pw")
            .postForEntity(
                "/api/tasks/" + approval.getId() + "/signature",
                jsonEntity(JSON.valueToTree(request).toString()),
                String.class);
    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json(refused).path("type").asText())
        .isEqualTo("urn:gxpflow:problem:segregation-of-duties");
    assertThat(json(refused).path("rule").asText()).contains("initiator");
    ResponseEntity<String> claimed =
        rest.withBasicAuth(probe, "pw")
            .postForEntity(
                "/engine-rest/task/" + approval.getId() + "/claim",
                jsonEntity("{\"userId\": \"" + probe + "\"}"),
                String.class);
    assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json(claimed).path("type").asText())
        .isEqualTo("urn:gxpflow:problem:segregation-of-duties");

    // nothing signed, the step still open for another medical reviewer
    assertThat(taskService.createTaskQuery().taskId(approval.getId()).count()).isOne();
    assertThat(json(http.get("quinn", "/api/signatures?businessKey=" + itemId))).isEmpty();
    assertThat(
            json(http.get("alice", "/api/mlr/items/" + itemId))
                .path("versions")
                .findValuesAsText("status"))
        .containsExactly("IN_REVIEW");
    runtimeService.deleteProcessInstance(instance, "MlrReviewIT: probe's item");
  }

  @Test
  void aStartFormWithBadMarkupIsRefusedNamingTheContentAndStartsNothing() {
    long instances =
        runtimeService.createProcessInstanceQuery().processDefinitionKey("mlr-review").count();
    long versions = storedVersions();
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("contentTitle", "Cardiozen: LDL lowering");
    form.put("product", "Cardiozen");
    form.put("markets", List.of("DE"));
    form.put("channel", "rep-detail");
    form.put("audience", "HCP");
    form.put("contentText", "Text before any module\n## efficacy\n[](claim:CLM-001)\n");
    ResponseEntity<String> refused =
        http.post(
            "alice", "/engine-rest/process-definition/key/mlr-review/submit-form", body(form));

    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType())
        .matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    JsonNode problem = json(refused);
    assertThat(problem.path("type").asText()).isEqualTo("urn:gxpflow:problem:invalid-task-input");
    // the one field, named by its label, with every problem of the text and its line
    assertThat(problem.path("detail").asText())
        .startsWith("Please correct 1 field. \"Content\" line 1: text before the first module")
        .contains("\"Content\" line 3: the claim link to 'CLM-001' has no words")
        .doesNotContain("contentText");
    assertThat(problem.path("errors").findValuesAsText("reason"))
        .allMatch(reason -> reason.startsWith("line "));
    assertThat(refused.getBody()).doesNotContain("Exception", "io.gxpflow");
    assertThat(problem.path("errors").findValuesAsText("field")).contains("contentText");
    assertThat(
            runtimeService.createProcessInstanceQuery().processDefinitionKey("mlr-review").count())
        .isEqualTo(instances);
    assertThat(storedVersions()).isEqualTo(versions);
  }

  long storedVersions() {
    return jdbc.queryForObject("select count(*) from gxp_mlr_content_version", Long.class);
  }

  // ---- content
  // ----------------------------------------------------------------------------------------------

  static String claim(String id, String text) {
    ObjectNode claim = JSON.createObjectNode();
    claim.put("id", id);
    claim.put("product", "Cardiozen");
    claim.put("approvedText", text);
    claim.putArray("variations");
    ObjectNode reference = claim.putArray("references").addObject();
    reference.put("source", "Data on file, LDL-GOAL registry");
    reference.put("anchor", "Table 4");
    reference.put("expiresOn", "2030-12-31");
    claim.putArray("markets").add("US");
    return claim.toString();
  }

  /** A US HCP email: headline, two library claims and one of this run, dosing, ISI, unsubscribe. */
  static String email(String claimId) {
    String efficacy = LDL + " " + STUDIED;
    String goal = "Cardiozen patients reached their LDL goal in 4 of 5 cases.";
    ObjectNode email = JSON.createObjectNode();
    email.put("title", "Cardiozen: LDL lowering for your high-risk patients");
    email.put("product", "Cardiozen");
    email.putArray("markets").add("US");
    email.put("channel", "email");
    email.put("audience", "HCP");
    ArrayNode modules = email.putArray("modules");
    module(modules, "headline", "BODY", "Dear Doctor, meet Cardiozen for hypercholesterolaemia.");
    ObjectNode claims = module(modules, "efficacy", "BODY", efficacy);
    use(claims, "CLM-001", LDL);
    use(claims, "CLM-005", STUDIED);
    use(module(modules, "goal", "BODY", goal), claimId, goal);
    module(modules, "dosing", "BODY", "Take one 250 mg tablet twice daily, with or without food.")
        .put("preApprovedModuleId", "PM-CZ-DOSING");
    module(modules, "safety", "ISI", US_ISI).put("preApprovedModuleId", "PM-ISI-US-7");
    module(
        modules,
        "footer",
        "BODY",
        "You receive this email as a registered healthcare professional."
            + " [Unsubscribe](https://hcp.example.com/unsubscribe)");
    return email.toString();
  }

  static String detailAid() {
    ObjectNode aid = JSON.createObjectNode();
    aid.put("title", "Cardiozen detail aid");
    aid.put("product", "Cardiozen");
    aid.putArray("markets").add("DE");
    aid.put("channel", "rep-detail");
    aid.put("audience", "HCP");
    ArrayNode modules = aid.putArray("modules");
    use(module(modules, "efficacy", "BODY", LDL), "CLM-001", LDL);
    module(modules, "safety", "ISI", EU_ISI).put("preApprovedModuleId", "PM-ISI-7");
    return aid.toString();
  }

  static ObjectNode module(ArrayNode modules, String id, String type, String text) {
    ObjectNode module = modules.addObject();
    module.put("id", id);
    module.put("type", type);
    module.put("text", text);
    return module;
  }

  static ObjectNode use(ObjectNode module, String claimId, String words) {
    ObjectNode use = module.withArray("claims").addObject();
    use.put("claimId", claimId);
    use.put("words", words);
    return module;
  }

  // ---- the process
  // ----------------------------------------------------------------------------------------------

  /** The shipped model, not a fixture another test deployed under the same key. */
  void assertShippedModel(String instance) {
    ProcessDefinition model =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionId(
                runtimeService
                    .createProcessInstanceQuery()
                    .processInstanceId(instance)
                    .singleResult()
                    .getProcessDefinitionId())
            .singleResult();
    assertThat(model.getKey()).isEqualTo("mlr-review");
    assertThat(
            repositoryService
                .createDeploymentQuery()
                .deploymentId(model.getDeploymentId())
                .singleResult()
                .getName())
        .isEqualTo("gxp-flow");
  }

  Task awaitTask(String instance, String taskKey) {
    try {
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
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(taskKey + " not reached; " + state(instance), e);
    }
  }

  void awaitActivity(String instance, String activityId) {
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> runtimeService.getActiveActivityIds(instance).contains(activityId));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(activityId + " not reached; " + state(instance), e);
    }
  }

  String state(String instance) {
    return "active: "
        + runtimeService.getActiveActivityIds(instance)
        + ", jobs: "
        + managementService.createJobQuery().processInstanceId(instance).list().stream()
            .map(job -> job.getId() + " " + job.getRetries() + " " + job.getExceptionMessage())
            .toList();
  }

  HistoricProcessInstance awaitEnded(String instance) {
    try {
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
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("not ended; " + state(instance), e);
    }
  }

  String claim(String user, String instance, String taskKey) {
    Task task = awaitTask(instance, taskKey);
    if (task.getAssignee() == null) {
      ResponseEntity<String> claimed =
          http.post(
              user,
              "/engine-rest/task/" + task.getId() + "/claim",
              "{\"userId\": \"" + user + "\"}");
      assertThat(claimed.getStatusCode())
          .as(taskKey + ": " + claimed.getBody())
          .isEqualTo(HttpStatus.NO_CONTENT);
    }
    return task.getId();
  }

  void complete(String user, String instance, String taskKey, Map<String, Object> variables) {
    completeTask(user, claim(user, instance, taskKey), taskKey, variables);
  }

  void completeTask(String user, String taskId, String taskKey, Map<String, Object> variables) {
    ResponseEntity<String> completed =
        http.post(user, "/engine-rest/task/" + taskId + "/complete", body(variables));
    assertThat(completed.getStatusCode())
        .as(taskKey + ": " + completed.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  ResponseEntity<String> sign(String user, String taskId, Map<String, Object> variables) {
    Map<String, Object> request = new HashMap<>();
    request.put("password", user);
    request.put("meaning", MEANING);
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

  static HttpEntity<String> jsonEntity(String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(json, headers);
  }

  // ---- audit
  // ----------------------------------------------------------------------------------------------

  JsonNode audit(String businessKey) {
    ResponseEntity<String> audit = http.get("quinn", "/api/audit?businessKey=" + businessKey);
    assertThat(audit.getStatusCode()).as(audit.getBody()).isEqualTo(HttpStatus.OK);
    return json(audit);
  }

  List<String> auditTypes(String businessKey) {
    return types(audit(businessKey));
  }

  static List<String> types(JsonNode audit) {
    List<String> types = new ArrayList<>();
    audit.forEach(e -> types.add(e.path("type").asText()));
    return types;
  }

  static long count(JsonNode audit, String type) {
    return types(audit).stream().filter(type::equals).count();
  }

  /** Successful SYSTEM_CALL events of one CRM operation. */
  static long systemCalls(JsonNode audit, String operation) {
    long count = 0;
    for (JsonNode event : audit) {
      JsonNode details = event.path("details");
      if (event.path("type").asText().equals(AuditEventTypes.SYSTEM_CALL)
          && details.path("system").asText().equals("CRM")
          && details.path("operation").asText().equals(operation)
          && details.path("outcome").asText().equals("OK")) {
        count++;
      }
    }
    return count;
  }

  static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }
}
