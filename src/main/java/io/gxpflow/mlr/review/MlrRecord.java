package io.gxpflow.mlr.review;

import static io.gxpflow.mlr.review.MlrVariables.*;

import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.compliance.record.GxpRecord.Fact;
import io.gxpflow.compliance.record.GxpRecord.Link;
import io.gxpflow.compliance.record.GxpRecords;
import io.gxpflow.compliance.record.RecordFacts;
import io.gxpflow.compliance.record.RecordProfile;
import io.gxpflow.mlr.content.ClaimUse;
import io.gxpflow.mlr.content.ContentModule;
import io.gxpflow.mlr.content.ContentRepository;
import io.gxpflow.mlr.content.StoredVersion;
import io.gxpflow.mlr.store.JdbcClaimsRepository;
import io.gxpflow.mlr.store.JdbcClaimsRepository.StoredClaim;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * What a content item's GxP record shows above its steps: the item as its latest version was
 * submitted (product, markets, channel, audience), where its versions stand (the current one, the
 * last approved one with its approval code and expiry), the last pre-check and how the last routing
 * decided to review it. Linked are the claims its versions use, each with its approved text, or
 * when and why it was withdrawn. The item's facts come from its audit trail; the claims from the
 * content store and the claims library, the project's own tables.
 */
@Component
class MlrRecord implements RecordProfile {

  private final ContentRepository content;
  private final JdbcClaimsRepository claims;

  MlrRecord(ContentRepository content, JdbcClaimsRepository claims) {
    this.content = content;
    this.claims = claims;
  }

  @Override
  public String processDefinitionKey() {
    return "mlr-review";
  }

  @Override
  public String title(RecordFacts facts) {
    return submitted(facts)
        .map(version -> text(version, "title"))
        .filter(title -> !title.isBlank())
        .orElse(null);
  }

  @Override
  public List<Fact> header(RecordFacts facts) {
    List<Fact> header = new ArrayList<>();
    submitted(facts)
        .ifPresent(
            version -> {
              fact(header, "Product", text(version, "product"));
              fact(header, "Markets", text(version, "markets"));
              fact(header, "Channel", text(version, "channel"));
              fact(header, "Audience", text(version, "audience"));
            });
    TreeMap<Integer, Version> versions = versions(facts);
    if (!versions.isEmpty()) {
      Version current = versions.lastEntry().getValue();
      fact(header, "Current version", current.shown());
      versions.values().stream()
          .filter(version -> version.approvalCode != null)
          .reduce((first, second) -> second)
          .ifPresent(
              approved -> {
                if (approved != current) {
                  fact(header, "Approved version", approved.shown());
                }
                fact(header, "Approval code", approved.approvalCode);
                fact(header, "Expires", approved.expiresOn);
              });
    }
    facts
        .lastDetails(AuditEventTypes.MLR_PRECHECK_COMPLETED)
        .ifPresent(
            precheck -> {
              fact(header, "Review round", GxpRecords.shown(precheck.get("round")));
              fact(header, "Pre-check", precheck(precheck));
            });
    outputs(facts, ReviewRouting.ROUTING)
        .ifPresent(
            found ->
                fact(header, "Reviews required", String.join(", ", ReviewRouting.required(found))));
    outputs(facts, ReviewRouting.SLA).stream()
        .flatMap(List::stream)
        .findFirst()
        .ifPresent(
            days ->
                fact(
                    header,
                    "Review SLA",
                    GxpRecords.shown(days)
                        + " working days"
                        + (Boolean.TRUE.equals(facts.latest(EXPEDITED.name()).orElse(null))
                            ? " (expedited)"
                            : "")));
    return header;
  }

  /** The details of the latest version submitted. */
  private static Optional<Map<String, Object>> submitted(RecordFacts facts) {
    return facts.lastDetails(AuditEventTypes.MLR_CONTENT_SUBMITTED);
  }

  /** A version's status as the trail tells it, and its approval while it had one. */
  private static final class Version {
    final int number;
    String status = "IN_REVIEW";
    String reason;
    String approvalCode;
    String expiresOn;

    Version(int number) {
      this.number = number;
    }

