package io.gxpflow.integration.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MES says a batch's electronic batch record is complete: start its release
 * (docs/integration/mes.md). The limits are those of docs/integration/events.md.
 */
public record BatchRecordCompleted(
    @NotBlank(message = "required")
        @Size(max = 128, message = "at most {max} characters")
        @StrictText
        String eventId,
    @NotBlank(message = "required")
        @Size(max = 64, message = "at most {max} characters")
        @StrictText
        String batchNumber,
    @Size(max = 64, message = "at most {max} characters") @StrictText String productCode,
    @Size(max = 64, message = "at most {max} characters") @StrictText String site,
    @NotBlank(message = "required") @EventTimestamp @StrictText String completedAt) {

  public static final String MESSAGE = "BatchRecordCompleted";

  Map<String, Object> variables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("batchNumber", batchNumber);
    variables.put("productCode", productCode);
    variables.put("site", site);
    variables.put("batchRecordCompletedAt", completedAt);
    variables.put("mesEventId", eventId);
    return variables;
  }
}
