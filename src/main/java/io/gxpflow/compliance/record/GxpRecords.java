package io.gxpflow.compliance.record;

import io.gxpflow.compliance.CanonicalJson;
import io.gxpflow.compliance.RunAsSystem;
import io.gxpflow.compliance.audit.AuditChain;
import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.compliance.record.GxpRecord.Attachment;
import io.gxpflow.compliance.record.GxpRecord.Audit;
import io.gxpflow.compliance.record.GxpRecord.Entered;
import io.gxpflow.compliance.record.GxpRecord.Entry;
import io.gxpflow.compliance.record.GxpRecord.Step;
import io.gxpflow.compliance.signature.SignatureManifest;
import io.gxpflow.compliance.signature.SignatureManifests;
import io.gxpflow.compliance.validation.FormField;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Reads one GxP record from the audit trail, the signature manifests and its process's {@link
 * RecordProfile}, and audits who read it ({@code RECORD_READ}: inspectors ask who looked at what).
 */
@Service
public class GxpRecords {

  /** Finds the form field a value was entered in: definition id, element id, variable. */
  interface Labels {
    Optional<FormField> field(String processDefinitionId, String elementId, String variable);
  }

  private final AuditTrail auditTrail;
  private final SignatureManifests manifests;
  private final FormLabels formLabels;
  private final Map<String, RecordProfile> profiles;
  private final RunAsSystem asSystem;
  private final Clock clock;

  public GxpRecords(
      AuditTrail auditTrail,
      SignatureManifests manifests,
      FormLabels formLabels,
      List<RecordProfile> profiles,
      RunAsSystem asSystem,
      Clock clock) {
    this.auditTrail = auditTrail;
    this.manifests = manifests;
    this.formLabels = formLabels;
    this.profiles =
        profiles.stream()
            .collect(Collectors.toMap(RecordProfile::processDefinitionKey, Function.identity()));
    this.asSystem = asSystem;
    this.clock = clock;
  }

  /** The record's audit events; empty when there is no record of that key. */
  public List<StoredAuditEvent> events(String businessKey) {
    return auditTrail.findByBusinessKey(businessKey);
  }

  /**
   * Everyone who did something in the record: an actor of its events, or a signer. Having read the
   * record is not taking part in it.
   */
  public static Set<String> participants(List<StoredAuditEvent> events) {
    Set<String> people = new LinkedHashSet<>();
    events.stream()
        .filter(event -> !AuditEventTypes.RECORD_READ.equals(event.type()))
        .map(StoredAuditEvent::actor)
        .filter(Objects::nonNull)
        .forEach(people::add);
    return people;
  }

  /**
   * The record as {@code reader} gets it, whose right to read it the caller checked; the read is
   * audited, in its own transaction.
   */
  public GxpRecord read(
      String businessKey, List<StoredAuditEvent> events, String reader, String copy) {
    GxpRecord record =
        asSystem.call(
            () -> {
              List<SignatureManifest> signatures = manifests.findByBusinessKey(businessKey);
              Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
              String processKey = processKey(events);
              return build(
                  businessKey,
                  events,
                  signatures,
                  now,
                  reader,
                  profiles.get(processKey),
                  formLabels::field);
            });
    auditTrail.recordIndependently(
        new AuditEvent(
            AuditEventTypes.RECORD_READ,
            reader,
            businessKey,
            null,
            record.processDefinitionKey(),
            null,
            Map.of(
                "copy", copy,
                "events", record.audit().events(),
                "sha256", record.audit().sha256())));
    return record;
  }

