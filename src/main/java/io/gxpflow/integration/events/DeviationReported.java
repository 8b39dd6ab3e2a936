package io.gxpflow.integration.events;

import io.gxpflow.compliance.validation.FieldViolation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A system (MES or QMS) reports a deviation: start its deviation/CAPA process (docs/integration/qms.md). */
public record DeviationReported(String eventId, String source, String title, String description, String occurredAt,
    String discoveredAt, String site, String productCode, List<String> batchNumbers, String category,
    String containmentActions) {

  public static final String MESSAGE = "DeviationReported";
  static final Set<String> SOURCES = Set.of("MES", "QMS");
  static final Set<String> CATEGORIES = Set.of("process", "equipment", "material", "documentation",
      "laboratory", "environment");

  List<FieldViolation> violations() {
    List<FieldViolation> violations = new ArrayList<>();
    EventFields.required(violations, "eventId", eventId);
    EventFields.oneOf(violations, "source", source, SOURCES);
    EventFields.required(violations, "title", title);
    EventFields.required(violations, "description", description);
    EventFields.timestamp(violations, "occurredAt", occurredAt, true);
    EventFields.timestamp(violations, "discoveredAt", discoveredAt, false);
    EventFields.oneOf(violations, "category", category, CATEGORIES);
    if (batchNumbers != null) {
      for (int i = 0; i < batchNumbers.size(); i++) {
        EventFields.required(violations, "batchNumbers[" + i + "]", batchNumbers.get(i));
      }
    }
    return violations;
  }

  Map<String, Object> variables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("title", title);
    variables.put("description", description);
    variables.put("occurredAt", occurredAt);
    variables.put("discoveredAt", discoveredAt);
    variables.put("site", site);
    variables.put("product", productCode);
    // a comma-separated text, so Tasklist forms and the audit trail show it without a JSON type
    variables.put("affectedBatches", batchNumbers == null ? "" : String.join(",", batchNumbers));
    variables.put("category", category);
    variables.put("containmentActions", containmentActions);
    variables.put("reportedBy", source);
    variables.put("sourceEventId", eventId);
    return variables;
  }
}
