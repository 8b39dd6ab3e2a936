package io.gxpflow.compliance.record;

import io.gxpflow.compliance.CanonicalJson;
import io.gxpflow.compliance.audit.AuditChain;
import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.compliance.record.GxpRecord.Audit;
import io.gxpflow.compliance.record.GxpRecord.Step;
import io.gxpflow.compliance.signature.SignatureManifest;
import io.gxpflow.compliance.signature.SignatureManifests;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Reads one GxP record from the audit trail and the signature manifests, and audits who read it
 * ({@code RECORD_READ}: inspectors ask who looked at what).
 */
@Service
public class GxpRecords {

  private final AuditTrail auditTrail;
  private final SignatureManifests manifests;
  private final Clock clock;

  public GxpRecords(AuditTrail auditTrail, SignatureManifests manifests, Clock clock) {
    this.auditTrail = auditTrail;
    this.manifests = manifests;
    this.clock = clock;
  }

  /** The record's audit events; empty when there is no record of that key. */
  public List<StoredAuditEvent> events(String businessKey) {
    return auditTrail.findByBusinessKey(businessKey);
  }

  /** Everyone who did something in the record: an actor of its events, or a signer. */
  public static Set<String> participants(List<StoredAuditEvent> events) {
    Set<String> people = new LinkedHashSet<>();
    events.stream().map(StoredAuditEvent::actor).filter(Objects::nonNull).forEach(people::add);
    return people;
  }

  /** The record as {@code reader} gets it; the read is audited, in its own transaction. */
  public GxpRecord read(String businessKey, List<StoredAuditEvent> events, String reader) {
    List<SignatureManifest> signatures = manifests.findByBusinessKey(businessKey);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    GxpRecord record = build(businessKey, events, signatures, now, reader);
    auditTrail.recordIndependently(
        new AuditEvent(
            AuditEventTypes.RECORD_READ,
            reader,
            businessKey,
            null,
            record.processDefinitionKey(),
            null,
            Map.of("events", record.audit().events(), "sha256", record.audit().sha256())));
    return record;
  }

  static GxpRecord build(
      String businessKey,
      List<StoredAuditEvent> events,
      List<SignatureManifest> signatures,
      Instant generatedAt,
      String reader) {
    // the record as it was before anyone read it: reads of the record are not part of it
    List<StoredAuditEvent> trail =
        events.stream().filter(e -> !AuditEventTypes.RECORD_READ.equals(e.type())).toList();
    Optional<StoredAuditEvent> started = first(trail, AuditEventTypes.PROCESS_STARTED);
    String processKey =
        trail.stream()
            .map(StoredAuditEvent::processDefinitionKey)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null);
    List<Step> steps = new ArrayList<>();
    for (StoredAuditEvent event : trail) {
      if (AuditEventTypes.TASK_COMPLETED.equals(event.type())) {
        Map<String, Object> details = event.details();
        steps.add(
            new Step(
                text(details.get("taskName")),
                text(details.get("taskDefinitionKey")),
                event.actor(),
                event.occurredAt(),
                changes(details.get("changes")),
                text(details.get("signatureId"))));
      }
    }
    List<Long> altered =
        trail.stream()
            .filter(e -> !AuditChain.hash(e).equals(e.hash()))
            .map(StoredAuditEvent::seq)
            .toList();
    Audit audit =
        new Audit(trail.size(), altered.isEmpty(), altered, CanonicalJson.sha256(trail), trail);
    return new GxpRecord(
        businessKey,
        processKey,
        status(trail),
        started.map(StoredAuditEvent::occurredAt).orElse(null),
        started.map(StoredAuditEvent::actor).orElse(null),
        steps,
        signatures,
        audit,
        generatedAt,
        reader);
  }

  private static String status(List<StoredAuditEvent> trail) {
    String status = "OPEN";
    for (StoredAuditEvent event : trail) {
      if (AuditEventTypes.PROCESS_ENDED.equals(event.type())) {
        status = "ENDED";
      } else if (AuditEventTypes.PROCESS_CANCELLED.equals(event.type())) {
        status = "CANCELLED";
      } else if (AuditEventTypes.PROCESS_STARTED.equals(event.type())) {
        status = "OPEN";
      }
    }
    return status;
  }

  private static Optional<StoredAuditEvent> first(List<StoredAuditEvent> trail, String type) {
    return trail.stream().filter(e -> type.equals(e.type())).findFirst();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> changes(Object changes) {
    return changes instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
