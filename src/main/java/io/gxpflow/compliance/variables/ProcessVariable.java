package io.gxpflow.compliance.variables;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable by name and type, declared once per process (e.g. {@code DeviationVariables})
 * and read and written through it: no name literals and casts spread over delegates, controllers
 * and tests. A value of another type than declared is a defect of the model or the code, and fails
 * loudly with the variable's name.
 *
 * @param <T> the Java type the engine stores for it (String, Boolean, Integer, Date, a list or a
 *     map of JSON values)
 */
public record ProcessVariable<T>(String name, Class<T> type) {

  public static ProcessVariable<String> text(String name) {
    return new ProcessVariable<>(name, String.class);
  }

  public static ProcessVariable<Boolean> flag(String name) {
    return new ProcessVariable<>(name, Boolean.class);
  }

  public static ProcessVariable<Integer> integer(String name) {
    return new ProcessVariable<>(name, Integer.class);
  }

  public static ProcessVariable<Date> date(String name) {
    return new ProcessVariable<>(name, Date.class);
  }

  /** A list of JSON values (stored as JSON). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <E> ProcessVariable<List<E>> list(String name) {
    return new ProcessVariable<>(name, (Class) List.class);
  }

  /** A JSON object (stored as JSON, or a decision's result). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static ProcessVariable<Map<String, Object>> map(String name) {
    return new ProcessVariable<>(name, (Class) Map.class);
  }

  /** The value in this scope or above; null when not set. */
  public T from(VariableScope scope) {
    return cast(scope.getVariable(name));
  }

  public T from(Map<String, ?> variables) {
    return cast(variables.get(name));
  }

  /** The value, or {@code otherwise} when not set. */
  public T from(VariableScope scope, T otherwise) {
    T value = from(scope);
    return value == null ? otherwise : value;
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public boolean isTrue(VariableScope scope) {
    return Boolean.TRUE.equals(scope.getVariable(name));
  }

  private T cast(Object value) {
    if (value == null) {
      return null;
    }
    if (type == Integer.class && value instanceof Number number && !(value instanceof Integer)) {
      return type.cast(number.intValue());
    }
    if (!type.isInstance(value)) {
      throw new IllegalStateException(
          "Process variable '"
              + name
              + "' holds a "
              + value.getClass().getSimpleName()
              + ", not the declared "
              + type.getSimpleName());
    }
    return type.cast(value);
  }
}
