package io.gxpflow.integration.events;

import io.gxpflow.compliance.validation.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The MES says a batch's electronic batch record is complete: start its release (docs/integration/mes.md). */
public record BatchRecordCompleted(String eventId, String batchNumber, String productCode, String site,
    String completedAt) {

  public static final String MESSAGE = "BatchRecordCompleted";

  List<FieldViolation> violations() {
    List<FieldViolation> violations = new ArrayList<>();
    EventFields.required(violations, "eventId", eventId);
    EventFields.required(violations, "batchNumber", batchNumber);
    EventFields.timestamp(violations, "completedAt", completedAt, true);
    return violations;
  }

  Map<String, Object> variables() {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    variables.put("batchNumber", batchNumber);
    variables.put("productCode", productCode);
    variables.put("site", site);
    variables.put("batchRecordCompletedAt", completedAt);
    variables.put("mesEventId", eventId);
    return variables;
  }
}
