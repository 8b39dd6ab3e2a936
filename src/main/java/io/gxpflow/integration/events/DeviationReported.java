package io.gxpflow.integration.events;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.gxpflow.compliance.StrictFields;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A system (MES or QMS) reports a deviation: start its deviation/CAPA process
 * (docs/integration/qms.md). The limits are those of docs/integration/events.md; {@code site} is
 * required because the QMS record needs it (without it the process would fail at its first step and
 * become an incident).
 */
@StrictFields
public record DeviationReported(
    @NotBlank(message = "required")
        @Size(max = 128, message = "at most {max} characters")
        @StrictText
        String eventId,
    @NotBlank(message = "required")
        @Pattern(regexp = "MES|QMS", message = "not one of [MES, QMS]")
        @StrictText
        String source,
    @NotBlank(message = "required")
        @Size(max = 200, message = "at most {max} characters")
        @StrictText
        String title,
    @NotBlank(message = "required")
        @Size(max = 4000, message = "at most {max} characters")
        @StrictText
        String description,
    @NotBlank(message = "required") @EventTimestamp @StrictText String occurredAt,
    @EventTimestamp @StrictText String discoveredAt,
    @NotBlank(message = "required")
        @Size(max = 64, message = "at most {max} characters")
        @StrictText
        String site,
    @Size(max = 64, message = "at most {max} characters") @StrictText String productCode,
    @Size(max = 100, message = "at most {max} batch numbers")
        @JsonDeserialize(contentUsing = StrictText.Deserializer.class)
        List<
                @NotBlank(message = "required")
                @Size(max = 64, message = "at most {max} characters") String>
            batchNumbers,
    @NotBlank(message = "required")
        @Pattern(
            regexp = CATEGORIES,
            message =
                "not one of [documentation, "
                    + "environment, equipment, laboratory, material, process]")
        @StrictText
        String category,
    @Size(max = 4000, message = "at most {max} characters") @StrictText String containmentActions) {

  public static final String MESSAGE = "DeviationReported";
  static final String CATEGORIES =
      "process|equipment|material|documentation|laboratory|environment";

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
