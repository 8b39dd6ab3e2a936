package io.gxpflow.compliance.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Validation declared on a BPMN user task as Camunda extension properties ({@code
 * <camunda:property>}), given as property name → value. Only names starting with {@code validate.}
 * are read; the model's other properties ({@code signature.meaning}, {@code sod.notSameAs}, ...)
 * are ignored.
 *
 * <pre>
 * validate.&lt;field&gt;.required=true|false
 * validate.&lt;field&gt;.pattern=&lt;regex, whole value&gt;
 * validate.&lt;field&gt;.min=&lt;number&gt;            validate.&lt;field&gt;.max=&lt;number&gt;
 * validate.&lt;field&gt;.minLength=&lt;n&gt;           validate.&lt;field&gt;.maxLength=&lt;n&gt;
 * validate.&lt;field&gt;.values=a,b,c
 * validate.&lt;field&gt;.requiredWhen=&lt;otherField&gt;=&lt;value&gt;
 * validate.allow=&lt;var1&gt;,&lt;var2&gt;   (variables that may be submitted though no form field declares them)
 * </pre>
 *
 * A malformed {@code validate.} property (unknown constraint, bad regex, non-number min, min above
 * max, ...) is a configuration error: {@link #from(Map)} throws an {@link IllegalArgumentException}
 * naming the property.
 */
public final class ModelConstraints {

  public static final String PREFIX = "validate.";
  public static final String ALLOW = "validate.allow";

  private static final List<String> CONSTRAINTS =
      List.of(
          "required", "pattern", "min", "max", "minLength", "maxLength", "values", "requiredWhen");

  private static final ModelConstraints NONE = new ModelConstraints(Map.of(), Set.of());

  private final Map<String, FieldConstraints> fields;
  private final Set<String> allowed;

  private ModelConstraints(Map<String, FieldConstraints> fields, Set<String> allowed) {
    this.fields = Collections.unmodifiableMap(fields);
    this.allowed = Collections.unmodifiableSet(allowed);
  }

  public static ModelConstraints none() {
    return NONE;
  }

  /**
   * Reads the {@code validate.*} properties; fields come out sorted by name, so results do not
   * depend on map order.
   */
  public static ModelConstraints from(Map<String, String> properties) {
    Objects.requireNonNull(properties, "properties");
    Map<String, Builder> builders = new TreeMap<>();
    Set<String> allowed = new LinkedHashSet<>();
    for (Map.Entry<String, String> property : new TreeMap<>(properties).entrySet()) {
      String name = property.getKey();
      if (!name.startsWith(PREFIX)) {
        continue;
      }
      String value = property.getValue();
      if (value == null) {
        throw error(name, "has no value");
      }
      if (name.equals(ALLOW)) {
        for (String variable : list(name, value)) {
          checkName(name, variable);
          allowed.add(variable);
        }
        continue;
      }
      String rest = name.substring(PREFIX.length());
      int dot = rest.lastIndexOf('.');
      if (dot <= 0) {
        throw error(
            name,
            "expected validate.<field>.<constraint> with a constraint of "
                + CONSTRAINTS
                + ", or validate.allow");
      }
      String field = rest.substring(0, dot);
      String constraint = rest.substring(dot + 1);
      checkName(name, field);
      builders.computeIfAbsent(field, Builder::new).set(name, constraint, value);
    }
    Map<String, FieldConstraints> fields = new TreeMap<>();
    builders.forEach((field, builder) -> fields.put(field, builder.build()));
    return new ModelConstraints(fields, allowed);
  }

  /** Per field, sorted by field name. */
  public List<FieldConstraints> fields() {
    return List.copyOf(fields.values());
  }

  public Optional<FieldConstraints> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** {@code validate.allow}: variables accepted though no form field declares them (any value). */
  public Set<String> allowed() {
    return allowed;
  }

  public boolean isEmpty() {
    return fields.isEmpty() && allowed.isEmpty();
  }

  @Override
  public String toString() {
    return "ModelConstraints[fields=" + fields.keySet() + ", allow=" + allowed + "]";
  }

  private static final class Builder {

    private final String field;
    private boolean required;
    private BigDecimal min;
    private BigDecimal max;
    private Integer minLength;
    private Integer maxLength;
    private Pattern pattern;
    private List<String> values;
    private FieldConstraints.RequiredWhen requiredWhen;
    private String minProperty;
    private String minLengthProperty;

    Builder(String field) {
      this.field = field;
    }

    void set(String property, String constraint, String raw) {
      String value = raw.strip();
      switch (constraint) {
        case "required" -> {
          if (!value.equals("true") && !value.equals("false")) {
            throw error(property, "expected true or false, not '" + raw + "'");
          }
          required = Boolean.parseBoolean(value);
        }
        case "pattern" -> {
          if (raw.isEmpty()) {
            throw error(property, "is empty");
          }
          try {
            // not stripped: a regex may mean its spaces
            pattern = Pattern.compile(raw);
          } catch (PatternSyntaxException e) {
            throw error(property, "is not a valid regular expression: " + e.getDescription());
          }
        }
        case "min" -> {
          min = number(property, value);
          minProperty = property;
        }
        case "max" -> max = number(property, value);
        case "minLength" -> {
          minLength = length(property, value);
          minLengthProperty = property;
        }
        case "maxLength" -> maxLength = length(property, value);
        case "values" -> values = list(property, raw);
        case "requiredWhen" -> {
          int eq = value.indexOf('=');
          String other = eq < 0 ? "" : value.substring(0, eq).strip();
          String expected = eq < 0 ? "" : value.substring(eq + 1).strip();
          if (other.isEmpty() || expected.isEmpty()) {
            throw error(property, "expected <otherField>=<value>, not '" + raw + "'");
          }
          checkName(property, other);
          requiredWhen = new FieldConstraints.RequiredWhen(other, expected);
        }
        default ->
            throw error(
                property,
                "unknown constraint '" + constraint + "', expected one of " + CONSTRAINTS);
      }
    }

    FieldConstraints build() {
      if (min != null && max != null && min.compareTo(max) > 0) {
        throw error(
            minProperty, "min " + min.toPlainString() + " is above max " + max.toPlainString());
      }
      if (minLength != null && maxLength != null && minLength > maxLength) {
        throw error(
            minLengthProperty, "minLength " + minLength + " is above maxLength " + maxLength);
      }
      return new FieldConstraints(
          field, required, min, max, minLength, maxLength, pattern, values, requiredWhen);
    }
  }

  private static BigDecimal number(String property, String value) {
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw error(property, "is not a number: '" + value + "'");
    }
  }

  private static int length(String property, String value) {
    try {
      int length = Integer.parseInt(value);
      if (length >= 0) {
        return length;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw error(property, "is not a non-negative whole number: '" + value + "'");
  }

  private static List<String> list(String property, String raw) {
    List<String> items = new ArrayList<>();
    for (String item : raw.split(",")) {
      if (!item.isBlank()) {
        items.add(item.strip());
      }
    }
    if (items.isEmpty()) {
      throw error(property, "lists no value");
    }
    return items;
  }

  private static void checkName(String property, String name) {
    if (!CamundaForm.KEY.matcher(name).matches()) {
      throw error(property, "'" + name + "' is not a field name (letters, digits, _ and dots)");
    }
  }

  private static IllegalArgumentException error(String property, String message) {
    return new IllegalArgumentException("BPMN property " + property + ": " + message);
  }

  static List<String> segments(String name) {
    return Arrays.asList(name.split("\\."));
  }
}
