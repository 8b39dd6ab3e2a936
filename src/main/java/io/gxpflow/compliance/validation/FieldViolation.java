package io.gxpflow.compliance.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One reason why a submitted value is refused.
 *
 * @param field the variable path as the client sent it: {@code comment}, a dotted key {@code
 *     equipment.lineId}, an item of a list {@code checksDone[2]} or a field of a dynamic list item
 *     {@code findings[0].severity}
 * @param reason why, in English, with the limit where there is one ({@code must be at most 100})
 * @param label the field's label in the form, when it has one: what the person who filled it in
 *     reads, so the sentence shown to them names it ({@code null} otherwise, and then not sent)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldViolation(String field, String reason, String label) {

  public FieldViolation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
  }

  public FieldViolation(String field, String reason) {
    this(field, reason, null);
  }

  /** "batches[0].number" → "batches": the variable the violation is about. */
  public String variable() {
    int end = field.length();
    for (char separator : new char[] {'.', '['}) {
      int at = field.indexOf(separator);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return field.substring(0, end);
  }

  FieldViolation withLabel(String formLabel) {
    return formLabel == null || formLabel.isBlank()
        ? this
        : new FieldViolation(field, reason, formLabel.strip());
  }

  @Override
  public String toString() {
    return field + ": " + reason;
  }
}