  static GxpRecord build(
      String businessKey,
      List<StoredAuditEvent> events,
      List<SignatureManifest> signatures,
      Instant generatedAt,
      String reader,
      RecordProfile profile,
      Labels labels) {
    // the record as it was before anyone read it: reads of the record are not part of it
    List<StoredAuditEvent> trail =
        events.stream().filter(e -> !AuditEventTypes.RECORD_READ.equals(e.type())).toList();
    RecordFacts facts = new RecordFacts(businessKey, trail);
    Optional<StoredAuditEvent> started = first(trail, AuditEventTypes.PROCESS_STARTED);
    // which definition each instance ran on, for the forms' labels
    Map<String, String> definitions = new HashMap<>();
    for (StoredAuditEvent start : facts.events(AuditEventTypes.PROCESS_STARTED)) {
      definitions.put(
          start.processInstanceId(), GxpRecords.shown(start.details().get("processDefinitionId")));
    }
    List<Step> steps = new ArrayList<>();
    for (StoredAuditEvent event : trail) {
      String definition = definitions.get(event.processInstanceId());
      Map<String, Object> details = event.details();
      if (AuditEventTypes.PROCESS_STARTED.equals(event.type())) {
        String startId = (String) details.get("startActivityId");
        List<Entered> entered = new ArrayList<>();
        RecordFacts.map(details.get("variables"))
            .forEach(
                (variable, value) ->
                    entered.add(entered(labels, definition, startId, variable, value, null)));
        steps.add(new Step("Start", startId, event.actor(), event.occurredAt(), entered, null));
      } else if (AuditEventTypes.TASK_COMPLETED.equals(event.type())) {
        String taskKey = shown(details.get("taskDefinitionKey"));
        List<Entered> entered =
            RecordFacts.list(details.get("changes")).stream()
                .map(
                    change ->
                        entered(
                            labels,
                            definition,
                            taskKey,
                            shown(change.get("variable")),
                            change.get("new"),
                            change.get("old")))
                .toList();
        steps.add(
            new Step(
                shown(details.get("taskName")),
                taskKey,
                event.actor(),
                event.occurredAt(),
                entered,
                details.get("signatureId") == null ? null : shown(details.get("signatureId"))));
      }
    }
    // the header reads values as the people chose them, in the order they were entered
    steps.forEach(step -> step.entered().forEach(e -> facts.entered(e.variable(), e.shown())));
    List<Attachment> attachments =
        facts.events(AuditEventTypes.ATTACHMENT_ADDED).stream()
            .map(
                added ->
                    new Attachment(
                        shown(added.details().get("name")),
                        shown(added.details().get("type")),
                        added.details().get("size") instanceof Number size ? size.longValue() : 0,
                        shown(added.details().get("sha256")),
                        added.actor(),
                        added.occurredAt()))
            .toList();
    List<Entry> timeline =
        trail.stream()
            .map(e -> new Entry(e.seq(), e.occurredAt(), e.actor(), RecordTimeline.describe(e)))
            .toList();
    List<Long> altered =
        trail.stream()
            .filter(e -> !AuditChain.hash(e).equals(e.hash()))
            .map(StoredAuditEvent::seq)
            .toList();
    Audit audit =
        new Audit(trail.size(), altered.isEmpty(), altered, CanonicalJson.sha256(trail), trail);
    return new GxpRecord(
        businessKey,
        processKey(trail),
        profile == null ? null : profile.title(facts),
        status(trail),
        started.map(StoredAuditEvent::occurredAt).orElse(null),
        started.map(StoredAuditEvent::actor).orElse(null),
        profile == null ? List.of() : profile.header(facts),
        facts.openTasks(),
        timeline,
        steps,
        profile == null ? List.of() : profile.links(facts),
        attachments,
        signatures,
        audit,
        generatedAt,
        reader);
  }

  private static Entered entered(
      Labels labels,
      String definition,
      String elementId,
      String variable,
      Object value,
      Object previous) {
    Optional<FormField> field = labels.field(definition, elementId, variable);
    String label = field.map(FormField::label).filter(l -> !l.isBlank()).orElse(variable);
    String shown =
        field
            .map(FormField::valueLabels)
            .map(options -> options.get(String.valueOf(value)))
            .orElseGet(() -> shown(value));
    return new Entered(variable, label, shown, value, previous);
  }

  /** A value as a person reads it: Yes/No, a list joined, a map as its entries. */
  public static String shown(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Boolean yes) {
      return yes ? "Yes" : "No";
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(GxpRecords::shown).collect(Collectors.joining(", "));
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(entry -> entry.getKey() + ": " + shown(entry.getValue()))
          .collect(Collectors.joining("; "));
    }
    return value.toString();
  }

  private static String processKey(List<StoredAuditEvent> trail) {
    return trail.stream()
        .map(StoredAuditEvent::processDefinitionKey)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
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
}
