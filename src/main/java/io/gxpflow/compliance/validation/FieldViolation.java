package io.gxpflow.compliance.validation;

import java.util.Objects;

/**
 * One reason why a submitted value is refused.
 *
 * @param field the variable path as the client sent it: {@code comment}, a dotted key {@code
 *     equipment.lineId}, an item of a list {@code checksDone[2]} or a field of a dynamic list item
 *     {@code findings[0].severity}
 * @param reason why, in English, with the limit where there is one ({@code must be at most 100})
 */
public record FieldViolation(String field, String reason) {

  public FieldViolation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return field + ": " + reason;
  }
}
