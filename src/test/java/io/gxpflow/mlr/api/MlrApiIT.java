package io.gxpflow.mlr.api;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.mlr.content.Audience;
import io.gxpflow.mlr.content.Channel;
import io.gxpflow.mlr.content.ClaimUse;
import io.gxpflow.mlr.content.ContentDraft;
import io.gxpflow.mlr.content.ContentStatus;
import io.gxpflow.mlr.content.ModuleDraft;
import io.gxpflow.mlr.content.ModuleType;
import io.gxpflow.mlr.precheck.Finding;
import io.gxpflow.mlr.precheck.PrecheckResult;
import io.gxpflow.mlr.precheck.PrecheckRuleId;
import io.gxpflow.mlr.precheck.Severity;
import io.gxpflow.mlr.precheck.TextSpan;
import io.gxpflow.mlr.store.JdbcContentRepository;
import io.gxpflow.mlr.store.JdbcFindingsRepository;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code /api/mlr/...} over HTTP as the demo users: the claims library, submissions that start
 * {@code mlr-review} (a test model with the lead's start event and withdrawal message until the
 * real one lands), items, versions and findings; every refusal a problem detail that changes
 * nothing.
 */
@IntegrationTest
class MlrApiIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern JAVA_NAME =
      Pattern.compile("\\b(java|javax|jakarta|org|com)\\.[a-z]+\\.[A-Za-z.]+|Exception\\b");

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcContentRepository content;
  @Autowired JdbcFindingsRepository findings;
  @Autowired AuditTrail auditTrail;
  RestClientForUsers http;
  Deployment model;

  @BeforeEach
  void deploy() {
    http = new RestClientForUsers(rest);
    model = Fixtures.deploy(repositoryService, "fixtures/mlr/mlr-withdrawal-fixture.bpmn");
  }

  @AfterEach
  void undeploy() {
    Fixtures.undeploy(repositoryService, model);
  }

  // ---- claims ----

  @Test
  void authorsAndReviewersReadTheClaimsLibraryOthersDoNot() {
    ResponseEntity<String> library = http.get("alice", "/api/mlr/claims");
    assertThat(library.getStatusCode().value()).isEqualTo(200);
    JsonNode amx = find(json(library), "CLM-AMX-01");
    assertThat(amx.path("product").asText()).isEqualTo("Amoxicillin");
    assertThat(amx.path("markets").toString()).isEqualTo("[\"CH\",\"DE\",\"GB\"]");
    assertThat(amx.path("references").get(0).path("expiresOn").asText()).isEqualTo("2028-03-31");
    for (String reviewer : List.of("carl", "mark", "lena", "rita")) {
      assertThat(http.get(reviewer, "/api/mlr/claims").getStatusCode().value()).isEqualTo(200);
    }
    assertThat(json(http.get("mark", "/api/mlr/claims/CLM-003")).path("approvedText").asText())
        .isEqualTo("Cardiozen was well tolerated in the ZEN-1 study.");
    problem(http.get("mark", "/api/mlr/claims/CLM-NOWHERE"), 404, "mlr-request");
    problem(http.get("paul", "/api/mlr/claims"), 403, "forbidden");
    problem(http.anonymous().getForEntity("/api/mlr/claims", String.class), 401, "unauthorized");
  }

  @Test
  void coordinatorsAddClaimsOnceEach() {
    String id = "CLM-IT-" + shortId();
    String body = claim(id, "Amoxicillin", "CH");

    ResponseEntity<String> added = http.post("carl", "/api/mlr/claims", body);
    assertThat(added.getStatusCode().value()).as(added.getBody()).isEqualTo(201);
    assertThat(added.getHeaders().getLocation()).hasPath("/api/mlr/claims/" + id);
    assertThat(json(added).path("status").asText()).isEqualTo("ACTIVE");
    assertThat(json(added).path("addedBy").asText()).isEqualTo("carl");
    assertThat(auditTrail.findByBusinessKey(id)).isEmpty(); // a claim is no case

    JsonNode again = problem(http.post("carl", "/api/mlr/claims", body), 409, "mlr-request");
    assertThat(again.path("detail").asText()).contains(id);
    problem(
        http.post("alice", "/api/mlr/claims", claim("CLM-IT-" + shortId(), "Amoxicillin", "CH")),
        403,
        "forbidden");
    problem(
        http.post("mark", "/api/mlr/claims", claim("CLM-IT-" + shortId(), "Amoxicillin", "CH")),
        403,
        "forbidden");
  }

  @Test
  void aClaimWithBadFieldsIsRefusedFieldByField() {
    JsonNode refused =
        problem(
            http.post(
                "carl",
                "/api/mlr/claims",
                "{\"id\": \"bad id\", \"product\": \"Amoxicillin\", \"approvedText\": \" \","
                    + " \"references\": [], \"markets\": [\"CHE\"]}"),
            400,
            "invalid-request");
    assertThat(fields(refused))
        .containsExactlyInAnyOrder("id", "approvedText", "references", "markets[0]");

    JsonNode unknown =
        problem(
            http.post(
                "carl",
                "/api/mlr/claims",
                "{\"id\": \"CLM-IT-X\", \"product\": \"Aspirin\", \"approvedText\": \"t\","
                    + " \"references\": [{\"source\": \"s\", \"expiresOn\": \"2027-02-30\"}],"
                    + " \"markets\": [\"CH\"]}"),
            400,
            "invalid-request");
    assertThat(fields(unknown)).containsExactly("product", "references[0].expiresOn");
    problem(http.get("carl", "/api/mlr/claims/CLM-IT-X"), 404, "mlr-request");
  }

  @Test
  void withdrawingAClaimTellsEveryApprovedItemThatUsesItAndReportsThoseItCouldNotTell() {
    String claimId = "CLM-IT-" + shortId();
    assertThat(
            http.post("carl", "/api/mlr/claims", claim(claimId, "Amoxicillin", "CH"))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    // one approved item whose instance waits for ContentWithdrawn (a stand-in model: the whole
    // way to publication is MlrReviewIT's), one approved without a process
    String reviewed =
        content.submit(null, MlrApiIT.draftUsing(claimId), "alice").content().itemId();
    content.markApproved(reviewed, 1, "CODE-A", LocalDate.of(2028, 1, 31));
    runtimeService.startProcessInstanceByKey("mlr-withdrawal-fixture", reviewed);
    String orphan = content.submit(null, MlrApiIT.draftUsing(claimId), "alice").content().itemId();
    content.markApproved(orphan, 1, "CODE-B", LocalDate.of(2028, 1, 31));

    problem(
        http.post("alice", "/api/mlr/claims/" + claimId + "/withdrawal", "{\"reason\": \"r\"}"),
        403,
        "forbidden");
    assertThat(
            fields(
                problem(
                    http.post(
                        "carl",
                        "/api/mlr/claims/" + claimId + "/withdrawal",
                        "{\"reason\": \" \"}"),
                    400,
                    "invalid-request")))
        .containsExactly("reason");
    problem(
        http.post("carl", "/api/mlr/claims/CLM-NOWHERE/withdrawal", "{\"reason\": \"r\"}"),
        404,
        "mlr-request");

    ResponseEntity<String> withdrawn =
        http.post(
            "carl",
            "/api/mlr/claims/" + claimId + "/withdrawal",
            "{\"reason\": \"Guideline superseded\"}");

    assertThat(withdrawn.getStatusCode().value()).as(withdrawn.getBody()).isEqualTo(200);
    JsonNode body = json(withdrawn);
    assertThat(body.path("claim").path("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(body.path("claim").path("withdrawnBy").asText()).isEqualTo("carl");
    Map<String, Boolean> delivered = new LinkedHashMap<>();
    body.path("items")
        .forEach(i -> delivered.put(i.path("itemId").asText(), i.path("delivered").asBoolean()));
    assertThat(delivered).containsEntry(reviewed, true).containsEntry(orphan, false).hasSize(2);
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(reviewed)
            .singleResult();
    assertThat(runtimeService.getActiveActivityIds(instance.getId()))
        .containsExactly("Task_ConfirmWithdrawal");
    assertThat(runtimeService.getVariable(instance.getId(), "withdrawalReason"))
        .isEqualTo("Guideline superseded");
    // the library the pre-check reads has lost it; the claim stays readable
    assertThat(
            json(http.get("alice", "/api/mlr/claims/" + claimId)).path("withdrawalReason").asText())
        .isEqualTo("Guideline superseded");
    // both items' trails say what happened
    assertThat(requests(reviewed))
        .extracting(e -> e.details().get("delivered"))
        .containsExactly(true);
    assertThat(requests(orphan))
        .extracting(e -> e.details().get("delivered"))
        .containsExactly(false);
    assertThat(requests(orphan).get(0).actor()).isEqualTo("carl");

    problem(
        http.post("carl", "/api/mlr/claims/" + claimId + "/withdrawal", "{\"reason\": \"again\"}"),
        409,
        "mlr-request");
  }

  // ---- submissions ----

  @Test
  void anAuthorSubmitsAndTheReviewStartsWithTheStoredVersion() throws Exception {
    ResponseEntity<String> created = submit("alice", submission(null, "CLM-AMX-04"));

    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    String itemId = json(created).path("itemId").asText();
    assertThat(itemId).matches("MLR-\\d{4}-\\d{4}");
    assertThat(created.getHeaders().getLocation()).hasPath("/api/mlr/items/" + itemId);
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey("mlr-review")
            .processInstanceBusinessKey(itemId)
            .singleResult();
    assertThat(instance.getId()).isEqualTo(json(created).path("processInstanceId").asText());
    assertThat(runtimeService.getVariables(instance.getId()))
        .containsEntry("contentId", itemId)
        .containsEntry("contentVersion", 1)
        .containsEntry("author", "alice");
    assertThat(content.find(itemId, 1).orElseThrow().submittedBy()).isEqualTo("alice");

    // no second version while the review runs; nothing stored
    problem(submit("alice", submission(itemId, "CLM-AMX-04")), 409, "business-key-in-use");
    assertThat(content.versions(itemId)).hasSize(1);

    // once it ended, the next version starts the next review
    Fixtures.deleteInstance(runtimeService, instance.getId());
    ResponseEntity<String> revised = submit("alice", submission(itemId, "CLM-AMX-04"));
    assertThat(revised.getStatusCode().value()).as(revised.getBody()).isEqualTo(201);
    assertThat(json(revised).path("version").asInt()).isEqualTo(2);
  }

  @Test
  void ofTwoRevisionsSentAtTheSameMomentOneStartsTheReviewAndTheOtherStoresNothing()
      throws Exception {
    String itemId = json(submit("alice", submission(null, "CLM-AMX-04"))).path("itemId").asText();
    Fixtures.deleteInstance(
        runtimeService,
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(itemId)
            .singleResult()
            .getId());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    try {
      Callable<Integer> revise =
          () -> {
            go.await();
            return submit("alice", submission(itemId, "CLM-AMX-04")).getStatusCode().value();
          };
      Future<Integer> one = pool.submit(revise);
      Future<Integer> two = pool.submit(revise);
      go.countDown();
      assertThat(List.of(one.get(60, TimeUnit.SECONDS), two.get(60, TimeUnit.SECONDS)))
          .containsExactlyInAnyOrder(201, 409);
    } finally {
      pool.shutdownNow();
    }
    assertThat(content.versions(itemId)).hasSize(2);
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(itemId).count())
        .isEqualTo(1);
  }

  @Test
  void aSubmissionTheStoreRefusesIsA400WithTheProblemsAndStartsNothing() {
    long instances = runtimeService.createProcessInstanceQuery().count();
    String wrongWords =
        submission(null, "CLM-AMX-04")
            .replace(
                "\"words\": \"Treatment usually lasts 5 days.\"", "\"words\": \"Not in the text\"");
    assertThat(fields(problem(submit("alice", wrongWords), 400, "invalid-request")))
        .containsExactly("modules[0].claims[0].words");

    String twice =
        submission(null, "CLM-AMX-04").replace("\"id\": \"dosing\"", "\"id\": \"efficacy\"");
    assertThat(fields(problem(submit("alice", twice), 400, "invalid-request")))
        .containsExactly("modules[1].id");

    assertThat(
            fields(
                problem(
                    submit("alice", submission("MLR-1999-0999", "CLM-AMX-04")),
                    400,
                    "invalid-request")))
        .containsExactly("itemId");

    JsonNode invalid =
        problem(
            submit(
                "alice",
                "{\"itemId\": \"X-1\", \"title\": \"\", \"product\": \"Amoxicillin\", \"markets\": [],"
                    + " \"channel\": \"fax\", \"audience\": \"hcp\", \"modules\": [{\"id\": \"a b\","
                    + " \"type\": \"FOOTER\", \"text\": \" \"}]}"),
            400,
            "invalid-request");
    assertThat(fields(invalid))
        .contains(
            "itemId",
            "title",
            "markets",
            "channel",
            "audience",
            "modules[0].id",
            "modules[0].type",
            "modules[0].text");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void onlyContentAuthorsSubmit() {
    problem(submit("carl", submission(null, "CLM-AMX-04")), 403, "forbidden");
    problem(submit("quinn", submission(null, "CLM-AMX-04")), 403, "forbidden");
    problem(
        http.anonymous()
            .postForEntity(
                "/api/mlr/submissions",
                new HttpEntity<>(submission(null, "CLM-AMX-04"), jsonHeaders()),
                String.class),
        401,
        "unauthorized");
  }

  // ---- items ----

  @Test
  void anItemReadsWithItsVersionsModulesMarkupAndFindings() {
    String itemId = json(submit("alice", submission(null, "CLM-AMX-04"))).path("itemId").asText();
    findings.record(
        itemId,
        1,
        1,
        new PrecheckResult(
            List.of(
                new Finding(
                    PrecheckRuleId.PROHIBITED_PHRASE,
                    Severity.MAJOR,
                    "efficacy",
                    new TextSpan(0, 9),
                    "absolute claim")),
            90));

    JsonNode item = json(http.get("quinn", "/api/mlr/items/" + itemId));
    assertThat(item.path("versions")).hasSize(1);
    JsonNode v1 = item.path("versions").get(0);
    assertThat(v1.path("status").asText()).isEqualTo(ContentStatus.IN_REVIEW.name());
    assertThat(v1.path("contentHash").asText()).hasSize(64);
    assertThat(v1.path("submittedBy").asText()).isEqualTo("alice");

    JsonNode version = json(http.get("mark", "/api/mlr/items/" + itemId + "/versions/1"));
    assertThat(version.path("markets").toString()).isEqualTo("[\"CH\",\"DE\"]");
    assertThat(version.path("channel").asText()).isEqualTo("email");
    assertThat(version.path("modules").get(0).path("claims").get(0).path("claimId").asText())
        .isEqualTo("CLM-AMX-04");
    assertThat(version.path("modules").get(1).path("preApprovedText").asText())
        .isEqualTo("Adults: 500 mg three times daily, usually for 5 days.");
    assertThat(version.path("markup").asText())
        .isEqualTo(
            "## efficacy\nIn adults: [Treatment usually lasts 5 days.](claim:CLM-AMX-04)\n\n"
                + "## dosing from PM-AMX-DOSING\nAdults: 500 mg three times daily, usually for 5"
                + " days.\n\n## safety [isi]\nImportant safety information: see the SmPC.\n");

    // the run recorded here, beside the process's own pre-check (a job) once that has run
    JsonNode runs = json(http.get("olivia", "/api/mlr/items/" + itemId + "/findings")).path("runs");
    JsonNode recorded = null;
    for (JsonNode run : runs) {
      if (run.path("score").asInt() == 90) {
        recorded = run;
      }
    }
    assertThat(runs.size()).isBetween(1, 2);
    assertThat(recorded).as(runs.toString()).isNotNull();
    assertThat(recorded.path("findings").get(0).path("rule").asText())
        .isEqualTo("prohibited-phrase");
    assertThat(recorded.path("findings").get(0).path("end").asInt()).isEqualTo(9);

    JsonNode demo = json(http.get("alice", "/api/mlr/items/MLR-2026-0001"));
    assertThat(demo.path("versions").get(0).path("approvalCode").asText())
        .isEqualTo("CH-AMX-2025-017");
    assertThat(demo.path("versions").get(0).path("expiresOn").asText()).isEqualTo("2027-12-31");

    problem(http.get("quinn", "/api/mlr/items/MLR-1999-0001"), 404, "mlr-request");
    problem(http.get("quinn", "/api/mlr/items/MLR-1999-0001/findings"), 404, "mlr-request");
    problem(http.get("quinn", "/api/mlr/items/" + itemId + "/versions/7"), 404, "mlr-request");
    problem(http.get("quinn", "/api/mlr/items/" + itemId + "/versions/x"), 404, "mlr-request");
    problem(http.get("paul", "/api/mlr/items/" + itemId), 403, "forbidden");
    problem(http.get("oscar", "/api/mlr/items/" + itemId), 403, "forbidden");
  }

  // ---- helpers ----

  private List<StoredAuditEvent> requests(String itemId) {
    return auditTrail.findByBusinessKey(itemId).stream()
        .filter(e -> e.type().equals(AuditEventTypes.CHANGE_REQUESTED))
        .toList();
  }

  private ResponseEntity<String> submit(String user, String body) {
    return http.post(user, "/api/mlr/submissions", body);
  }

  static ContentDraft draftUsing(String claimId) {
    return new ContentDraft(
        "Orphan",
        "Amoxicillin",
        Set.of("CH"),
        Channel.EMAIL,
        Audience.HCP,
        List.of(
            new ModuleDraft(
                "efficacy",
                ModuleType.BODY,
                "An approved claim.",
                List.of(new ClaimUse(claimId, "An approved claim.")),
                null)));
  }

  static String submission(String itemId, String claimId) {
    String words =
        claimId.equals("CLM-AMX-04") ? "Treatment usually lasts 5 days." : "An approved claim.";
    return "{"
        + (itemId == null ? "" : "\"itemId\": \"" + itemId + "\", ")
        + "\"title\": \"CAP dosing\", \"product\": \"Amoxicillin\", \"markets\": [\"ch\", \"DE\"],"
        + " \"channel\": \"email\", \"audience\": \"HCP\", \"modules\": ["
        + "{\"id\": \"efficacy\", \"text\": \"In adults: "
        + words
        + "\", \"claims\": [{\"claimId\": \""
        + claimId
        + "\", \"words\": \""
        + words
        + "\"}]},"
        + " {\"id\": \"dosing\", \"type\": \"BODY\", \"text\": \"Adults: 500 mg three times daily,"
        + " usually for 5 days.\", \"preApprovedModuleId\": \"PM-AMX-DOSING\"},"
        + " {\"id\": \"safety\", \"type\": \"ISI\", \"text\": \"Important safety information: see"
        + " the SmPC.\"}]}";
  }

  static String claim(String id, String product, String market) {
    return "{\"id\": \""
        + id
        + "\", \"product\": \""
        + product
        + "\", \"approvedText\": \"An approved claim.\", \"variations\": [\"A claim, approved.\"],"
        + " \"references\": [{\"source\": \"Data on file\", \"anchor\": \"p. 1\", \"expiresOn\":"
        + " \"2030-12-31\"}], \"markets\": [\""
        + market
        + "\"]}";
  }

  static JsonNode find(JsonNode claims, String id) {
    for (JsonNode claim : claims) {
      if (claim.path("id").asText().equals(id)) {
        return claim;
      }
    }
    throw new AssertionError("no claim " + id + " in " + claims);
  }

  static JsonNode problem(ResponseEntity<String> response, int status, String type) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType())
        .as(response.getBody())
        .matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(response.getBody()).doesNotContainPattern(JAVA_NAME);
    JsonNode problem = json(response);
    assertThat(problem.path("type").asText()).isEqualTo("urn:gxpflow:problem:" + type);
    assertThat(problem.path("detail").asText()).isNotBlank();
    return problem;
  }

  static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

  static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }
}
