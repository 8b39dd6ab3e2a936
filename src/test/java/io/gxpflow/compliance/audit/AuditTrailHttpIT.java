package io.gxpflow.compliance.audit;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Reading the audit trail over HTTP: JSON and CSV with the stored values, and who may read it. */
@IntegrationTest
class AuditTrailHttpIT {

  @Autowired TestRestTemplate rest;
  @Autowired AuditTrail auditTrail;
  RestClientForUsers http;

  // the test database is shared by every test class of the run: own keys, never an empty table
  // assumed
  final String businessKey = "AUDIT-HTTP-" + UUID.randomUUID();
  final String processInstanceId = UUID.randomUUID().toString();
  StoredAuditEvent completed;
  StoredAuditEvent unrelated;
  StoredAuditEvent signed;
  Instant before;
  Instant after;

  @BeforeEach
  void recordEvents() {
    http = new RestClientForUsers(rest);
    before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    completed =
        auditTrail.record(
            AuditEvent.builder(AuditEventTypes.TASK_COMPLETED, "carl")
                .businessKey(businessKey)
                .processInstanceId(processInstanceId)
                .processDefinitionKey("mlr-review")
                .taskId("task-1")
                .detail("outcome", "approved")
                .detail("comment", "looks good, \"final\"")
                .detail("round", 2)
                .build());
    unrelated =
        auditTrail.record(
            AuditEvent.builder(AuditEventTypes.SIGNATURE, "petra")
                .businessKey(businessKey + "-other")
                .build());
    signed =
        auditTrail.record(
            AuditEvent.builder(AuditEventTypes.SIGNATURE, "quinn")
                .businessKey(businessKey)
                .processInstanceId(processInstanceId)
                .processDefinitionKey("mlr-review")
                .detail("meaning", "approval")
                .detail("reason", null)
                .build());
    after = Instant.now();
  }

  @Test
  void recordReturnsTheChainedEvent() {
    assertThat(unrelated.seq()).isEqualTo(completed.seq() + 1);
    assertThat(signed.seq()).isEqualTo(unrelated.seq() + 1);
    assertThat(unrelated.previousHash()).isEqualTo(completed.hash());
    assertThat(signed.previousHash()).isEqualTo(unrelated.hash());
    assertThat(signed.hash()).isEqualTo(AuditChain.hash(signed));
    assertThat(completed.occurredAt())
        .isBetween(before, after)
        .isEqualTo(completed.occurredAt().truncatedTo(ChronoUnit.MILLIS));
    assertThat(auditTrail.find(signed.seq())).contains(signed);
  }

  @Test
  void qaReadsTheEventsOfABusinessKeyAsJsonInSeqOrder() throws Exception {
    ResponseEntity<String> response = http.get("quinn", "/api/audit?businessKey=" + businessKey);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode expected =
        mapper.readTree(
            "["
                + String.format(
                    "{\"seq\":%d,\"occurredAt\":\"%s\","
                        + "\"type\":\"TASK_COMPLETED\",\"actor\":\"carl\",\"businessKey\":\"%s\",\"processInstanceId\":\"%s\","
                        + "\"processDefinitionKey\":\"mlr-review\",\"taskId\":\"task-1\",\"details\":{\"comment\":"
                        + "\"looks good, \\\"final\\\"\",\"outcome\":\"approved\",\"round\":2},\"previousHash\":\"%s\","
                        + "\"hash\":\"%s\"}",
                    completed.seq(),
                    AuditChain.formatTimestamp(completed.occurredAt()),
                    businessKey,
                    processInstanceId,
                    completed.previousHash(),
                    completed.hash())
                + ","
                + String.format(
                    "{\"seq\":%d,\"occurredAt\":\"%s\",\"type\":\"SIGNATURE\",\"actor\":\"quinn\","
                        + "\"businessKey\":\"%s\",\"processInstanceId\":\"%s\",\"processDefinitionKey\":\"mlr-review\","
                        + "\"taskId\":null,\"details\":{\"meaning\":\"approval\",\"reason\":null},\"previousHash\":\"%s\","
                        + "\"hash\":\"%s\"}",
                    signed.seq(),
                    AuditChain.formatTimestamp(signed.occurredAt()),
                    businessKey,
                    processInstanceId,
                    signed.previousHash(),
                    signed.hash())
                + "]");
    assertThat(json(response)).isEqualTo(expected);
    assertThat(json(response).get(0).path("occurredAt").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
  }

  @Test
  void filtersByProcessInstanceId() {
    ResponseEntity<String> response =
        http.get("quinn", "/api/audit?processInstanceId=" + processInstanceId);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(response).findValuesAsText("hash"))
        .containsExactly(completed.hash(), signed.hash());
    assertThat(
            json(
                http.get(
                    "quinn",
                    "/api/audit?businessKey=" + businessKey + "&processInstanceId=unknown")))
        .isEmpty();
  }

