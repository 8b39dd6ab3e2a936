package io.gxpflow.compliance.variables;

import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Put first among the engine's serializers, it claims the variable values a client may send but no
 * process of the project uses, and refuses them when they would be stored — on every path (REST,
 * the webapps, the Java API), inside the command, so nothing is changed:
 *
 * <ul>
 *   <li>an {@code Object} sent serialized (by a client) other than as JSON, or whose {@code
 *       objectTypeName} is not a plain JSON value (text, number, boolean, list, map): {@code
 *       java.lang.ProcessBuilder} is a gadget, not data;
 *   <li>a {@code File} whose name is a path ({@code ../../etc/passwd}): whoever saves the download
 *       by its name writes elsewhere.
 * </ul>
 *
 * Values the project's own code sets (deserialized objects) are not claimed. Java serialization
 * never gets here: the engine refuses it first ({@code java-serialization-format-enabled} is
 * false).
 */
abstract sealed class VariableValueGuard<T extends TypedValue> implements TypedValueSerializer<T> {

  private final String name;
  private final ValueType type;
  private final String dataFormat;

  VariableValueGuard(String name, ValueType type, String dataFormat) {
    this.name = name;
    this.type = type;
    this.dataFormat = dataFormat;
  }

  /** Why the value is refused, or null when another serializer should store it. */
  abstract String refusal(TypedValue value);

  @Override
  public boolean canHandle(TypedValue value) {
    return refusal(value) != null;
  }

  @Override
  public void writeValue(T value, ValueFields fields) {
    throw new RefusedVariable(fields.getName(), refusal(value));
  }

  @Override
  public T readValue(ValueFields fields, boolean deserialize, boolean isTransient) {
    throw new IllegalStateException("a refused value is never stored: " + fields.getName());
  }

  @Override
  public T convertToTypedValue(UntypedValueImpl untypedValue) {
    throw new IllegalStateException("untyped values are not claimed");
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public ValueType getType() {
    return type;
  }

  /** The data format of the serializer it competes with, so the engine picks the guard first. */
  @Override
  public String getSerializationDataformat() {
    return dataFormat;
  }

  @Override
  public boolean isMutableValue(T value) {
    return false;
  }

  static final class PlainJsonObjects extends VariableValueGuard<ObjectValue> {
    static final String JSON = "application/json";

    /**
     * The types a JSON value of the project deserializes to; a generic type names each of its
     * parts.
     */
    private static final Set<String> PLAIN_JSON =
        Set.of(
            "java.lang.String",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Double",
            "java.lang.Boolean",
            "java.lang.Object",
            "java.util.List",
            "java.util.ArrayList",
            "java.util.LinkedList",
            "java.util.Map",
            "java.util.HashMap",
            "java.util.LinkedHashMap",
            "java.util.Set",
            "java.util.HashSet",
            "java.util.LinkedHashSet");

    private static final Pattern TYPE_PARTS = Pattern.compile("[<>,\\s]+");

    PlainJsonObjects() {
      super("gxp-refused-object", ValueType.OBJECT, JSON);
    }

    @Override
    String refusal(TypedValue value) {
      if (!(value instanceof ObjectValue object) || object.isDeserialized()) {
        return null;
      }
      if (!JSON.equals(object.getSerializationDataFormat())) {
        return "an Object variable is accepted only as JSON (serializationDataFormat application/json)";
      }
      String typeName = object.getObjectTypeName();
      if (typeName == null || typeName.isBlank()) {
        return "an Object variable needs an objectTypeName";
      }
      for (String part : TYPE_PARTS.split(typeName.trim())) {
        if (!PLAIN_JSON.contains(part)) {
          return "objectTypeName may name only text, numbers, booleans, lists and maps";
        }
      }
      return null;
    }
  }

  static final class PlainFileNames extends VariableValueGuard<FileValue> {
    private static final Pattern SAFE_NAME = Pattern.compile("[^/\\\\\\p{Cntrl}]{1,255}");

    PlainFileNames() {
      super("gxp-refused-file", ValueType.FILE, null);
    }

    @Override
    String refusal(TypedValue value) {
      if (!(value instanceof FileValue file)) {
        return null;
      }
      String filename = file.getFilename();
      if (filename == null
          || !SAFE_NAME.matcher(filename).matches()
          || filename.contains("..")
          || filename.isBlank()) {
        return "a file name must be a plain name of up to 255 characters, without path or '..'";
      }
      return null;
    }
  }
}
