package io.gxpflow.batchrelease;

import static io.gxpflow.batchrelease.BatchReleaseVariables.*;

import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.compliance.record.GxpRecord.Fact;
import io.gxpflow.compliance.record.GxpRecord.Link;
import io.gxpflow.compliance.record.GxpRecords;
import io.gxpflow.compliance.record.RecordFacts;
import io.gxpflow.compliance.record.RecordProfile;
import io.gxpflow.integration.ExternalSystem;
import io.gxpflow.integration.contract.MesOperations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * What a batch's GxP record shows above its steps: the product, site and markets of the MES's
 * event, the last round of release checks, the review depth, QA's verdict and the QP's decision on
 * that round, the last MES status set and the disposition. Linked are the deviations that held the
 * batch: those open at a round of checks or when the target date passed (the batch's own trail),
 * and those whose own trail sent a hold request or a closure for this batch while its release ran —
 * a hold requested during QA review and closed before the next checks leaves no deviation id in the
 * batch's trail, only the MES hold.
 */
@Component
class BatchReleaseRecord implements RecordProfile {

  static final String QA_REVIEW = "Task_QaReview";
  static final String QP_CERTIFICATION = "Task_QpCertification";
  // the messages of deviation-capa's contract (docs/processes/batch-release.md, Messages)
  private static final Map<String, String> MESSAGES =
      Map.of("BatchHoldRequested", "hold requested", "DeviationClosed", "deviation closed");

  /** The MES status each step of the model sets, by the step in the call's Idempotency-Key. */
  private static final Map<String, String> MES_STEPS =
      Map.of(
          ":Task_HoldInMes", "ON_HOLD",
          ":Task_HoldRequestedInMes", "ON_HOLD",
          ":Task_ReleaseInMes", "RELEASED",
          ":Task_RejectInMes", "REJECTED");

  private static final Map<String, String> DEPTHS =
      Map.of(
          "NONE", "No QA review (every check clean)",
          "EXCEPTIONS_ONLY", "Review by exception",
          "FULL", "Full review");

  private static final Map<String, String> DISPOSITIONS =
      Map.of("EndEvent_Released", "Released", "EndEvent_Rejected", "Rejected");

  private final AuditTrail auditTrail;

  BatchReleaseRecord(AuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  @Override
  public String processDefinitionKey() {
    return "batch-release";
  }

  @Override
  public String title(RecordFacts facts) {
    String batch = facts.text(BATCH_NUMBER.name()).orElse(facts.businessKey());
    return product(facts).map(product -> product + ", batch " + batch).orElse("Batch " + batch);
  }

  @Override
  public List<Fact> header(RecordFacts facts) {
    List<Fact> header = new ArrayList<>();
    fact(header, "Product", product(facts));
    fact(header, "Site", facts.text(SITE.name()));
    fact(
        header,
        "Intended markets",
        facts.latest(INTENDED_MARKETS.name()).map(GxpRecords::shown).map(m -> or(m, "none")));
    fact(header, "Batch record completed", facts.text(BATCH_RECORD_COMPLETED_AT.name()));
    fact(header, "Release target", target(facts));
    Optional<StoredAuditEvent> checks = last(facts, AuditEventTypes.RELEASE_CHECKS_JUDGED);
    fact(header, "Release checks", checks.map(BatchReleaseRecord::checks));
    fact(
        header,
        "Review depth",
        facts.text(REVIEW_DEPTH.name()).map(depth -> DEPTHS.getOrDefault(depth, depth)));
    // QA's and the QP's answers count only for the checks they were given: a new round clears them
    long judgedAt = checks.map(StoredAuditEvent::seq).orElse(0L);
    fact(
        header,
        "QA review",
        decision(
            facts,
            QA_REVIEW,
            judgedAt,
            QA_REVIEW_ACCEPTABLE.name(),
            acceptable ->
                Boolean.TRUE.equals(acceptable) ? "Acceptable for release" : "Not acceptable"));
    fact(
        header,
        "QP decision",
        decision(
            facts,
            QP_CERTIFICATION,
            judgedAt,
            RELEASE_DECISION.name(),
            decision -> "RELEASE".equals(decision) ? "Certified for release" : "Rejected"));
    fact(header, "MES status set", mesStatus(facts));
    if (!open(facts.trail())) {
      fact(
          header,
          "Disposition",
          last(facts, AuditEventTypes.PROCESS_ENDED)
              .map(end -> DISPOSITIONS.get(String.valueOf(end.details().get("endActivityId")))));
    }
    return header;
  }

  /** The MES's product name with the code of the MES's event, or whichever the trail has. */
  private static Optional<String> product(RecordFacts facts) {
    Optional<String> name =
        facts
            .lastDetails(AuditEventTypes.RELEASE_CHECKS_JUDGED)
            .map(details -> details.get("productName"))
            .map(GxpRecords::shown)
            .filter(text -> !text.isBlank());
    Optional<String> code = facts.text(PRODUCT_CODE.name());
    return name.isPresent() && code.isPresent()
        ? Optional.of(name.get() + " (" + code.get() + ")")
        : name.or(() -> code);
  }

  /** The release target date: passed (the SLA timer fired), else the QP task's due date. */
  private static Optional<String> target(RecordFacts facts) {
    return last(facts, AuditEventTypes.DEADLINE_MISSED)
        .map(missed -> GxpRecords.shown(missed.details().get("dueDate")) + " (missed)")
        .or(
            () ->
                facts.events(AuditEventTypes.TASK_CREATED).stream()
                    .filter(
                        created ->
                            QP_CERTIFICATION.equals(created.details().get("taskDefinitionKey")))
                    .reduce((first, second) -> second)
                    .map(created -> GxpRecords.shown(created.details().get("dueDate"))));
  }

  /** "Round 2: all compliant, 1 finding" or the checks that were not. */
  private static String checks(StoredAuditEvent judged) {
    Map<String, Object> details = judged.details();
    List<String> failed = new ArrayList<>();
    int findings = 0;
    for (Object item : details.get("checks") instanceof List<?> list ? list : List.of()) {
      if (item instanceof Map<?, ?> check) {
        if (!"COMPLIANT".equals(check.get("status"))) {
          failed.add(check.get("check") + " " + check.get("status"));
        }
        findings += check.get("findings") instanceof List<?> found ? found.size() : 0;
      }
    }
    return "Round "
        + GxpRecords.shown(details.get("round"))
        + ": "
        + (failed.isEmpty() ? "all compliant" : String.join(", ", failed))
        + (findings == 0 ? "" : ", " + findings + (findings == 1 ? " finding" : " findings"));
  }

  /**
   * What the last completion of a task decided, with who and when, if it came after the checks it
   * judged (seq {@code after}). That completion is the only audited write of the variable, so the
   * latest value is its value.
   */
  private static Optional<String> decision(
      RecordFacts facts,
      String taskKey,
      long after,
      String variable,
      Function<Object, String> shown) {
    return facts.events(AuditEventTypes.TASK_COMPLETED).stream()
        .filter(done -> taskKey.equals(done.details().get("taskDefinitionKey")))
        .reduce((first, second) -> second)
        .filter(done -> done.seq() > after)
        .flatMap(
            done ->
                facts
                    .latest(variable)
                    .map(
                        value ->
                            shown.apply(value) + " (" + done.actor() + ", " + day(done) + ")"));
  }

  /** The last status the MES took from this release, with the day. */
  private static Optional<String> mesStatus(RecordFacts facts) {
    String status = null;
    for (StoredAuditEvent call : facts.events(AuditEventTypes.SYSTEM_CALL)) {
      Map<String, Object> details = call.details();
      String key = GxpRecords.shown(details.get("idempotencyKey"));
      if (ExternalSystem.MES.name().equals(details.get("system"))
          && MesOperations.SET_STATUS.equals(details.get("operation"))
          && "OK".equals(details.get("outcome"))) {
        for (Map.Entry<String, String> step : MES_STEPS.entrySet()) {
          if (key.contains(step.getKey())) {
            status = step.getValue() + " " + day(call);
          }
        }
      }
    }
    return Optional.ofNullable(status);
  }

  @Override
  public List<Link> links(RecordFacts facts) {
    List<Held> held = new ArrayList<>();
    for (StoredAuditEvent judged : facts.events(AuditEventTypes.RELEASE_CHECKS_JUDGED)) {
      String round = GxpRecords.shown(judged.details().get("round"));
      ids(judged.details().get("openDeviations"))
          .forEach(id -> held.add(new Held(judged.seq(), id, "open at checks round " + round)));
    }
    for (StoredAuditEvent missed : facts.events(AuditEventTypes.DEADLINE_MISSED)) {
      ids(missed.details().get("openDeviations"))
          .forEach(
              id -> held.add(new Held(missed.seq(), id, "open at the target date " + day(missed))));
    }
    for (StoredAuditEvent sent : messagesDuringRelease(facts)) {
      if (facts.businessKey().equals(sent.details().get("batchNumber"))
          && sent.businessKey() != null) {
        String message = GxpRecords.shown(sent.details().get("message"));
        String what = MESSAGES.getOrDefault(message, message) + " " + day(sent);
        held.add(new Held(sent.seq(), sent.businessKey(), what));
      }
    }
    held.sort(Comparator.comparingLong(Held::seq));
    Map<String, List<String>> deviations = new LinkedHashMap<>();
    for (Held entry : held) {
      List<String> said = deviations.computeIfAbsent(entry.deviation(), id -> new ArrayList<>());
      if (!said.contains(entry.what())) {
        said.add(entry.what());
      }
    }
    return deviations.entrySet().stream()
        .map(entry -> new Link("Deviation", entry.getKey(), String.join("; ", entry.getValue())))
        .toList();
  }

  /**
   * The deviations' messages sent while this batch's releases ran: the trail from the batch's first
   * event to its last (to the end while a release is open). A message is sent in the transaction
   * that correlates it, so one a release received lies within that stretch.
   */
  private List<StoredAuditEvent> messagesDuringRelease(RecordFacts facts) {
    List<StoredAuditEvent> trail = facts.trail();
    if (trail.isEmpty()) {
      return List.of();
    }
    long to = open(trail) ? Long.MAX_VALUE : trail.get(trail.size() - 1).seq();
    return auditTrail.findByType(AuditEventTypes.BATCH_MESSAGE_SENT, trail.get(0).seq(), to);
  }

  /** Whether the last instance of the record is still running. */
  private static boolean open(List<StoredAuditEvent> trail) {
    for (int i = trail.size() - 1; i >= 0; i--) {
      String type = trail.get(i).type();
      if (AuditEventTypes.PROCESS_STARTED.equals(type)) {
        return true;
      }
      if (AuditEventTypes.PROCESS_ENDED.equals(type)
          || AuditEventTypes.PROCESS_CANCELLED.equals(type)) {
        return false;
      }
    }
    return true;
  }

  /** One thing the trail says about a deviation that held the batch, at its place in the chain. */
  private record Held(long seq, String deviation, String what) {}

  private static List<String> ids(Object value) {
    return value instanceof List<?> list
        ? list.stream().map(GxpRecords::shown).filter(id -> !id.isBlank()).toList()
        : List.of();
  }

  private static Optional<StoredAuditEvent> last(RecordFacts facts, String type) {
    List<StoredAuditEvent> events = facts.events(type);
    return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
  }

  private static String day(StoredAuditEvent event) {
    return event.occurredAt().toString().substring(0, 10);
  }

  private static String or(String text, String otherwise) {
    return text.isBlank() ? otherwise : text;
  }

  private static void fact(List<Fact> header, String label, Optional<String> value) {
    value.filter(text -> !text.isBlank()).ifPresent(text -> header.add(new Fact(label, text)));
  }
}
