package io.gxpflow.compliance.record;

import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.compliance.signature.SignatureManifest;
import java.time.Instant;
import java.util.List;

/**
 * The electronic copy of one GxP record (21 CFR 11.10(b)): a deviation, a batch or a content item,
 * by its business key, read from the GxP record itself — the audit trail, the signature manifests
 * and the project's own tables, which Camunda's history cleanup does not touch — never from Camunda
 * history alone. The record page and the PDF show exactly this.
 *
 * @param title what the record is about (its process's {@link RecordProfile}), or null
 * @param status {@code OPEN}, {@code ENDED} or {@code CANCELLED}, from the last instance event
 * @param header what the record's process says about it: severity, review depth, version, …
 * @param openTasks the steps waiting, with who holds them and when they are due
 * @param timeline every event of the record as a sentence: when, who, what
 * @param steps every start and completed task: who, when, what they entered (with the form's
 *     labels)
 * @param links the records linked to this one
 * @param attachments the files attached to the record's tasks, as the audit trail recorded them
 * @param audit the record's audit events, whether each still has the hash it was written with, and
 *     the SHA-256 of them all, so a copy can be checked against the system later
 */
public record GxpRecord(
    String businessKey,
    String processDefinitionKey,
    String title,
    String status,
    Instant startedAt,
    String startedBy,
    List<Fact> header,
    List<OpenTask> openTasks,
    List<Entry> timeline,
    List<Step> steps,
    List<Link> links,
    List<Attachment> attachments,
    List<SignatureManifest> signatures,
    Audit audit,
    Instant generatedAt,
    String generatedFor) {

  /** A line of the header. */
  public record Fact(String label, String value) {}

  /** A step waiting for someone. */
  public record OpenTask(
      String taskName, String assignee, List<String> candidateGroups, Instant dueDate) {}

  /** A line of the timeline. */
  public record Entry(long seq, Instant at, String actor, String what) {}

  /** The start or a completed task, and what its person entered. */
  public record Step(
      String taskName,
      String taskDefinitionKey,
      String completedBy,
      Instant completedAt,
      List<Entered> entered,
      String signatureId) {}

  /**
   * One value entered in a step.
   *
   * @param label the form field's label as deployed, else the variable name
   * @param shown the value as the person chose it (an option's label, Yes/No, a list joined)
   * @param value the value as stored
   * @param previous the value before the step, or null
   */
  public record Entered(
      String variable, String label, String shown, Object value, Object previous) {}

  /**
   * A record linked to this one.
   *
   * @param relation what the linked record is to this one ("Affected batch", "Deviation", "Claim")
   * @param businessKey its id
   * @param hasRecord whether it is a GxP record of its own (a batch, a deviation), whose page the
   *     record page links to; a claim of the library is not
   */
  public record Link(String relation, String businessKey, String description, boolean hasRecord) {

    /** A link to another GxP record. */
    public Link(String relation, String businessKey, String description) {
      this(relation, businessKey, description, true);
    }
  }

  /** A file attached to a task of the record: name, size and hash as audited when it came. */
  public record Attachment(
      String name, String type, long size, String sha256, String addedBy, Instant addedAt) {}

  public record Audit(
      int events,
      boolean intact,
      List<Long> alteredSeqs,
      String sha256,
      List<StoredAuditEvent> trail) {}
}
