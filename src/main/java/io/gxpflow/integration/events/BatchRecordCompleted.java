package io.gxpflow.integration.events;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.gxpflow.compliance.StrictFields;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The MES says a batch's electronic batch record is complete: start its release
 * (docs/integration/mes.md). The limits are those of docs/integration/events.md; {@code
 * intendedMarkets}, the ISO country codes the batch is made for, is optional.
 */
@StrictFields
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
    @NotBlank(message = "required") @EventTimestamp @StrictText String completedAt,
    @Size(max = 30, message = "at most {max} markets")
        @JsonDeserialize(contentUsing = StrictText.Deserializer.class)
        List<
                @NotBlank(message = "required")
                @Pattern(
                    regexp = "[A-Z]{2}",
                    message = "expected an ISO country code of two upper-case letters, e.g. DE")
                String>
            intendedMarkets) {

  public static final String MESSAGE = "BatchRecordCompleted";

  Map<String, Object> variables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("batchNumber", batchNumber);
    variables.put("productCode", productCode);
    variables.put("site", site);
    // a JSON list without repeats (an ArrayList: the engine stores it as JSON and builds it again)
    variables.put(
        "intendedMarkets",
        intendedMarkets == null
            ? new ArrayList<>()
            : new ArrayList<>(new LinkedHashSet<>(intendedMarkets)));
    variables.put("batchRecordCompletedAt", completedAt);
    variables.put("mesEventId", eventId);
    return variables;
  }
}
