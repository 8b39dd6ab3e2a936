package io.gxpflow.compliance.record;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import io.gxpflow.support.WebappSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/records/{businessKey}} over HTTP: a content item alice submits is her record; QA
 * and process owners read every record, other people and technical clients none; each read is
 * audited and is not part of the record it reads.
 */
@IntegrationTest
class GxpRecordIT {

  /** A content item of the demo library: the record under test. */
  static final String SUBMISSION =
      "{\"title\": \"CAP dosing\", \"product\": \"Amoxicillin\", \"markets\": [\"CH\"],"
          + " \"channel\": \"rep-detail\", \"audience\": \"HCP\", \"modules\": ["
          + "{\"id\": \"efficacy\", \"type\": \"BODY\", \"text\": \"Treatment usually lasts 5 days.\","
          + " \"claims\": [{\"claimId\": \"CLM-AMX-04\", \"words\": \"Treatment usually lasts 5"
          + " days.\"}]},"
          + " {\"id\": \"safety\", \"type\": \"ISI\", \"text\": \"Important safety information:"
          + " see the SmPC.\"}]}";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired AuditTrail auditTrail;
  RestClientForUsers http;

  @BeforeEach
  void client() {
    http = new RestClientForUsers(rest);
  }

  @Test
  void theRecordIsReadByItsParticipantsAndQaEveryReadAuditedOutsideTheRecord() {
    ResponseEntity<String> submitted = http.post("alice", "/api/mlr/submissions", SUBMISSION);
    assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(201);
    String itemId = json(submitted).path("itemId").asText();

    ResponseEntity<String> asAuthor = http.get("alice", "/api/records/" + itemId);
    assertThat(asAuthor.getStatusCode().value()).as(asAuthor.getBody()).isEqualTo(200);
    JsonNode record = json(asAuthor);
    assertThat(record.path("businessKey").asText()).isEqualTo(itemId);
    assertThat(record.path("processDefinitionKey").asText()).isEqualTo("mlr-review");
    assertThat(record.path("status").asText()).isEqualTo("OPEN");
    assertThat(record.path("startedBy").asText()).isEqualTo("alice");
    assertThat(record.path("generatedFor").asText()).isEqualTo("alice");
    JsonNode audit = record.path("audit");
    assertThat(audit.path("intact").asBoolean()).isTrue();
    assertThat(audit.path("sha256").asText()).hasSize(64);
    assertThat(audit.path("events").asInt()).isEqualTo(audit.path("trail").size()).isPositive();
    assertThat(audit.path("trail").findValuesAsText("type"))
        .contains(AuditEventTypes.MLR_CONTENT_SUBMITTED, AuditEventTypes.PROCESS_STARTED)
        .doesNotContain(AuditEventTypes.RECORD_READ);

    // QA reads every record; the read is audited and does not change the record's hash
    ResponseEntity<String> asQa = http.get("quinn", "/api/records/" + itemId);
    assertThat(asQa.getStatusCode().value()).isEqualTo(200);
    assertThat(json(asQa).path("audit").path("trail").size())
        .isGreaterThanOrEqualTo(audit.path("events").asInt());
    assertThat(
            auditTrail.findByBusinessKey(itemId).stream()
                .filter(e -> e.type().equals(AuditEventTypes.RECORD_READ))
                .map(e -> e.actor()))
        .containsExactly("alice", "quinn");

    // carl, to whose group the triage is offered, reads the record before he acts
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> http.get("carl", "/api/records/" + itemId).getStatusCode().value() == 200);
    assertThat(GxpRecords.participants(auditTrail.findByBusinessKey(itemId)))
        .doesNotContain("carl", "lena", "ivan");

    // someone who took no part, a technical client: 403; no such record: 404
    for (String outsider : new String[] {"lena", "ivan"}) {
      ResponseEntity<String> refused = http.get(outsider, "/api/records/" + itemId);
      assertThat(refused.getStatusCode().value()).isEqualTo(403);
      assertThat(json(refused).path("type").asText()).endsWith("forbidden");
    }
    assertThat(http.get("mes-bridge", "/api/records/" + itemId).getStatusCode().value())
        .isEqualTo(403);
    assertThat(http.get("quinn", "/api/records/NO-SUCH-RECORD").getStatusCode().value())
        .isEqualTo(404);
    assertThat(rest.getForEntity("/api/records/" + itemId, String.class).getStatusCode().value())
        .isEqualTo(401);
    assertThat(
            auditTrail.findByBusinessKey(itemId).stream()
                .filter(e -> e.type().equals(AuditEventTypes.RECORD_READ))
                .count())
        .isEqualTo(3);
  }

  /**
   * The record page opens from the browser with the Tasklist session alone when the browser says
   * the request came from this site or the user; a cross-site request riding on the cookie, or one
   * that does not say, is not logged in. The page may be framed by Tasklist only, runs no script,
   * and its read is audited as the page.
   */
  @Test
  void thePageOpensInTheBrowserSessionFromThisSiteOnly() {
    ResponseEntity<String> submitted = http.post("alice", "/api/mlr/submissions", SUBMISSION);
    String itemId = json(submitted).path("itemId").asText();
    WebappSession browser = new WebappSession(port);
    assertThat(browser.login("quinn", "quinn", "tasklist")).isEqualTo(200);

    for (String site : new String[] {"same-origin", "none"}) {
      HttpResponse<String> page = browser.open("/api/records/" + itemId + ".html", site);
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
      assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
      assertThat(page.headers().firstValue("Content-Security-Policy"))
          .hasValueSatisfying(
              policy ->
                  assertThat(policy).contains("default-src 'none'", "frame-ancestors 'self'"));
      assertThat(page.body()).contains("GxP record " + itemId, "CAP dosing", "Annex: audit trail");
    }
    HttpResponse<String> pdf = browser.open("/api/records/" + itemId + ".pdf", "same-origin");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(
            disposition ->
                assertThat(disposition).startsWith("attachment").contains(itemId + ".pdf"));
    assertThat(pdf.body()).startsWith("%PDF-1.4");
    for (String site : new String[] {"cross-site", "same-site", null}) {
      for (String copy : new String[] {".html", ".pdf"}) {
        assertThat(browser.open("/api/records/" + itemId + copy, site).statusCode())
            .as("Sec-Fetch-Site " + site + " " + copy)
            .isEqualTo(401);
      }
    }
    // the JSON copy still wants the CSRF token with the session; and is never framed
    assertThat(browser.open("/api/records/" + itemId, "same-origin").statusCode()).isEqualTo(401);
    HttpResponse<String> copy = browser.get("/api/records/" + itemId);
    assertThat(copy.statusCode()).isEqualTo(200);
    assertThat(copy.headers().firstValue("X-Frame-Options")).hasValue("DENY");

    // an outsider's session: 403, as over Basic
    WebappSession outsider = new WebappSession(port);
    assertThat(outsider.login("ivan", "ivan", "tasklist")).isEqualTo(200);
    assertThat(outsider.open("/api/records/" + itemId + ".html", "same-origin").statusCode())
        .isEqualTo(403);

    assertThat(
            auditTrail.findByBusinessKey(itemId).stream()
                .filter(e -> e.type().equals(AuditEventTypes.RECORD_READ))
                .map(e -> e.actor() + " " + e.details().get("copy")))
        .containsExactly("quinn html", "quinn html", "quinn pdf", "quinn json");
  }
}
