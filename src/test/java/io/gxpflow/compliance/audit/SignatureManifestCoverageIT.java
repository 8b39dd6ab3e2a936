package io.gxpflow.compliance.audit;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gxpflow.compliance.ComplianceFixture;
import io.gxpflow.support.DatabaseOwner;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.ProbeUsers;
import io.gxpflow.support.RestClientForUsers;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
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
 * Signature manifests are covered by the chain (issue 10, point 5): a manifest altered in {@code
 * gxp_signature} by the database owner (on PostgreSQL with its append-only trigger disabled) was
 * served while verify said OK; now {@code /api/audit/verify} is BROKEN and names the signature. Put
 * back afterwards: the database is shared.
 */
@IntegrationTest
class SignatureManifestCoverageIT {

  static final String MEANING = "Deviation closure approved";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired AuditTrail auditTrail;
  @Autowired JdbcTemplate jdbc;
  RestClientForUsers http;
  DatabaseOwner owner;
  Deployment deployment;

  @BeforeEach
  void setUp() {
    http = new RestClientForUsers(rest);
    owner = new DatabaseOwner(jdbc);
    deployment = ComplianceFixture.deploy(repositoryService);
  }

  @AfterEach
  void tearDown() {
    try {
      assertThat(verify().path("status").asText()).isEqualTo("OK");
    } finally {
      owner.close();
      Fixtures.undeploy(repositoryService, deployment);
    }
  }

  @Test
  void aManifestAlteredInTheDatabaseMakesVerifyBrokenNamingTheSignature() {
    JsonNode manifest = signedClosure();
    String id = manifest.path("id").asText();
    long seq = manifest.path("auditSeq").asLong();
    assertThat(verify().path("status").asText()).as("a real signature verifies").isEqualTo("OK");
    String realName = manifest.path("signerName").asText();

    owner.withTriggersOff(
        db -> db.update("UPDATE gxp_signature SET signer_name = 'Quinn Quality' WHERE id = ?", id),
        "gxp_signature");
    try {
      assertThat(
              json(http.get(
                      "quinn",
                      "/api/signatures?businessKey=" + manifest.path("businessKey").asText()))
                  .findValuesAsText("signerName"))
          .containsExactly("Quinn Quality");
      // the chain itself is untouched: what verify answered before
      assertThat(auditTrail.verify().isOk()).isTrue();

      JsonNode verification = verify();
      assertThat(verification.path("status").asText()).isEqualTo("BROKEN");
      assertThat(verification.path("reasonCode").asText()).isEqualTo("SIGNATURE_MISMATCH");
      assertThat(verification.path("firstBrokenSeq").asLong()).isEqualTo(seq);
      assertThat(verification.path("reason").asText()).contains(id).contains("signer_name");
    } finally {
      owner.withTriggersOff(
          db -> db.update("UPDATE gxp_signature SET signer_name = ? WHERE id = ?", realName, id),
          "gxp_signature");
    }
  }

  @Test
  void aRemovedManifestMakesVerifyBroken() {
    JsonNode manifest = signedClosure();
    String id = manifest.path("id").asText();
    Map<String, Object> row =
        owner.jdbc().queryForMap("SELECT * FROM gxp_signature WHERE id = ?", id);

    owner.withTriggersOff(
        db -> db.update("DELETE FROM gxp_signature WHERE id = ?", id), "gxp_signature");
    try {
      JsonNode verification = verify();
      assertThat(verification.path("status").asText()).isEqualTo("BROKEN");
      assertThat(verification.path("reasonCode").asText()).isEqualTo("SIGNATURE_MISMATCH");
      assertThat(verification.path("firstBrokenSeq").asLong())
          .isEqualTo(manifest.path("auditSeq").asLong());
    } finally {
      owner.withTriggersOff(
          db ->
              db.update(
                  "INSERT INTO gxp_signature (id, signer_id, signer_name, signed_at,"
                      + " meaning, business_key, process_instance_id, process_definition_key, task_id, task_name, content_hash,"
                      + " audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  row.get("id"),
                  row.get("signer_id"),
                  row.get("signer_name"),
                  row.get("signed_at"),
                  row.get("meaning"),
                  row.get("business_key"),
                  row.get("process_instance_id"),
                  row.get("process_definition_key"),
                  row.get("task_id"),
                  row.get("task_name"),
                  row.get("content_hash"),
                  row.get("audit_seq")),
          "gxp_signature");
    }
  }

  /** A deviation taken to its QA closure and signed by a QA user of this test, over HTTP. */
  private JsonNode signedClosure() {
    String password = "pw-" + UUID.randomUUID();
    String signer =
        ProbeUsers.create(
            identityService,
            "signer-cov-" + UUID.randomUUID().toString().substring(0, 6),
            password,
            "qa");
    String businessKey = "DEV-COV-" + UUID.randomUUID().toString().substring(0, 8);
    Task closure = ComplianceFixture.closureOfNewCase(runtimeService, taskService, businessKey);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertThat(
            rest.withBasicAuth(signer, password)
                .postForEntity(
                    "/engine-rest/task/" + closure.getId() + "/claim",
                    new HttpEntity<>("{\"userId\": \"" + signer + "\"}", headers),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<String> signed =
        rest.withBasicAuth(signer, password)
            .postForEntity(
                "/api/tasks/" + closure.getId() + "/signature",
                Map.of(
                    "password",
                    password,
                    "meaning",
                    MEANING,
                    "variables",
                    Map.of("closureComment", "All CAPAs verified")),
                String.class);
    assertThat(signed.getStatusCode()).as(signed.getBody()).isEqualTo(HttpStatus.CREATED);
    return json(signed);
  }

  private JsonNode verify() {
    ResponseEntity<String> response = http.get("quinn", "/api/audit/verify");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json(response);
  }
}