    String shown() {
      return number + " (" + status + (reason == null ? "" : ": " + reason) + ")";
    }
  }

  /** Every version by number: submitted in review, then each status change. */
  private static TreeMap<Integer, Version> versions(RecordFacts facts) {
    TreeMap<Integer, Version> versions = new TreeMap<>();
    for (StoredAuditEvent event : facts.trail()) {
      Map<String, Object> details = event.details();
      if (!(details.get("version") instanceof Number number)) {
        continue;
      }
      if (AuditEventTypes.MLR_CONTENT_SUBMITTED.equals(event.type())) {
        versions.put(number.intValue(), new Version(number.intValue()));
      } else if (AuditEventTypes.MLR_CONTENT_STATUS_CHANGED.equals(event.type())) {
        Version version = versions.computeIfAbsent(number.intValue(), Version::new);
        version.status = GxpRecords.shown(details.get("to"));
        version.reason =
            details.get("reason") == null ? null : GxpRecords.shown(details.get("reason"));
        if (details.get("approvalCode") != null) {
          version.approvalCode = GxpRecords.shown(details.get("approvalCode"));
          version.expiresOn = GxpRecords.shown(details.get("expiresOn"));
        }
      }
    }
    return versions;
  }

  /** "Score 100, no finding" or the findings, blocking ones named. */
  private static String precheck(Map<String, Object> precheck) {
    int findings = precheck.get("findings") instanceof Number n ? n.intValue() : 0;
    int blocking = precheck.get("blockingFindings") instanceof Number n ? n.intValue() : 0;
    return "version "
        + GxpRecords.shown(precheck.get("version"))
        + ": score "
        + GxpRecords.shown(precheck.get("score"))
        + ", "
        + (findings == 0 ? "no finding" : findings + (findings == 1 ? " finding" : " findings"))
        + (blocking == 0 ? "" : ", " + blocking + " blocking");
  }

  /**
   * The output values of the last evaluation of a decision table of the routing, one per rule that
   * applied (the routing table finds each review by its own rule).
   */
  private static Optional<List<Object>> outputs(RecordFacts facts, String decisionKey) {
    List<StoredAuditEvent> decisions =
        facts.events(AuditEventTypes.DECISION_EVALUATED).stream()
            .filter(decision -> decisionKey.equals(decision.details().get("decisionKey")))
            .toList();
    if (decisions.isEmpty()) {
      return Optional.empty();
    }
    List<Object> values = new ArrayList<>();
    Object outputs = decisions.get(decisions.size() - 1).details().get("outputs");
    for (Object output : outputs instanceof List<?> list ? list : List.of()) {
      if (output instanceof Map<?, ?> entry) {
        values.add(entry.get("value"));
      }
    }
    return Optional.of(values);
  }

  @Override
  public List<Link> links(RecordFacts facts) {
    Set<String> used = new LinkedHashSet<>();
    for (StoredVersion version : content.versions(facts.businessKey())) {
      for (ContentModule module : version.content().modules()) {
        module.claims().stream().map(ClaimUse::claimId).forEach(used::add);
      }
    }
    return used.stream()
        .map(
            id ->
                new Link(
                    "Claim",
                    id,
                    claims.find(id).map(MlrRecord::describe).orElse("not in the claims library"),
                    // a claim of the library, not a record with a page of its own
                    false))
        .toList();
  }

  /** The approved text; a withdrawn claim says when and why first. */
  private static String describe(StoredClaim claim) {
    String text = claim.claim().approvedText();
    if (claim.active()) {
      return text;
    }
    return "WITHDRAWN"
        + (claim.withdrawnAt() == null ? "" : " " + claim.withdrawnAt().toString().substring(0, 10))
        + (claim.withdrawalReason() == null ? "" : " (" + claim.withdrawalReason() + ")")
        + ": "
        + text;
  }

  private static String text(Map<String, Object> details, String key) {
    return GxpRecords.shown(details.get(key));
  }

  private static void fact(List<Fact> header, String label, String value) {
    if (value != null && !value.isBlank()) {
      header.add(new Fact(label, value));
    }
  }
}
