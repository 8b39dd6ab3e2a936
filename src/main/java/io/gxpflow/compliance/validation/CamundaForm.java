package io.gxpflow.compliance.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The input fields of a Camunda Form (form-js JSON as Camunda Modeler 5 exports it, schemaVersion
 * up to 18), read for server-side validation. No engine, no Spring: {@code
 * CamundaForm.parse(json)}.
 *
 * <ul>
 *   <li>Containers are walked: a {@code group} with a {@code path} puts its children under that
 *       path ({@code sampling} + {@code location} = {@code sampling.location}); a {@code
 *       dynamiclist} becomes one field of kind {@link FieldKind#LIST} at its {@code path} (or
 *       {@code key}) whose {@link FormField#itemFields()} are checked on every item.
 *   <li>Display-only components ({@code text}, {@code html}, {@code image}, {@code spacer}, {@code
 *       separator}, {@code button}, {@code iframe}, {@code table}, {@code documentPreview}) are
 *       ignored.
 *   <li>A component type this class does not know is listed in {@link #unknownComponents()}; if it
 *       has a key it is an accepted field of any value, if it has children they are walked like a
 *       group's, so that a newer form-js does not lock users out.
 *   <li>Values the form gives as FEEL ({@code readonly: "=..."}, {@code validate.min: "=..."}) are
 *       not statically known and are not enforced. {@code conditional.hide} marks the field (and a
 *       container's children) {@link FormField#conditional() conditional}: such a field is not
 *       required when absent.
 *   <li>A form that cannot be enforced as written (not JSON, a bad regex, a {@code min} that is
 *       neither a number nor an expression, an invalid key) is a configuration error: {@link
 *       IllegalArgumentException}.
 * </ul>
 */
public final class CamundaForm {

  /**
   * The schemaVersion this class was written against; newer forms are read, unknown components
   * tolerated.
   */
  public static final int KNOWN_SCHEMA_VERSION = 18;

  /**
   * A component form-js knows but this class does not (or a component without type), kept for
   * logging.
   */
  public record UnknownComponent(String type, String id, String key) {}

  static final Set<String> DISPLAY_ONLY =
      Set.of(
          "text",
          "html",
          "image",
          "spacer",
          "separator",
          "button",
          "iframe",
          "table",
          "documentPreview");

  // form-js: "Binds the form field to a form variable. Can be a dot separated path."
  static final Pattern KEY = Pattern.compile("\\w+(\\.\\w+)*");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String id;
  private final Integer schemaVersion;
  private final List<FormField> fields;
  private final List<UnknownComponent> unknownComponents;

  private CamundaForm(
      String id, Integer schemaVersion, List<FormField> fields, List<UnknownComponent> unknown) {
    this.id = id;
    this.schemaVersion = schemaVersion;
    this.fields = List.copyOf(fields);
    this.unknownComponents = List.copyOf(unknown);
  }

  public static CamundaForm parse(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return parse(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Not a Camunda Form: not JSON (" + e.getOriginalMessage() + ")", e);
    }
  }

  public static CamundaForm parse(InputStream json) {
    Objects.requireNonNull(json, "json");
    try {
      return parse(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Not a Camunda Form: not JSON (" + e.getOriginalMessage() + ")", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("Camunda Form cannot be read: " + e.getMessage(), e);
    }
  }

  private static CamundaForm parse(JsonNode root) {
    if (root == null || !root.isObject() || !root.path("components").isArray()) {
      throw new IllegalArgumentException(
          "Not a Camunda Form: no \"components\" array at the top level");
    }
    String id = textOrNull(root, "id");
    Integer schemaVersion =
        root.path("schemaVersion").isInt() ? root.get("schemaVersion").intValue() : null;
    Reader reader = new Reader(id == null ? "(no id)" : id);
    List<FormField> fields = reader.walk(root.get("components"), List.of(), false);
    return new CamundaForm(id, schemaVersion, fields, reader.unknown);
  }

  /** The form's {@code id} (what {@code camunda:formRef} names), or null when the JSON has none. */
  public String id() {
    return id;
  }

  public OptionalInt schemaVersion() {
    return schemaVersion == null ? OptionalInt.empty() : OptionalInt.of(schemaVersion);
  }

  /**
   * The input fields in form order (depth first); dynamic list items are in {@link
   * FormField#itemFields()}.
   */
  public List<FormField> fields() {
    return fields;
  }

  public List<UnknownComponent> unknownComponents() {
    return unknownComponents;
  }

  /**
   * A field by key ({@code comment}, {@code sampling.location}) or, for a field of a dynamic list
   * item, by {@code <list key>.<item key>} ({@code findings.severity}).
   */
  public Optional<FormField> field(String name) {
    return find(fields, name);
  }

  static Optional<FormField> find(List<FormField> fields, String name) {
    for (FormField field : fields) {
      if (field.key().equals(name)) {
        return Optional.of(field);
      }
    }
    for (FormField field : fields) {
      if (field.kind() == FieldKind.LIST && name.startsWith(field.key() + ".")) {
        Optional<FormField> item =
            find(field.itemFields(), name.substring(field.key().length() + 1));
        if (item.isPresent()) {
          return item;
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "CamundaForm[" + (id == null ? "(no id)" : id) + ", " + fields.size() + " fields]";
  }

  /** One parse: collects unknown components and names the form in configuration errors. */
  private static final class Reader {

    private final String formId;
    private final List<UnknownComponent> unknown = new ArrayList<>();

    Reader(String formId) {
      this.formId = formId;
    }

    List<FormField> walk(JsonNode components, List<String> prefix, boolean hidden) {
      List<FormField> out = new ArrayList<>();
      if (components == null || components.isNull()) {
        return out;
      }
      if (!components.isArray()) {
        throw error("\"components\" is not an array");
      }
      for (JsonNode component : components) {
        if (!component.isObject()) {
          throw error("a component is not an object: " + component);
        }
        component(component, prefix, hidden, out);
      }
      return out;
    }

    private void component(
        JsonNode c, List<String> prefix, boolean hiddenByContainer, List<FormField> out) {
      String type = textOrNull(c, "type");
      String id = textOrNull(c, "id");
      boolean conditional = hiddenByContainer || hasHideCondition(c);
      if (type == null) {
        unknown.add(new UnknownComponent(null, id, textOrNull(c, "key")));
        return;
      }
      switch (type) {
        case "textfield",
            "textarea",
            "number",
            "checkbox",
            "checklist",
            "radio",
            "select",
            "taglist",
            "datetime",
            "expression",
            "filepicker" -> {
          String key = textOrNull(c, "key");
          // an input without key is bound to nothing: form-js submits nothing for it
          if (key != null) {
            out.add(input(c, type, join(prefix, key, c), conditional));
          }
        }
        case "group" ->
            out.addAll(
                walk(c.get("components"), withPath(prefix, textOrNull(c, "path"), c), conditional));
        case "dynamiclist" -> out.add(dynamicList(c, prefix, conditional));
        default -> {
          if (DISPLAY_ONLY.contains(type)) {
            return;
          }
          String key = textOrNull(c, "key");
          unknown.add(new UnknownComponent(type, id, key));
          if (key != null) {
            // an unknown component with a key may carry data of a newer form-js: accept any value
            out.add(
                FormField.anyValue(
                    join(prefix, key, c),
                    type,
                    FieldKind.ANY,
                    id,
                    textOrNull(c, "label"),
                    readOnly(c),
                    conditional));
          } else if (c.path("components").isArray()) {
            // e.g. newer containers (multipage, page): their inputs are still inputs
            out.addAll(
                walk(c.get("components"), withPath(prefix, textOrNull(c, "path"), c), conditional));
          }
        }
      }
    }

    private FormField dynamicList(JsonNode c, List<String> prefix, boolean conditional) {
      String path = textOrNull(c, "path");
      if (path == null) {
        path = textOrNull(c, "key");
      }
      if (path == null) {
        throw error(
            "dynamiclist " + describe(c) + " has no path: its items cannot be bound to a variable");
      }
      String key = join(prefix, path, c);
      // item fields are relative to the item; a hidden list's items are only submitted with the
      // list
      List<FormField> items = walk(c.get("components"), List.of(), false);
      return new FormField(
          key,
          "dynamiclist",
          FieldKind.LIST,
          textOrNull(c, "id"),
          textOrNull(c, "label"),
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
          false,
          conditional,
          null,
          false,
          items,
          Map.of());
    }

    private FormField input(JsonNode c, String type, String key, boolean conditional) {
      JsonNode validate = c.path("validate");
      String where = "field " + key;
      FieldKind kind =
          switch (type) {
            case "textfield", "textarea" -> FieldKind.TEXT;
            case "number" -> FieldKind.NUMBER;
            case "checkbox" -> FieldKind.BOOLEAN;
            case "radio", "select" -> FieldKind.SINGLE_CHOICE;
            case "checklist", "taglist" -> FieldKind.MULTI_CHOICE;
            case "datetime" -> FieldKind.DATETIME;
            case "expression" -> FieldKind.COMPUTED;
            case "filepicker" -> FieldKind.FILE;
            default -> throw new IllegalStateException(type);
          };
      if (kind == FieldKind.COMPUTED) {
        // computed by the form from other fields: its value is whatever the expression gave
        return FormField.anyValue(
            key,
            type,
            FieldKind.COMPUTED,
            textOrNull(c, "id"),
            textOrNull(c, "label"),
            false,
            conditional);
      }
      String subtype = null;
      if (kind == FieldKind.DATETIME) {
        subtype = Optional.ofNullable(textOrNull(c, "subtype")).orElse("date");
        if (!List.of("date", "time", "datetime").contains(subtype)) {
          throw error(where + ": datetime subtype '" + subtype + "' is not date, time or datetime");
        }
      }
      String validationType = textOrNull(validate, "validationType");
      if (validationType != null && !List.of("email", "phone", "custom").contains(validationType)) {
        throw error(
            where
                + ": validate.validationType '"
                + validationType
                + "' is not email, phone or custom");
      }
      return new FormField(
          key,
          type,
          kind,
          textOrNull(c, "id"),
          // a datetime field has no label of its own, but one for its date and one for its time
          Optional.ofNullable(textOrNull(c, "label"))
              .or(() -> Optional.ofNullable(textOrNull(c, "dateLabel")))
              .orElse(textOrNull(c, "timeLabel")),
          flag(validate.get("required")),
          number(validate.get("min"), where + ": validate.min"),
          number(validate.get("max"), where + ": validate.max"),
          length(validate.get("minLength"), where + ": validate.minLength"),
          length(validate.get("maxLength"), where + ": validate.maxLength"),
          pattern(validate.get("pattern"), where + ": validate.pattern"),
          "custom".equals(validationType) ? null : validationType,
          staticValues(c, where),
          textOrNull(c, "valuesKey"),
          textOrNull(c, "valuesExpression"),
          readOnly(c),
          conditional,
          subtype,
          c.path("serializeToString").asBoolean(false),
          List.of(),
          valueLabels(c));
    }

    /** Each static value's label, by the value as text; insertion order is the form's. */
    private static Map<String, String> valueLabels(JsonNode c) {
      Map<String, String> labels = new LinkedHashMap<>();
      JsonNode values = c.get("values");
      if (values != null && values.isArray()) {
        for (JsonNode entry : values) {
          if (entry.isObject()
              && entry.hasNonNull("value")
              && entry.path("label").isTextual()
              && !entry.path("label").asText().isBlank()) {
            labels.put(entry.get("value").asText(), entry.get("label").asText());
          }
        }
      }
      return labels;
    }

    private List<Object> staticValues(JsonNode c, String where) {
      if (textOrNull(c, "valuesKey") != null || textOrNull(c, "valuesExpression") != null) {
        return null;
      }
      JsonNode values = c.get("values");
      if (values == null || values.isNull()) {
        return null;
      }
      if (!values.isArray()) {
        throw error(where + ": \"values\" is not an array of {label, value}");
      }
      List<Object> allowed = new ArrayList<>();
      for (JsonNode entry : values) {
        JsonNode value = entry.isObject() ? entry.get("value") : entry;
        if (value != null && !value.isNull()) {
          allowed.add(
              value.isTextual() ? value.textValue() : JSON.convertValue(value, Object.class));
        }
      }
      return allowed;
    }

    private BigDecimal number(JsonNode node, String where) {
      if (node == null || node.isNull()) {
        return null;
      }
      if (node.isNumber()) {
        return node.decimalValue();
      }
      String text = node.isTextual() ? node.textValue().strip() : null;
      if (text != null && (text.isEmpty() || text.startsWith("="))) {
        return null;
      }
      try {
        return new BigDecimal(Objects.requireNonNull(text));
      } catch (RuntimeException e) {
        throw error(where + " is neither a number nor a FEEL expression: " + node);
      }
    }

    private Integer length(JsonNode node, String where) {
      BigDecimal n = number(node, where);
      if (n == null) {
        return null;
      }
      try {
        int length = n.intValueExact();
        if (length >= 0) {
          return length;
        }
      } catch (ArithmeticException e) {
        // falls through to the error below
      }
      throw error(where + " is not a non-negative whole number: " + node);
    }

    private Pattern pattern(JsonNode node, String where) {
      if (node == null || node.isNull() || (node.isTextual() && node.textValue().isEmpty())) {
        return null;
      }
      if (!node.isTextual()) {
        throw error(where + " is not a string: " + node);
      }
      try {
        return Pattern.compile(node.textValue());
      } catch (PatternSyntaxException e) {
        throw error(
            where
                + " is not a valid regular expression: "
                + e.getDescription()
                + " in "
                + node.textValue());
      }
    }

    private String join(List<String> prefix, String key, JsonNode c) {
      if (!KEY.matcher(key).matches()) {
        throw error(describe(c) + ": key/path '" + key + "' is not a dot-separated name");
      }
      return prefix.isEmpty() ? key : String.join(".", prefix) + "." + key;
    }

    private List<String> withPath(List<String> prefix, String path, JsonNode c) {
      if (path == null) {
        return prefix;
      }
      List<String> longer = new ArrayList<>(prefix);
      longer.addAll(Arrays.asList(join(List.of(), path, c).split("\\.")));
      return longer;
    }

    private IllegalArgumentException error(String message) {
      return new IllegalArgumentException("Camunda Form " + formId + ": " + message);
    }
  }

  private static boolean flag(JsonNode node) {
    // FEEL ("=...") is not statically known: not enforced
    return node != null
        && (node.asBoolean(false) || (node.isTextual() && "true".equals(node.textValue().strip())));
  }

  private static boolean readOnly(JsonNode c) {
    return flag(c.get("readonly")) || flag(c.get("disabled"));
  }

  private static boolean hasHideCondition(JsonNode c) {
    JsonNode hide = c.path("conditional").get("hide");
    return hide != null
        && !hide.isNull()
        && !(hide.isTextual() && hide.textValue().isBlank())
        && !(hide.isBoolean() && !hide.booleanValue());
  }

  private static String textOrNull(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || !value.isTextual() || value.textValue().isBlank()) {
      return null;
    }
    return value.textValue();
  }

  private static String describe(JsonNode c) {
    String id = textOrNull(c, "id");
    return textOrNull(c, "type") + (id == null ? "" : " " + id);
  }
}
