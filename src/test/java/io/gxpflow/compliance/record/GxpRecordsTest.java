package io.gxpflow.compliance.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gxpflow.compliance.audit.AuditChain;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.compliance.record.GxpRecord.Attachment;
import io.gxpflow.compliance.record.GxpRecord.Entered;
import io.gxpflow.compliance.record.GxpRecord.Fact;
import io.gxpflow.compliance.record.GxpRecord.Link;
import io.gxpflow.compliance.record.GxpRecord.OpenTask;
import io.gxpflow.compliance.record.GxpRecord.Step;
import io.gxpflow.compliance.validation.CamundaForm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A record built from its audit events: steps, status, reads left out, an altered event found. */
class GxpRecordsTest {

  static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

  /** No form deployed: variable names stand for labels. */
  static final GxpRecords.Labels NO_FORMS = (definition, element, variable) -> Optional.empty();

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
    GxpRecord record = GxpRecords.build("DEV-1", trail, List.of(), AT, "quinn", null, NO_FORMS);

    assertThat(record.status()).isEqualTo("ENDED");
    assertThat(record.startedBy()).isEqualTo("paul");
    assertThat(record.steps())
        .extracting(Step::taskName)
        .containsExactly("Start", "Initial assessment");
    assertThat(record.steps().get(1))
        .satisfies(
            step -> {
              assertThat(step.taskName()).isEqualTo("Initial assessment");
              assertThat(step.completedBy()).isEqualTo("ivan");
              assertThat(step.entered())
                  .containsExactly(
                      new GxpRecord.Entered("severity", "severity", "major", "major", null));
            });
    assertThat(record.audit().intact()).isTrue();

