package io.gxpflow.compliance.record;

import static io.gxpflow.compliance.record.GxpRecords.shown;

import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One sentence per audit event for the record's timeline; the annex keeps the event itself. Types
 * without a sentence of their own are named as they are ("Mlr claim added").
 */
final class RecordTimeline {

  private RecordTimeline() {}

  static String describe(StoredAuditEvent event) {
    Map<String, Object> d = event.details();
    String task = "'" + shown(d.get("taskName")) + "'";
    return switch (event.type()) {
      case AuditEventTypes.PROCESS_STARTED -> "Started " + shown(event.processDefinitionKey());
      case AuditEventTypes.PROCESS_ENDED -> "Ended";
      case AuditEventTypes.PROCESS_CANCELLED -> "Cancelled: " + shown(d.get("reason"));
      case AuditEventTypes.BUSINESS_KEY_SET -> "Record id given: " + event.businessKey();
      case AuditEventTypes.TASK_CREATED ->
          "Task "
              + task
              + " created for "
              + (d.get("assignee") != null
                  ? shown(d.get("assignee"))
                  : "group(s) " + shown(d.get("candidateGroups")))
              + (d.get("dueDate") == null
                  ? ""
                  : ", due " + RecordFacts.utc(shown(d.get("dueDate"))));
      case AuditEventTypes.TASK_CLAIMED -> "Claimed " + task;
      case AuditEventTypes.TASK_ASSIGNED -> "Assigned " + task + " to " + shown(d.get("assignee"));
      case AuditEventTypes.TASK_UNCLAIMED -> "Gave back " + task;
      case AuditEventTypes.TASK_FORWARDED_TO_DEPUTY ->
          "Forwarded " + task + " to the deputy " + shown(d.get("deputy"));
      case AuditEventTypes.TASK_COMPLETED -> "Completed " + task;
      case AuditEventTypes.SIGNATURE -> "Signed " + task + ": " + shown(d.get("meaning"));
      case AuditEventTypes.SIGNATURE_FAILED -> "Signature refused for " + task;
      case AuditEventTypes.SOD_VIOLATION -> "Refused by segregation of duties: " + task;
      case AuditEventTypes.DECISION_EVALUATED ->
          "Decision "
              + shown(d.get("decisionKey"))
              + ": "
              + RecordFacts.list(d.get("outputs")).stream()
                  .map(output -> shown(output.get("name")) + " = " + shown(output.get("value")))
                  .collect(Collectors.joining(", "));
      case AuditEventTypes.SYSTEM_CALL ->
          "Call to "
              + shown(d.get("system"))
              + (d.get("operation") == null ? "" : " (" + shown(d.get("operation")) + ")")
              + (d.get("outcome") == null ? "" : ": " + shown(d.get("outcome")));
      case AuditEventTypes.DUE_DATE_CHANGED ->
          "Due date "
              + shown(d.get("dueDate"))
              + " set to "
              + RecordFacts.utc(shown(d.get("newValue")))
              + (d.get("reason") == null ? "" : ": " + shown(d.get("reason")));
      case AuditEventTypes.DEADLINE_MISSED -> "Deadline missed: " + task;
      case AuditEventTypes.BATCH_MESSAGE_SENT ->
          shown(d.get("message")) + " sent for batch " + shown(d.get("batchNumber"));
      case AuditEventTypes.INCIDENT_CREATED -> "Incident: " + shown(d.get("message"));
      case AuditEventTypes.INCIDENT_RESOLVED -> "Incident resolved";
      case AuditEventTypes.ATTACHMENT_ADDED -> "Attached " + shown(d.get("name"));
      case AuditEventTypes.COMMENT_ADDED -> "Commented";
      default -> named(event.type());
    };
  }

  /** {@code MLR_CLAIM_ADDED} → "Mlr claim added". */
  private static String named(String type) {
    String words = type.toLowerCase(Locale.ROOT).replace('_', ' ');
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
