package io.gxpflow.batchrelease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.compliance.record.GxpRecord.Fact;
import io.gxpflow.compliance.record.GxpRecord.Link;
import io.gxpflow.compliance.record.RecordFacts;
import io.gxpflow.deviation.BatchMessages;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A batch's record from a trail the running release cannot give the IT in one walk: a deviation the
 * QMS reported at the checks, a QA verdict a later round of checks made void, the MES hold, and the
 * deviations' messages for this batch and another.
 */
class BatchReleaseRecordTest {

  static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

  @Test
  void theLastRoundDecidesAndEveryDeviationThatHeldTheBatchIsLinked() {
    List<StoredAuditEvent> trail =
        List.of(
            batchEvent(
                1,
                AuditEventTypes.PROCESS_STARTED,
                Map.of(
                    "variables",
                    Map.of(
                        "batchNumber", "B-1",
                        "productCode", "P-200",
                        "site", "Basel",
                        "intendedMarkets", List.of()))),
            batchEvent(2, AuditEventTypes.RELEASE_CHECKS_JUDGED, checks(1, "DEV-9")),
            batchEvent(
                3,
                AuditEventTypes.SYSTEM_CALL,
                Map.of(
                    "system", "MES",
                    "operation", "set-status",
                    "outcome", "OK",
                    "idempotencyKey", "pi-1:Task_HoldInMes@hold1")),
            batchEvent(4, AuditEventTypes.RELEASE_CHECKS_JUDGED, checks(2)),
            batchEvent(
                5,
                AuditEventTypes.TASK_COMPLETED,
                Map.of(
                    "taskDefinitionKey",
                    "Task_QaReview",
                    "changes",
                    List.of(Map.of("variable", "qaReviewAcceptable", "new", true)))),
            batchEvent(6, AuditEventTypes.RELEASE_CHECKS_JUDGED, checks(3)));
    AuditTrail auditTrail = mock(AuditTrail.class);
    // the release is open: every message from its start on
    when(auditTrail.findByType(AuditEventTypes.BATCH_MESSAGE_SENT, 1, Long.MAX_VALUE))
        .thenReturn(
            List.of(
                sent(4, "DEV-7", BatchMessages.BATCH_HOLD_REQUESTED, "B-1"),
                sent(5, "DEV-8", BatchMessages.BATCH_HOLD_REQUESTED, "B-2"),
                sent(7, "DEV-7", BatchMessages.DEVIATION_CLOSED, "B-1")));
    BatchReleaseRecord profile = new BatchReleaseRecord(auditTrail);
    RecordFacts facts = new RecordFacts("B-1", trail);

    assertThat(profile.title(facts)).isEqualTo("Paracetamol 500 mg tablets (P-200), batch B-1");
    // QA's verdict was given on round 2's checks: void after round 3
    assertThat(profile.header(facts))
        .containsExactly(
            new Fact("Product", "Paracetamol 500 mg tablets (P-200)"),
            new Fact("Site", "Basel"),
            new Fact("Intended markets", "none"),
            new Fact("Release checks", "Round 3: all compliant"),
            new Fact("MES status set", "ON_HOLD 2026-12-01"));
    assertThat(profile.links(facts))
        .containsExactly(
            new Link("Deviation", "DEV-9", "open at checks round 1"),
            new Link(
                "Deviation", "DEV-7", "hold requested 2026-12-01; deviation closed 2026-12-01"));
  }

  static Map<String, Object> checks(int round, String... openDeviations) {
    String qms = openDeviations.length == 0 ? "COMPLIANT" : "NOT_COMPLIANT";
    return Map.of(
        "round",
        round,
        "productName",
        "Paracetamol 500 mg tablets",
        "openDeviations",
        List.of(openDeviations),
        "checks",
        List.of(
            Map.of("check", "MES_BATCH_RECORD", "status", "COMPLIANT", "findings", List.of()),
            Map.of("check", "QMS_QUALITY_EVENTS", "status", qms, "findings", List.of())));
  }

  static StoredAuditEvent batchEvent(long seq, String type, Map<String, Object> details) {
    return new StoredAuditEvent(
        seq,
        AT.plusSeconds(seq),
        type,
        "system",
        "B-1",
        "pi-1",
        "batch-release",
        null,
        details,
        null,
        null);
  }

  static StoredAuditEvent sent(long seq, String deviation, String message, String batch) {
    return new StoredAuditEvent(
        seq,
        AT.plusSeconds(seq),
        AuditEventTypes.BATCH_MESSAGE_SENT,
        "system",
        deviation,
        "pi-" + deviation,
        "deviation-capa",
        null,
        Map.of("message", message, "batchNumber", batch, "receivedBy", 1),
        null,
        null);
  }
}