  @Test
  void qaExportsTheEventsAsCsv() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT, "text/csv");
    ResponseEntity<String> response =
        http.as("quinn")
            .exchange(
                "/api/audit?businessKey=" + businessKey,
                HttpMethod.GET,
                new HttpEntity<>(headers),
                String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.parseMediaType("text/csv;charset=UTF-8"));
    assertThat(response.getBody())
        .isEqualTo(
            "seq,occurredAt,type,actor,businessKey,processInstanceId,processDefinitionKey,taskId,details,previousHash,"
                + "hash\r\n"
                + completed.seq()
                + ","
                + AuditChain.formatTimestamp(completed.occurredAt())
                + ",TASK_COMPLETED,carl,"
                + businessKey
                + ","
                + processInstanceId
                + ",mlr-review,task-1,"
                + "\"{\"\"comment\"\":\"\"looks good, \\\"\"final\\\"\"\"\",\"\"outcome\"\":\"\"approved\"\","
                + "\"\"round\"\":2}\","
                + completed.previousHash()
                + ","
                + completed.hash()
                + "\r\n"
                + signed.seq()
                + ","
                + AuditChain.formatTimestamp(signed.occurredAt())
                + ",SIGNATURE,quinn,"
                + businessKey
                + ","
                + processInstanceId
                + ",mlr-review,,"
                + "\"{\"\"meaning\"\":\"\"approval\"\",\"\"reason\"\":null}\","
                + signed.previousHash()
                + ","
                + signed.hash()
                + "\r\n");
  }

  @Test
  void aClientThatAcceptsAnythingGetsJson() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT, "*/*");
    ResponseEntity<String> response =
        http.as("quinn")
            .exchange(
                "/api/audit?businessKey=" + businessKey,
                HttpMethod.GET,
                new HttpEntity<>(headers),
                String.class);

    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    assertThat(json(response)).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"olivia", "admin"})
  void processOwnersAndAdministratorsMayReadToo(String user) {
    assertThat(http.get(user, "/api/audit?businessKey=" + businessKey).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(http.get(user, "/api/audit/verify").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/audit?businessKey=x", "/api/audit/verify"})
  void aReviewerIsRefusedWith403(String path) {
    ResponseEntity<String> response = http.get("mark", path);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json(response).path("detail").asText()).contains("mark");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/audit?businessKey=x", "/api/audit/verify"})
  void anonymousIsRefusedWith401(String path) {
    ResponseEntity<String> response = rest.getForEntity(path, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/api/audit", "/api/audit?businessKey=", "/api/audit?processInstanceId= "})
  void withoutAFilterTheAnswerIs400Problem(String path) {
    ResponseEntity<String> response = http.get("quinn", path);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json(response).path("status").asInt()).isEqualTo(400);
    assertThat(json(response).path("detail").asText()).contains("businessKey or processInstanceId");
    assertThat(json(response).path("instance").asText()).isEqualTo("/api/audit");
  }

  @Test
  void verifyAnswersOkWithTheNumberOfEventsAndTheLastHash() {
    ResponseEntity<String> response = http.get("quinn", "/api/audit/verify");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = json(response);
    assertThat(body.path("status").asText()).isEqualTo("OK");
    ChainHead head = auditTrail.head();
    assertThat(body.path("events").asLong())
        .isEqualTo(head.lastSeq())
        .isGreaterThanOrEqualTo(signed.seq());
    assertThat(body.path("lastHash").asText()).isEqualTo(head.lastHash());
    assertThat(body.has("firstBrokenSeq")).isFalse();
  }
}
