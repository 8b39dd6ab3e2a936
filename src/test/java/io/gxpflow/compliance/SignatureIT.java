package io.gxpflow.compliance;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.support.DatabaseOwner;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.ItProfiles;
import io.gxpflow.support.ProbeUsers;
import io.gxpflow.support.RestClientForUsers;
import io.gxpflow.support.WebappSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Part 11 electronic signatures over {@code POST /api/tasks/{id}/signature}. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SignatureIT {

  static final String MEANING = "Deviation closure approved";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired AuditTrail auditTrail;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  RestClientForUsers http;
  Deployment deployment;
  String businessKey;

  @BeforeEach
  void deploy() {
    http = new RestClientForUsers(rest);
    deployment = ComplianceFixture.deploy(repositoryService);
    businessKey = "DEV-SIG-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void undeploy() {
    Fixtures.undeploy(repositoryService, deployment);
  }

  @Test
  void aSignatureCompletesTheStepAndLeavesAManifestLinkedIntoTheAuditTrail() {
    String signer = qaUser("Sig", "pw-" + UUID.randomUUID());
    String password = identityPassword(signer);
    Task closure = closureClaimedBy(signer, password);

    ResponseEntity<String> response =
        sign(signer, password, closure, password, MEANING, "All CAPAs verified");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode manifest = json(response);
    assertThat(manifest.path("signerId").asText()).isEqualTo(signer);
    assertThat(manifest.path("signerName").asText()).isEqualTo("Probe " + signer);
    assertThat(manifest.path("meaning").asText()).isEqualTo(MEANING);
    assertThat(manifest.path("businessKey").asText()).isEqualTo(businessKey);
    assertThat(manifest.path("taskId").asText()).isEqualTo(closure.getId());
    assertThat(manifest.path("taskName").asText()).isEqualTo("QA closure approval");
    assertThat(manifest.path("contentHash").asText()).matches("[0-9a-f]{64}");
    assertThat(manifest.path("signedAt").asText()).endsWith("Z");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .count())
        .isZero();

    StoredAuditEvent signature =
        auditTrail.findByBusinessKey(businessKey).stream()
            .filter(e -> e.type().equals(AuditEventTypes.SIGNATURE))
            .findFirst()
            .orElseThrow();
    assertThat(signature.seq()).isEqualTo(manifest.path("auditSeq").asLong());
    assertThat(signature.actor()).isEqualTo(signer);
    assertThat(signature.details())
        .containsEntry("contentHash", manifest.path("contentHash").asText())
        .containsEntry("meaning", MEANING)
        .containsEntry("signatureId", manifest.path("id").asText());
    assertThat(auditTrail.findByBusinessKey(businessKey))
        .filteredOn(
            e ->
                e.type().equals(AuditEventTypes.TASK_COMPLETED)
                    && closure.getId().equals(e.taskId()))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.details()).containsEntry("signatureId", manifest.path("id").asText()));

    ResponseEntity<String> manifests =
        http.get("quinn", "/api/signatures?businessKey=" + businessKey);
    assertThat(json(manifests).findValuesAsText("id"))
        .containsExactly(manifest.path("id").asText());
    assertThat(http.get("mark", "/api/signatures?businessKey=" + businessKey).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    if (ItProfiles.onPostgres()) {
      // the database itself refuses to change or remove a signature: the application's role may
      // only insert and
      // read (role split), and the append-only trigger stops the owner too
      assertThatThrownBy(
              () ->
                  jdbc.update(
                      "update gxp_signature set meaning = 'Rejected' where id = ?",
                      manifest.path("id").asText()))
          .hasStackTraceContaining("permission denied");
      assertThatThrownBy(
              () ->
                  jdbc.update(
                      "delete from gxp_signature where id = ?", manifest.path("id").asText()))
          .hasStackTraceContaining("permission denied");
      try (DatabaseOwner owner = new DatabaseOwner(jdbc)) {
        assertThatThrownBy(
                () ->
                    owner
                        .jdbc()
                        .update(
                            "update gxp_signature set meaning = 'Rejected' where id = ?",
                            manifest.path("id").asText()))
            .hasMessageContaining("append-only");
      }
    }
  }

  @Test
  void tasklistSignsWithTheWebappSessionAndItsCsrfToken() throws Exception {
    String signer = qaUser("Tasklist", "pw-" + UUID.randomUUID());
    String password = identityPassword(signer);
    Task closure = closureClaimedBy(signer, password);
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login(signer, password, "tasklist")).isEqualTo(200);
    String path = "/api/tasks/" + closure.getId() + "/signature";

    // the session alone is not enough: a cross-site request would carry the cookie but not the
    // token
    assertThat(tasklist.sendJson("GET", path, null, false).statusCode()).isEqualTo(401);

    HttpResponse<String> step = tasklist.sendJson("GET", path, null, true);
    assertThat(step.statusCode()).isEqualTo(200);
    // the call leaves the Tasklist session as it was (no new session id): Tasklist stays logged in
    assertThat(step.headers().allValues("Set-Cookie"))
        .noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    assertThat(tasklist.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
    JsonNode described = new ObjectMapper().readTree(step.body());
    assertThat(described.path("meaning").asText()).isEqualTo(MEANING);
    assertThat(described.path("signerId").asText()).isEqualTo(signer);
    assertThat(described.path("fields").findValuesAsText("key")).containsExactly("closureComment");
    assertThat(described.path("fields").get(0).path("required").asBoolean()).isTrue();

    HttpResponse<String> signed =
        tasklist.sendJson(
            "POST",
            path,
            "{\"password\": \""
                + password
                + "\", \"meaning\": \""
                + MEANING
                + "\", \"variables\": {\"closureComment\": \"Verified\"}}",
            true);
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
    assertThat(taskService.createTaskQuery().taskId(closure.getId()).count()).isZero();
  }

  @Test
  void tasklistLoadsTheSignaturePlugin() {
    assertThat(rest.getForObject("/camunda/app/tasklist/scripts/config.js", String.class))
        .contains("'scripts/gxp-signature/plugin'")
        .contains("'scripts/gxp-requests/plugin'")
        .contains("'scripts/gxp-record/plugin'")
        .contains("'scripts/gxp-notifications/plugin'");
    assertThat(
            rest.getForObject(
                "/camunda/app/tasklist/scripts/gxp-notifications/plugin.js", String.class))
        .contains("pluginPoint: 'tasklist.navbar.action'")
        .contains("/api/notifications/settings");
    assertThat(
            rest.getForObject("/camunda/app/tasklist/scripts/gxp-requests/plugin.js", String.class))
        .contains("pluginPoint: 'tasklist.task.detail'")
        .contains("extension-requests")
        .contains("cancellation-requests");
    assertThat(
            rest.getForObject(
                "/camunda/app/tasklist/scripts/gxp-signature/plugin.js", String.class))
        .contains("pluginPoint: 'tasklist.task.detail'")
        .contains("type: 'password'")
        .contains("/signature");
    // the Record tab frames the record page without letting it run scripts
    assertThat(
            rest.getForObject("/camunda/app/tasklist/scripts/gxp-record/plugin.js", String.class))
        .contains("pluginPoint: 'tasklist.task.detail'")
        .contains("label: 'Record'")
        .contains("'/api/records/'")
        .contains("sandbox: 'allow-same-origin'")
        .doesNotContain("allow-scripts");
    assertThat(rest.getForObject("/camunda/app/tasklist/styles/user-styles.css", String.class))
        .contains(".gxp-record-frame");
  }

  @Test
  void aTaskThatIsNoSignatureStepSaysSo() {
    String processInstanceId =
        runtimeService.startProcessInstanceByKey("deviation-capa", businessKey).getId();
    Task assessment =
        taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();

    ResponseEntity<String> response =
        http.get("ivan", "/api/tasks/" + assessment.getId() + "/signature");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(json(response).path("reason").asText()).isEqualTo("not-a-signature-step");
  }

  @Test
  void wrongPasswordIsRefusedAuditedAndLeavesTheTaskOpen() throws Exception {
    String signer = qaUser("Wrong", "right-" + UUID.randomUUID());
    String password = identityPassword(signer);
    Task closure = closureClaimedBy(signer, password);

    ResponseEntity<String> response =
        sign(signer, password, closure, "not-my-password", MEANING, "done");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json(response).path("reason").asText()).isEqualTo("wrong-password");
    assertThat(taskService.createTaskQuery().taskId(closure.getId()).count()).isOne();
    assertThat(taskService.getVariables(closure.getId())).doesNotContainKey("closureComment");
    assertThat(auditTrail.findByBusinessKey(businessKey))
        .extracting(StoredAuditEvent::type)
        .contains(AuditEventTypes.SIGNATURE_FAILED)
        .doesNotContain(AuditEventTypes.SIGNATURE);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from gxp_signature where task_id = ?",
                Integer.class,
                closure.getId()))
        .isZero();
  }

  @Test
  void theMeaningMustBeConfirmedAndInputIsValidated() throws Exception {
    String signer = qaUser("Meaning", "pw-" + UUID.randomUUID());
    String password = identityPassword(signer);
    Task closure = closureClaimedBy(signer, password);

    ResponseEntity<String> unconfirmed =
        sign(signer, password, closure, password, "Approved", "done");
    assertThat(unconfirmed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(unconfirmed).path("detail").asText()).contains(MEANING);

    ResponseEntity<String> invalid = sign(signer, password, closure, password, MEANING, "");
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(invalid).path("errors").findValuesAsText("field"))
        .containsExactly("closureComment");
    assertThat(taskService.createTaskQuery().taskId(closure.getId()).count()).isOne();
    assertThat(auditTrail.findByBusinessKey(businessKey))
        .extracting(StoredAuditEvent::type)
        .doesNotContain(AuditEventTypes.SIGNATURE);
  }

  @Test
  void fiveFailuresInARowLockSigningForFifteenMinutes() throws Exception {
    String signer = qaUser("Lock", "pw-" + UUID.randomUUID());
    String password = identityPassword(signer);
    Task closure = closureClaimedBy(signer, password);

    for (int attempt = 1; attempt <= 5; attempt++) {
      ResponseEntity<String> response =
          sign(signer, password, closure, "guess-" + attempt, MEANING, "done");
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      if (attempt == 5) {
        assertThat(json(response).path("detail").asText()).contains("locked");
      }
    }
    ResponseEntity<String> locked = sign(signer, password, closure, password, MEANING, "done");

    assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json(locked).path("reason").asText()).isEqualTo("locked");
    assertThat(taskService.createTaskQuery().taskId(closure.getId()).count()).isOne();
    assertThat(auditTrail.findByBusinessKey(businessKey))
        .extracting(StoredAuditEvent::type)
        .contains(AuditEventTypes.SIGNING_LOCKED);
  }

  @Test
  void thePasswordIsNeverStoredNorLogged(CapturedOutput output) throws Exception {
    String distinctive = "Zebra-Quartz-" + UUID.randomUUID().toString().substring(0, 8) + "-9137";
    String signer = qaUser("Secret", distinctive);
    Task closure = closureClaimedBy(signer, distinctive);
    assertThat(
            sign(signer, distinctive, closure, "Wrong-" + distinctive, MEANING, "done")
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    String comment = "Closed-" + UUID.randomUUID();
    assertThat(sign(signer, distinctive, closure, distinctive, MEANING, comment).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    List<String> found = tablesContaining(distinctive);
    assertThat(found).as("tables holding the password").isEmpty();
    // the search does reach the variable, history and signature tables: what was signed is there
    assertThat(tablesContaining(comment))
        .map(String::toUpperCase)
        .contains("ACT_HI_VARINST.TEXT_", "ACT_HI_DETAIL.TEXT_");
    assertThat(tablesContaining(signer))
        .map(String::toUpperCase)
        .contains("GXP_SIGNATURE.SIGNER_ID");
    assertThat(output.getAll()).doesNotContain(distinctive);
  }

  private ResponseEntity<String> sign(
      String user,
      String loginPassword,
      Task task,
      String signingPassword,
      String meaning,
      String closureComment) {
    Map<String, Object> body =
        Map.of(
            "password",
            signingPassword,
            "meaning",
            meaning,
            "variables",
            Map.of("closureComment", closureComment));
    return rest.withBasicAuth(user, loginPassword)
        .postForEntity("/api/tasks/" + task.getId() + "/signature", body, String.class);
  }

  private final Map<String, String> passwords = new HashMap<>();

  private String qaUser(String name, String password) {
    String userId =
        ProbeUsers.create(
            identityService,
            "signer-" + name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6),
            password,
            "qa");
    passwords.put(userId, password);
    return userId;
  }

  private String identityPassword(String userId) {
    return passwords.get(userId);
  }

  private Task closureClaimedBy(String signer, String password) {
    Task closure = ComplianceFixture.closureOfNewCase(runtimeService, taskService, businessKey);
    assertThat(
            rest.withBasicAuth(signer, password)
                .postForEntity(
                    "/engine-rest/task/" + closure.getId() + "/claim",
                    TaskComplianceIT.jsonEntity("{\"userId\": \"" + signer + "\"}"),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    return closure;
  }

  /** Every text or binary column of every table, searched for the value. */
  private List<String> tablesContaining(String value) throws SQLException {
    List<String> hits = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String schema = connection.getSchema();
      try (ResultSet columns = meta.getColumns(null, schema, "%", "%")) {
        while (columns.next()) {
          String table = columns.getString("TABLE_NAME");
          String column = columns.getString("COLUMN_NAME");
          int type = columns.getInt("DATA_TYPE");
          String condition =
              switch (type) {
                case Types.CHAR,
                    Types.VARCHAR,
                    Types.LONGVARCHAR,
                    Types.CLOB,
                    Types.NCHAR,
                    Types.NVARCHAR,
                    Types.NCLOB,
                    Types.LONGNVARCHAR ->
                    "\"" + column + "\" like ?";
                case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> null;
                default -> "";
              };
          if (condition == null) {
            hits.addAll(binaryHits(table, column, value));
          } else if (!condition.isEmpty() && count(table, condition, "%" + value + "%") > 0) {
            hits.add(table + "." + column);
          }
        }
      }
    }
    return hits;
  }

  private int count(String table, String condition, String pattern) {
    return jdbc.queryForObject(
        "select count(*) from \"" + table + "\" where " + condition, Integer.class, pattern);
  }

  private List<String> binaryHits(String table, String column, String value) {
    List<byte[]> blobs =
        jdbc.queryForList(
            "select \"" + column + "\" from \"" + table + "\" where \"" + column + "\" is not null",
            byte[].class);
    return blobs.stream()
            .anyMatch(bytes -> new String(bytes, StandardCharsets.ISO_8859_1).contains(value))
        ? List.of(table + "." + column)
        : List.of();
  }
}
