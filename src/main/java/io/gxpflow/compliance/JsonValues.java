package io.gxpflow.compliance;

import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Audit details hold plain JSON values only (the hash is computed over their JSON form): dates
 * become ISO-8601 UTC text, anything that is not a string, number, boolean, list or map becomes its
 * text.
 */
public final class JsonValues {

  private JsonValues() {}

  public static Map<String, Object> of(Map<String, ?> values) {
    Map<String, Object> plain = new LinkedHashMap<>();
    values.forEach((key, value) -> plain.put(key, of(value)));
    return plain;
  }

  public static Object of(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Date date) {
      return date.toInstant().toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> plain = new LinkedHashMap<>();
      map.forEach((key, item) -> plain.put(String.valueOf(key), of(item)));
      return plain;
    }
    if (value instanceof Collection<?> collection) {
      return collection.stream().map(JsonValues::of).toList();
    }
    if (value instanceof Object[] array) {
      return List.of(array).stream().map(JsonValues::of).toList();
    }
    return value.toString();
  }
}
