package io.gxpflow.compliance.validation;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An input field of a Camunda Form, with what the server enforces for it. Limits that the form
 * gives as a FEEL expression ({@code "=..."}) are not statically known and are {@code null} here,
 * i.e. not enforced.
 *
 * @param key the data path within its scope: group paths included ({@code sampling.location}),
 *     relative to the item for fields of a dynamic list
 * @param type the form-js component type ({@code textfield}, ...; {@code model} for a field that
 *     only the BPMN model declares)
 * @param kind the kind of value the field takes
 * @param id the component id, if any
 * @param label the label, if any
 * @param required {@code validate.required: true}
 * @param min {@code validate.min}, or null
 * @param max {@code validate.max}, or null
 * @param minLength {@code validate.minLength}, or null
 * @param maxLength {@code validate.maxLength}, or null
 * @param pattern {@code validate.pattern} (matched against the whole value), or null
 * @param validationType {@code email}, {@code phone}, or null
 * @param values static allowed values ({@code values[].value}), or null when not static
 * @param valuesKey the variable holding the allowed values, or null
 * @param valuesExpression the FEEL expression giving the allowed values, or null
 * @param readOnly statically {@code readonly: true} or {@code disabled: true} (expressions do not
 *     count)
 * @param conditional the field or one of its containers has {@code conditional.hide}
 * @param subtype {@code date}, {@code time} or {@code datetime} for a datetime field, else null
 * @param serializeToString a number field whose value arrives as a numeric string
 * @param itemFields the fields of each item of a dynamic list, else empty
 * @param valueLabels the label of each static value ({@code values[].label}) by the value as text,
 *     for what a person reads (the signature step shows "Certify and release", not RELEASE)
 */
public record FormField(
    String key,
    String type,
    FieldKind kind,
    String id,
    String label,
    boolean required,
    BigDecimal min,
    BigDecimal max,
    Integer minLength,
    Integer maxLength,
    Pattern pattern,
    String validationType,
    List<Object> values,
    String valuesKey,
    String valuesExpression,
    boolean readOnly,
    boolean conditional,
    String subtype,
    boolean serializeToString,
    List<FormField> itemFields,
    Map<String, String> valueLabels) {

  public FormField {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(kind, "kind");
    values = values == null ? null : List.copyOf(values);
    itemFields = itemFields == null ? List.of() : List.copyOf(itemFields);
    valueLabels = valueLabels == null ? Map.of() : Collections.unmodifiableMap(valueLabels);
  }

  /**
   * A field with no rule of its own: computed, of an unknown component, or declared only by the
   * model.
   */
  static FormField anyValue(
      String key,
      String type,
      FieldKind kind,
      String id,
      String label,
      boolean readOnly,
      boolean conditional) {
    return new FormField(
        key,
        type,
        kind,
        id,
        label,
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        readOnly,
        conditional,
        null,
        false,
        List.of(),
        Map.of());
  }

  /** The key split at its dots: a dotted key is a path into nested objects. */
  public List<String> path() {
    return List.of(key.split("\\."));
  }

  /**
   * The allowed values come from the caller's lookup ({@code valuesKey} or {@code
   * valuesExpression}).
   */
  public boolean hasDynamicValues() {
    return valuesKey != null || valuesExpression != null;
  }
}
