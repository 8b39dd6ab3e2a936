package io.gxpflow.compliance.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.compliance.record.GxpRecord.Fact;
import io.gxpflow.compliance.record.GxpRecord.Link;
import io.gxpflow.compliance.signature.SignatureManifest;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * The record page: well-formed XHTML (the PDF renderer reads XML) with every part of the record,
 * what people typed shown as text and never as markup, the signature manifested as 11.50 asks.
 */
class RecordPageTest {

  static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

  @Test
  void everyPartOfTheRecordEscapedInWellFormedXhtml() throws Exception {
    String typed = "<script>alert(1)</script> & <img src=x onerror=alert(2)>";
    List<StoredAuditEvent> trail =
        List.of(
            GxpRecordsTest.event(
                1,
                AuditEventTypes.PROCESS_STARTED,
                "paul",
                Map.of("variables", Map.of("title", typed))),
            GxpRecordsTest.event(
                2,
                AuditEventTypes.TASK_COMPLETED,
                "quinn",
                Map.of(
                    "taskName",
                    "Closure approval",
                    "taskDefinitionKey",
                    "Task_ClosureApproval",
                    "signatureId",
                    "sig-1",
                    "changes",
                    List.of(Map.of("variable", "closureSummary", "new", "Root cause fixed")))));
    SignatureManifest signature =
        new SignatureManifest(
            "sig-1",
            "quinn",
            "Quinn Quality",
            Instant.parse("2026-12-01T09:30:15.123Z"),
            "Deviation closure approved",
            "DEV-1",
            "pi-1",
            "deviation-capa",
            "t-9",
            "Closure approval",
            "c0ffee",
            2);
    RecordProfile profile =
        new RecordProfile() {
          @Override
          public String processDefinitionKey() {
            return "deviation-capa";
          }

          @Override
          public String title(RecordFacts facts) {
            return facts.text("title").orElseThrow();
          }

          @Override
          public List<Fact> header(RecordFacts facts) {
            return List.of(new Fact("Severity", "MAJOR"));
          }

          @Override
          public List<Link> links(RecordFacts facts) {
            return List.of(
                new Link("Affected batch", "B 1/2", "hold requested"),
                new Link("Claim", "CLM-7", "Treatment usually lasts 5 days.", false));
          }
        };
    GxpRecord record =
        GxpRecords.build(
            "DEV-1", trail, List.of(signature), AT, "quinn", profile, GxpRecordsTest.NO_FORMS);

    String html = new RecordPage(new ObjectMapper()).render(record, false);

    Document page = xml(html);
    String text = page.getDocumentElement().getTextContent();
    assertThat(page.getElementsByTagName("script").getLength()).isZero();
    assertThat(page.getElementsByTagName("img").getLength()).isZero();
    assertThat(text)
        .contains(typed)
        .contains("GxP record DEV-1", "Severity", "MAJOR")
        .contains("Quinn Quality", "2026-12-01 09:30:15 UTC", "Meaning: Deviation closure approved")
        .contains("Signed: Closure approval (deviation-capa)")
        .contains("Closure approval · quinn · 2026-12-01 08:00:02 UTC", "Root cause fixed")
        .contains("Affected batch", "hold requested")
        .contains("Completed 'Closure approval'")
        .contains("Annex: audit trail", record.audit().sha256())
        .contains("Verified: every one of the 2 events");
    // a linked record's page, its key encoded as one path segment
    assertThat(html).contains("href=\"B%201%2F2.html\"");
    // a claim is linked as text: it has no record page
    assertThat(html).contains("CLM-7").doesNotContain("CLM-7.html");

    // the PDF's page has no links to follow
    assertThat(new RecordPage(new ObjectMapper()).render(record, true)).doesNotContain("href=");
  }

  static Document xml(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
  }
}
