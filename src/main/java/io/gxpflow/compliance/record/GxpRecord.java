package io.gxpflow.compliance.record;

import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.compliance.signature.SignatureManifest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The electronic copy of one GxP record (21 CFR 11.10(b)): a deviation, a batch or a content item,
 * by its business key, read from the GxP record itself — the audit trail and the signature
 * manifests, which Camunda's history cleanup does not touch — never from Camunda history alone.
 *
 * @param status {@code OPEN}, {@code ENDED} or {@code CANCELLED}, from the last instance event
 * @param steps every completed task: who, when, what they entered (variable and value)
 * @param audit the record's audit events, whether each still has the hash it was written with, and
 *     the SHA-256 of them all, so a copy can be checked against the system later
 */
public record GxpRecord(
    String businessKey,
    String processDefinitionKey,
    String status,
    Instant startedAt,
    String startedBy,
    List<Step> steps,
    List<SignatureManifest> signatures,
    Audit audit,
    Instant generatedAt,
    String generatedFor) {

  public record Step(
      String taskName,
      String taskDefinitionKey,
      String completedBy,
      Instant completedAt,
      List<Map<String, Object>> entered,
      String signatureId) {}

  public record Audit(
      int events,
      boolean intact,
      List<Long> alteredSeqs,
      String sha256,
      List<StoredAuditEvent> trail) {}
}
