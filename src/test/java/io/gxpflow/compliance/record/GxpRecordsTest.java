package io.gxpflow.compliance.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.compliance.audit.AuditChain;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A record built from its audit events: steps, status, reads left out, an altered event found. */
class GxpRecordsTest {

  static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

  @Test
  void stepsStatusAndTheHashOfTheTrailWithoutItsReads() {
    List<StoredAuditEvent> trail = new ArrayList<>();
    trail.add(event(1, AuditEventTypes.PROCESS_STARTED, "paul", Map.of()));
    trail.add(
        event(
            2,
            AuditEventTypes.TASK_COMPLETED,
            "ivan",
            Map.of(
                "taskName", "Initial assessment",
                "taskDefinitionKey", "Task_Assessment",
                "changes", List.of(Map.of("variable", "severity", "new", "major")))));
    trail.add(event(3, AuditEventTypes.PROCESS_ENDED, "system", Map.of()));
    GxpRecord record = GxpRecords.build("DEV-1", trail, List.of(), AT, "quinn");

    assertThat(record.status()).isEqualTo("ENDED");
    assertThat(record.startedBy()).isEqualTo("paul");
    assertThat(record.steps())
        .singleElement()
        .satisfies(
            step -> {
              assertThat(step.taskName()).isEqualTo("Initial assessment");
              assertThat(step.completedBy()).isEqualTo("ivan");
              assertThat(step.entered())
                  .containsExactly(Map.of("variable", "severity", "new", "major"));
            });
    assertThat(record.audit().intact()).isTrue();

    // a read of the record is not part of it: the same hash after it
    List<StoredAuditEvent> read = new ArrayList<>(trail);
    read.add(event(4, AuditEventTypes.RECORD_READ, "quinn", Map.of()));
    GxpRecord again = GxpRecords.build("DEV-1", read, List.of(), AT, "quinn");
    assertThat(again.audit().sha256()).isEqualTo(record.audit().sha256());
    assertThat(again.audit().events()).isEqualTo(3);
    assertThat(GxpRecords.participants(read)).containsExactly("paul", "ivan", "system", "quinn");
  }

  @Test
  void anEventChangedAfterItWasWrittenIsNamed() {
    StoredAuditEvent written = event(7, AuditEventTypes.TASK_COMPLETED, "ivan", Map.of());
    StoredAuditEvent changed =
        new StoredAuditEvent(
            written.seq(),
            written.occurredAt(),
            written.type(),
            "mallory",
            written.businessKey(),
            written.processInstanceId(),
            written.processDefinitionKey(),
            written.taskId(),
            written.details(),
            written.previousHash(),
            written.hash());
    GxpRecord record = GxpRecords.build("DEV-1", List.of(changed), List.of(), AT, "quinn");
    assertThat(record.audit().intact()).isFalse();
    assertThat(record.audit().alteredSeqs()).containsExactly(7L);
  }

  static StoredAuditEvent event(long seq, String type, String actor, Map<String, Object> details) {
    StoredAuditEvent unhashed =
        new StoredAuditEvent(
            seq,
            AT.plusSeconds(seq),
            type,
            actor,
            "DEV-1",
            "pi-1",
            "deviation-capa",
            null,
            details,
            "prev-" + seq,
            null);
    return new StoredAuditEvent(
        seq,
        unhashed.occurredAt(),
        type,
        actor,
        "DEV-1",
        "pi-1",
        "deviation-capa",
        null,
        details,
        "prev-" + seq,
        AuditChain.hash(unhashed));
  }
}
