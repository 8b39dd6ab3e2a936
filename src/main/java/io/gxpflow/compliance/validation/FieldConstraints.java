package io.gxpflow.compliance.validation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code validate.<field>.*} extension properties of a BPMN user task for one field. Every
 * constraint holds on top of the form's own; {@code required=false} therefore never relaxes a
 * form's {@code validate.required}.
 *
 * @param field the field: a form key, a dotted path, or {@code <list>.<item key>} for dynamic list
 *     items
 * @param required {@code validate.<field>.required=true}
 * @param min {@code validate.<field>.min}, or null
 * @param max {@code validate.<field>.max}, or null
 * @param minLength {@code validate.<field>.minLength}, or null
 * @param maxLength {@code validate.<field>.maxLength}, or null
 * @param pattern {@code validate.<field>.pattern} (matched against the whole value), or null
 * @param values {@code validate.<field>.values=a,b,c}, or null
 * @param requiredWhen {@code validate.<field>.requiredWhen=<otherField>=<value>}, or null
 */
public record FieldConstraints(
    String field,
    boolean required,
    BigDecimal min,
    BigDecimal max,
    Integer minLength,
    Integer maxLength,
    Pattern pattern,
    List<String> values,
    RequiredWhen requiredWhen) {

  public FieldConstraints {
    Objects.requireNonNull(field, "field");
    values = values == null ? null : List.copyOf(values);
  }

  /**
   * Required when another field (top-level variable or dotted path) has this value: the submitted
   * value if the client sends the field, else the task's current one; compared as text ({@code
   * false}, {@code 3}, {@code major}).
   */
  public record RequiredWhen(String field, String value) {

    public RequiredWhen {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return field + " = " + value;
    }
  }
}