    // a read of the record is not part of it: the same hash after it
    List<StoredAuditEvent> read = new ArrayList<>(trail);
    read.add(event(4, AuditEventTypes.RECORD_READ, "quinn", Map.of()));
    GxpRecord again = GxpRecords.build("DEV-1", read, List.of(), AT, "quinn", null, NO_FORMS);
    assertThat(again.audit().sha256()).isEqualTo(record.audit().sha256());
    assertThat(again.audit().events()).isEqualTo(3);
    // nor does reading it make the reader a participant
    assertThat(GxpRecords.participants(read)).containsExactly("paul", "ivan", "system");
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
    GxpRecord record =
        GxpRecords.build("DEV-1", List.of(changed), List.of(), AT, "quinn", null, NO_FORMS);
    assertThat(record.audit().intact()).isFalse();
    assertThat(record.audit().alteredSeqs()).containsExactly(7L);
  }

  /**
   * What a person entered is shown with the labels of the form as deployed (the real assessment
   * form), options by their label; the start's report is the first step; open tasks, attachments,
   * the profile's header and links and the timeline all come from the trail.
   */
  @Test
  void labelsHeaderOpenTasksAttachmentsLinksAndTimelineFromTheTrail() throws IOException {
    CamundaForm assessment =
        CamundaForm.parse(Files.readString(Path.of("forms/deviation-assessment.form")));
    GxpRecords.Labels labels =
        (definition, element, variable) ->
            "def-1".equals(definition) && "Task_Assessment".equals(element)
                ? assessment.field(variable)
                : Optional.empty();
    List<StoredAuditEvent> trail = new ArrayList<>();
    trail.add(
        event(
            1,
            AuditEventTypes.PROCESS_STARTED,
            "paul",
            Map.of(
                "processDefinitionId", "def-1",
                "startActivityId", "StartEvent_Reported",
                "variables", Map.of("title", "Jacket temperature excursion"))));
    trail.add(
        taskEvent(
            2,
            AuditEventTypes.TASK_CREATED,
            "system",
            "t-1",
            Map.of(
                "taskName", "Initial assessment",
                "candidateGroups", List.of("investigators"),
                "dueDate", "2026-12-04T00:00:00Z")));
    trail.add(
        taskEvent(
            3,
            AuditEventTypes.TASK_CLAIMED,
            "ivan",
            "t-1",
            Map.of("taskName", "Initial assessment", "assignee", "ivan")));
    trail.add(
        taskEvent(
            4,
            AuditEventTypes.ATTACHMENT_ADDED,
            "ivan",
            "t-1",
            Map.of(
                "name", "trend.pdf", "type", "application/pdf", "size", 2048, "sha256", "ab12")));
    trail.add(
        taskEvent(
            5,
            AuditEventTypes.TASK_COMPLETED,
            "ivan",
            "t-1",
            Map.of(
                "taskName",
                "Initial assessment",
                "taskDefinitionKey",
                "Task_Assessment",
                "changes",
                List.of(
                    Map.of("variable", "patientSafetyImpact", "new", "potential"),
                    Map.of("variable", "batchImpact", "new", true)))));
    trail.add(
        taskEvent(
            6,
            AuditEventTypes.TASK_CREATED,
            "system",
            "t-2",
            Map.of(
                "taskName", "QA approval",
                "candidateGroups", List.of("qa"),
                "dueDate", "2026-12-05T00:00:00Z")));
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
            return List.of(
                new Fact("Patient safety", facts.text("patientSafetyImpact").orElseThrow()));
          }

          @Override
          public List<Link> links(RecordFacts facts) {
            return List.of(new Link("Affected batch", "B-1", "hold requested"));
          }
        };

    GxpRecord record = GxpRecords.build("DEV-1", trail, List.of(), AT, "quinn", profile, labels);

    assertThat(record.title()).isEqualTo("Jacket temperature excursion");
    assertThat(record.header()).containsExactly(new Fact("Patient safety", "potential"));
    assertThat(record.links()).containsExactly(new Link("Affected batch", "B-1", "hold requested"));
    assertThat(record.steps().get(0).entered())
        .containsExactly(
            new Entered(
                "title",
                "title",
                "Jacket temperature excursion",
                "Jacket temperature excursion",
                null));
    assertThat(record.steps().get(1).entered())
        .extracting(Entered::label, Entered::shown)
        .containsExactly(
            tuple("Impact on patient safety", "Potential"),
            tuple(assessment.field("batchImpact").orElseThrow().label(), "Yes"));
    assertThat(record.openTasks())
        .containsExactly(
            new OpenTask(
                "QA approval", null, List.of("qa"), Instant.parse("2026-12-05T00:00:00Z")));
    assertThat(record.attachments())
        .containsExactly(
            new Attachment(
                "trend.pdf", "application/pdf", 2048, "ab12", "ivan", AT.plusSeconds(4)));
    assertThat(record.timeline())
        .extracting(GxpRecord.Entry::what)
        .containsExactly(
            "Started deviation-capa",
            "Task 'Initial assessment' created for group(s) investigators, due 2026-12-04 00:00:00 UTC",
            "Claimed 'Initial assessment'",
            "Attached trend.pdf",
            "Completed 'Initial assessment'",
            "Task 'QA approval' created for group(s) qa, due 2026-12-05 00:00:00 UTC");
  }

  /** A task that ended with its instance is not waiting any more. */
  @Test
  void noOpenTaskOnceTheInstanceEnded() {
    List<StoredAuditEvent> trail =
        List.of(
            taskEvent(1, AuditEventTypes.TASK_CREATED, "system", "t-1", Map.of("taskName", "A")),
            event(2, AuditEventTypes.PROCESS_CANCELLED, "quinn", Map.of("reason", "duplicate")));
    GxpRecord record = GxpRecords.build("DEV-1", trail, List.of(), AT, "quinn", null, NO_FORMS);
    assertThat(record.openTasks()).isEmpty();
    assertThat(record.status()).isEqualTo("CANCELLED");
    assertThat(record.timeline().get(1).what()).isEqualTo("Cancelled: duplicate");
  }

  /** An event of the record DEV-1, hashed as the trail writes it. */
  static StoredAuditEvent taskEvent(
      long seq, String type, String actor, String taskId, Map<String, Object> details) {
    StoredAuditEvent unhashed =
        new StoredAuditEvent(
            seq,
            AT.plusSeconds(seq),
            type,
            actor,
            "DEV-1",
            "pi-1",
            "deviation-capa",
            taskId,
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
        taskId,
        details,
        "prev-" + seq,
        AuditChain.hash(unhashed));
  }

  static StoredAuditEvent event(long seq, String type, String actor, Map<String, Object> details) {
    return taskEvent(seq, type, actor, null, details);
  }
}
