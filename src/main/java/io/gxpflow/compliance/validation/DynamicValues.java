package io.gxpflow.compliance.validation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Ready-made {@code dynamicValues} lookups for {@link TaskInputValidator#validate}. */
public final class DynamicValues {

  private DynamicValues() {}

  /**
   * Nothing is known: fields with {@code valuesKey} or {@code valuesExpression} accept any value of
   * their type.
   */
  public static Function<String, Collection<?>> unknown() {
    return field -> null;
  }

  /**
   * The options of a {@code valuesKey} field as form-js reads them: from the variable of that name
   * (a list of {@code {label, value}} or of plain values) among {@code variables}, usually the
   * task's current variables. A {@code valuesExpression} field, or a missing or non-list variable,
   * gives "not known" (not enforced).
   */
  public static Function<String, Collection<?>> fromVariables(
      TaskInputSpec spec, Map<String, ?> variables) {
    Objects.requireNonNull(spec, "spec");
    Map<String, ?> source = variables == null ? Map.of() : variables;
    return field ->
        spec.field(field)
            .map(FormField::valuesKey)
            .map(key -> lookup(source, key))
            .filter(Collection.class::isInstance)
            .map(options -> (Collection<?>) options)
            .orElse(null);
  }

  private static Object lookup(Map<String, ?> variables, String key) {
    if (variables.containsKey(key)) {
      return variables.get(key);
    }
    Object node = variables;
    for (String segment : List.of(key.split("\\."))) {
      if (!(node instanceof Map<?, ?> map)) {
        return null;
      }
      node = map.get(segment);
    }
    return node;
  }
}
