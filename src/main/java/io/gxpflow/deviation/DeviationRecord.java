package io.gxpflow.deviation;

import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.compliance.record.GxpRecord.Fact;
import io.gxpflow.compliance.record.GxpRecord.Link;
import io.gxpflow.compliance.record.RecordFacts;
import io.gxpflow.compliance.record.RecordProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a deviation's GxP record shows above its steps: the report, the severity QA approved (else
 * the one proposed), the locked due dates and the outcome; linked are the affected batches, with
 * the messages sent for each (held, released).
 */
@Component
class DeviationRecord implements RecordProfile {

  @Override
  public String processDefinitionKey() {
    return "deviation-capa";
  }

  @Override
  public String title(RecordFacts facts) {
    return facts.text("title").orElse(null);
  }

  @Override
  public List<Fact> header(RecordFacts facts) {
    List<Fact> header = new ArrayList<>();
    fact(header, "Severity", severity(facts));
    fact(header, "Site", facts.text("site"));
    fact(header, "Product", facts.text("product"));
    fact(header, "Category", facts.chosen("category"));
    fact(header, "Occurred", facts.time("occurredAt"));
    fact(header, "Investigation due", facts.time("investigationDueDate"));
    fact(header, "Closure due", facts.time("closureDueDate"));
    fact(header, "CAPA required", facts.text("capaRequired"));
    fact(header, "Effectiveness", facts.text("effectivenessResult"));
    return header;
  }

  /**
   * The severity QA approved (it comes with the due dates it set), else QA's reclassification, else
   * the risk table's proposal.
   */
  private static Optional<String> severity(RecordFacts facts) {
    Optional<String> approved =
        facts
            .lastDetails(AuditEventTypes.DUE_DATE_CHANGED)
            .map(details -> details.get("severity"))
            .map(String::valueOf);
    return approved.or(() -> facts.text("qaSeverity")).or(() -> facts.text("severity"));
  }

  @Override
  public List<Link> links(RecordFacts facts) {
    // batch number → the messages sent for it, in order
    Map<String, List<String>> batches = new LinkedHashMap<>();
    DeviationIntake.batchNumbers(facts.text("affectedBatches").orElse(null))
        .forEach(batch -> batches.put(batch, new ArrayList<>()));
    for (StoredAuditEvent sent : facts.events(AuditEventTypes.BATCH_MESSAGE_SENT)) {
      String batch = String.valueOf(sent.details().get("batchNumber"));
      batches.computeIfAbsent(batch, b -> new ArrayList<>()).add(describe(sent));
    }
    return batches.entrySet().stream()
        .map(
            batch ->
                new Link("Affected batch", batch.getKey(), String.join("; ", batch.getValue())))
        .toList();
  }

  private static String describe(StoredAuditEvent sent) {
    Object message = sent.details().get("message");
    return (BatchMessages.BATCH_HOLD_REQUESTED.equals(message)
            ? "hold requested"
            : "deviation closed")
        + " "
        + sent.occurredAt().toString().substring(0, 10);
  }

  private static void fact(List<Fact> header, String label, Optional<String> value) {
    value.ifPresent(text -> header.add(new Fact(label, text)));
  }
}
