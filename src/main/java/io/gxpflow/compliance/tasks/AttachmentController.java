package io.gxpflow.compliance.tasks;

import io.gxpflow.compliance.ProblemType;
import io.gxpflow.compliance.Sha256;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The files attached to a record (all its tasks), for whoever may read the record's history: name,
 * size, who attached it when, the SHA-256 recorded in the audit trail and the SHA-256 of the
 * content kept now (the two are equal unless the stored file was tampered with), and where to
 * download it.
 */
@RestController
@RequestMapping("/api/attachments")
public class AttachmentController {

  private final HistoryService history;
  private final TaskService tasks;
  private final AuditTrail auditTrail;

  public AttachmentController(HistoryService history, TaskService tasks, AuditTrail auditTrail) {
    this.history = history;
    this.tasks = tasks;
    this.auditTrail = auditTrail;
  }

  public record RecordAttachment(
      String id,
      String name,
      String description,
      String type,
      String businessKey,
      String processInstanceId,
      String taskId,
      Instant createTime,
      String addedBy,
      Long size,
      String sha256,
      String recordedSha256,
      boolean intact,
      String download) {}

  @GetMapping
  public List<RecordAttachment> ofRecord(@RequestParam String businessKey) {
    // as the user: only records whose history they may read (participants, QA, owners, ops)
    List<HistoricProcessInstance> instances =
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list();
    if (instances.isEmpty()) {
      throw new ErrorResponseException(
          HttpStatus.NOT_FOUND,
          ProblemType.NOT_FOUND.problem(
              HttpStatus.NOT_FOUND, "No record " + businessKey + " that you may read"),
          null);
    }
    List<RecordAttachment> result = new ArrayList<>();
    for (HistoricProcessInstance instance : instances) {
      List<StoredAuditEvent> added =
          auditTrail.findByProcessInstanceId(instance.getId()).stream()
              .filter(event -> AuditEventTypes.ATTACHMENT_ADDED.equals(event.type()))
              .toList();
      for (Attachment attachment : tasks.getProcessInstanceAttachments(instance.getId())) {
        Optional<StoredAuditEvent> audited =
            added.stream()
                .filter(event -> attachment.getId().equals(detail(event, "attachmentId")))
                .findFirst();
        byte[] content = content(attachment);
        String sha256 = content == null ? null : Sha256.hex(content);
        String recorded = audited.map(event -> detail(event, "sha256")).orElse(null);
        result.add(
            new RecordAttachment(
                attachment.getId(),
                attachment.getName(),
                attachment.getDescription(),
                attachment.getType(),
                instance.getBusinessKey(),
                instance.getId(),
                attachment.getTaskId(),
                attachment.getCreateTime() == null ? null : attachment.getCreateTime().toInstant(),
                audited.map(StoredAuditEvent::actor).orElse(null),
                content == null ? null : (long) content.length,
                sha256,
                recorded,
                sha256 != null && Objects.equals(sha256, recorded),
                attachment.getTaskId() == null
                    ? null
                    : "/engine-rest/task/"
                        + attachment.getTaskId()
                        + "/attachment/"
                        + attachment.getId()
                        + "/data"));
      }
    }
    return result;
  }

  private byte[] content(Attachment attachment) {
    try (InputStream content = tasks.getAttachmentContent(attachment.getId())) {
      return content == null ? null : content.readAllBytes();
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  private static String detail(StoredAuditEvent event, String key) {
    Map<String, Object> details = event.details();
    Object value = details == null ? null : details.get(key);
    return value == null ? null : value.toString();
  }
}
