package io.gxpflow.compliance.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Variables as plain Java values (String, Boolean, Number, Date, List, Map): what the validator checks and the
 * audit trail records, whatever way a client typed them (Camunda typed values, Spin JSON from Tasklist).
 */
public final class SubmittedValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SubmittedValues() {}

  public static Map<String, Object> plain(Map<String, ?> variables) {
    Map<String, Object> plain = new LinkedHashMap<>();
    if (variables != null) {
      variables.forEach((name, value) -> plain.put(name, plain(value)));
    }
    return plain;
  }

  public static Object plain(Object value) {
    if (value instanceof TypedValue typed) {
      return plain(typed.getValue());
    }
    if (value instanceof SpinJsonNode json) {
      try {
        return JSON.readValue(json.toString(), Object.class);
      } catch (JsonProcessingException e) {
        return json.toString();
      }
    }
    return value;
  }
}
