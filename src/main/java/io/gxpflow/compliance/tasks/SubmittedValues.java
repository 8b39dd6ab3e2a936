package io.gxpflow.compliance.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Variables as plain Java values (String, Boolean, Number, Date, List, Map): what the validator
 * checks and the audit trail records, whatever way a client typed them (Camunda typed values, Spin
 * JSON from Tasklist).
 */
public final class SubmittedValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SubmittedValues() {}

  public static Map<String, Object> plain(Map<String, ?> variables) {
    Map<String, Object> plain = new LinkedHashMap<>();
    if (variables instanceof VariableMap typed) {
      // get() of a VariableMap gives null for a value still serialized (a Json variable from REST
      // or Tasklist)
      for (String name : typed.keySet()) {
        TypedValue value = typed.getValueTyped(name);
        plain.put(name, plain((Object) value));
      }
    } else if (variables != null) {
      variables.forEach((name, value) -> plain.put(name, plain(value)));
    }
    return plain;
  }

  public static Object plain(Object value) {
    if (value instanceof SerializableValue serialized && !serialized.isDeserialized()) {
      // a Json variable as the REST API and Tasklist send it: {"value": "[...]", "type": "Json"};
      // any other
      // format (Java serialization, XML) stays text: it is never deserialized here, and refused
      // when stored
      return isJson(serialized.getSerializationDataFormat())
              && serialized.getValueSerialized() != null
          ? json(serialized.getValueSerialized())
          : serialized.getValueSerialized();
    }
    if (value instanceof TypedValue typed) {
      return plain(typed.getValue());
    }
    if (value instanceof SpinJsonNode json) {
      return json(json.toString());
    }
    return value;
  }

  private static boolean isJson(String dataFormat) {
    return dataFormat == null || dataFormat.equals("application/json");
  }

  private static Object json(String text) {
    try {
      return JSON.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      return text;
    }
  }
}
