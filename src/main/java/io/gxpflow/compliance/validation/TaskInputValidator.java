package io.gxpflow.compliance.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks what a client submits to complete a user task against the task's {@link TaskInputSpec}:
 * its Camunda Form and the model's {@code validate.*} constraints. Plain Java, stateless,
 * thread-safe.
 *
 * <p>Rules, per field in form order (then fields only the model declares, then unknown variables):
 *
 * <ol>
 *   <li><b>read-only</b>: a field that is statically {@code readonly: true} or {@code disabled:
 *       true}, submitted with a value different from the current one. Nothing else is checked for
 *       it.
 *   <li><b>required</b>: the value the task would end with (the submitted one if the client sends
 *       the field, else the current one) is null, a blank string, an empty list or object; a
 *       required checkbox must be {@code true}. A form field hidden by a {@code conditional.hide}
 *       is not required by the form (the server does not evaluate FEEL); the model's {@code
 *       required} and {@code requiredWhen} still hold for it.
 *   <li><b>type</b> of a submitted non-null value by kind: text, number (a numeric string only with
 *       {@code serializeToString}), true/false, one value, a list of values, a date/time/date-time
 *       by subtype (ISO strings, or {@link java.util.Date} for date and datetime), a list of
 *       objects for a dynamic list.
 *   <li><b>rules</b> of a non-empty submitted value, the form's and then the model's (both must
 *       hold): min/max, minLength/maxLength (characters), pattern (the whole value must match),
 *       email/phone, allowed values (static, or from {@code dynamicValues}), per item for lists.
 *       Items of a dynamic list are checked field by field against the submitted item (and
 *       read-only against the current item at that index).
 *   <li><b>unknown variables</b>: a submitted variable (or key inside a submitted object or list
 *       item) that no form field, no model constraint and no {@code validate.allow} entry declares.
 * </ol>
 */
public final class TaskInputValidator {

  /** More options than this are counted, not named, in a refusal. */
  static final int MAX_OPTIONS_NAMED = 20;

  // local part without leading, trailing or double dots; a domain with a letter TLD
  static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
              + "\\.[A-Za-z]{2,}");
  // optional +, digits with spaces, dots, dashes, slashes or parentheses; 7 to 15 digits (E.164
  // allows 15)
  static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d[\\d ()./-]*\\d");
  private static final int PHONE_MIN_DIGITS = 7;
  private static final int PHONE_MAX_DIGITS = 15;

  /**
   * @param spec what the task accepts
   * @param submitted the variables the client sends (already plain Java: String, Boolean, Number,
   *     Date, List, Map); null counts as none
   * @param current the variables the task sees now (for required fields set earlier, read-only
   *     fields and {@code requiredWhen}); null counts as none
   * @param dynamicValues the allowed values of a field with {@code valuesKey} or {@code
   *     valuesExpression}, by field name ({@code product}, or {@code findings.severity} for a
   *     dynamic list item field); values may be plain or {@code {label, value}} maps. A null
   *     function or null result means "not known": not enforced. See {@link
   *     DynamicValues#fromVariables}.
   * @return every violation; empty when the submission is valid
   */
  public List<FieldViolation> validate(
      TaskInputSpec spec,
      Map<String, ?> submitted,
      Map<String, ?> current,
      Function<String, ? extends Collection<?>> dynamicValues) {
    Objects.requireNonNull(spec, "spec");
    Map<String, ?> sent = submitted == null ? Map.of() : submitted;
    Map<String, ?> now = current == null ? Map.of() : current;
    Run run = new Run(spec, dynamicValues, sent, now);
    Scope top = new Scope("", "", sent, now);
    for (FormField field : spec.fields()) {
      run.check(field, top);
    }
    run.unknown(spec.known(), sent, "");
    // a variable's own field carries the form's label, for the sentence shown to the person
    return run.violations.stream()
        .map(
            violation ->
                violation.field().equals(violation.variable())
                    ? violation.withLabel(
                        spec.field(violation.field()).map(FormField::label).orElse(null))
                    : violation)
        .toList();
  }

  /** Where fields are looked up: the task's variables, or one item of a dynamic list. */
  private record Scope(String names, String template, Map<?, ?> submitted, Map<?, ?> current) {}

  /**
   * A field's value in a scope: absent, present (maybe null), or a path through something not an
   * object.
   */
  private record Lookup(boolean present, Object value, String brokenAt) {

    static final Lookup ABSENT = new Lookup(false, null, null);

    static Lookup of(Map<?, ?> scope, List<String> path) {
      Object node = scope;
      for (int i = 0; i < path.size(); i++) {
        if (node == null) {
          return ABSENT;
        }
        if (!(node instanceof Map<?, ?> map)) {
          return new Lookup(false, null, String.join(".", path.subList(0, i)));
        }
        if (!map.containsKey(path.get(i))) {
          return ABSENT;
        }
        node = map.get(path.get(i));
      }
      return new Lookup(true, node, null);
    }
  }

  private static final class Run {

    private final TaskInputSpec spec;
    private final Function<String, ? extends Collection<?>> dynamicValues;
    private final Map<String, ?> submitted;
    private final Map<String, ?> current;
    private final Set<FieldViolation> violations = new LinkedHashSet<>();
    private final Set<String> brokenPaths = new HashSet<>();

    Run(
        TaskInputSpec spec,
        Function<String, ? extends Collection<?>> dynamicValues,
        Map<String, ?> submitted,
        Map<String, ?> current) {
      this.spec = spec;
      this.dynamicValues = dynamicValues;
      this.submitted = submitted;
      this.current = current;
    }

    void check(FormField field, Scope scope) {
      String name = scope.names() + field.key();
      String template = scope.template() + field.key();
      FieldConstraints model = spec.constraints().field(template).orElse(null);
      Lookup sent = Lookup.of(scope.submitted(), field.path());
      if (sent.brokenAt() != null) {
        // a.b submitted with a = "x": report a once, not every field below it
        String broken = scope.names() + sent.brokenAt();
        if (brokenPaths.add(broken)) {
          add(broken, "expected an object");
        }
        return;
      }
      Lookup now = Lookup.of(scope.current(), field.path());
      Object before = now.present() ? now.value() : null;
      Object after = sent.present() ? sent.value() : before;

      if (field.readOnly() && sent.present() && !Values.same(sent.value(), before)) {
        add(name, "read-only: may not be changed");
        return;
      }
      required(field, model, name, after);
      if (!sent.present() || sent.value() == null) {
        return;
      }
      Object value = sent.value();
      if (!hasType(field, name, value) || Values.isEmpty(value)) {
        return;
      }
      rules(
          name,
          value,
          field.min(),
          field.max(),
          field.minLength(),
          field.maxLength(),
          field.pattern());
      validationType(name, value, field.validationType());
      allowed(name, value, field.values() != null ? field.values() : dynamic(field, template));
      if (model != null) {
        rules(
            name,
            value,
            model.min(),
            model.max(),
            model.minLength(),
            model.maxLength(),
            model.pattern());
        allowed(name, value, model.values());
      }
      if (field.kind() == FieldKind.LIST) {
        items(field, name, template, (List<?>) value, before);
      }
    }

    private void required(FormField field, FieldConstraints model, String name, Object after) {
      // conditional.hide is FEEL the server does not evaluate: the form's required gives way
      boolean always =
          (field.required() && !field.conditional()) || (model != null && model.required());
      FieldConstraints.RequiredWhen when = model == null ? null : model.requiredWhen();
      boolean conditionally = when != null && holds(when);
      if (!always && !conditionally) {
        return;
      }
      if (Values.isEmpty(after)) {
        add(name, always ? "required" : "required when " + when);
      } else if (field.kind() == FieldKind.BOOLEAN && Boolean.FALSE.equals(after)) {
        add(name, "required: must be checked");
      }
    }

    private boolean holds(FieldConstraints.RequiredWhen when) {
      List<String> path = ModelConstraints.segments(when.field());
      Lookup sent = Lookup.of(submitted, path);
      Object value = sent.present() ? sent.value() : Lookup.of(current, path).value();
      return value != null && Values.sameScalar(value, when.value());
    }

    private boolean hasType(FormField field, String name, Object value) {
      String expected =
          switch (field.kind()) {
            case TEXT -> value instanceof String ? null : "expected a text";
            case FILE -> value instanceof String ? null : "expected a text (file reference)";
            case NUMBER ->
                Values.isNumber(value)
                        || (field.serializeToString()
                            && value instanceof String
                            && Values.toNumber(value) != null)
                    ? null
                    : "expected a number";
            case BOOLEAN -> value instanceof Boolean ? null : "expected true or false";
            case SINGLE_CHOICE -> Values.isScalar(value) ? null : "expected a single value";
            case MULTI_CHOICE -> value instanceof Collection<?> ? null : "expected a list";
            case LIST -> value instanceof List<?> ? null : "expected a list of objects";
            case DATETIME ->
                Values.isTemporal(field.subtype(), value)
                    ? null
                    : switch (field.subtype()) {
                      case "time" -> "expected a time (HH:mm[:ss], optional offset)";
                      case "datetime" ->
                          "expected a date-time (yyyy-MM-ddTHH:mm[:ss], optional offset)";
                      default -> "expected a date (yyyy-MM-dd)";
                    };
            case COMPUTED, ANY -> null;
          };
      if (expected != null) {
        add(name, expected);
        return false;
      }
      boolean itemsOk = true;
      if (field.kind() == FieldKind.MULTI_CHOICE || field.kind() == FieldKind.LIST) {
        int i = 0;
        for (Object item : (Collection<?>) value) {
          if (field.kind() == FieldKind.MULTI_CHOICE && !Values.isScalar(item)) {
            add(name + "[" + i + "]", "expected a single value");
            itemsOk = false;
          } else if (field.kind() == FieldKind.LIST && !(item instanceof Map<?, ?>)) {
            add(name + "[" + i + "]", "expected an object");
            itemsOk = false;
          }
          i++;
        }
      }
      return itemsOk;
    }

    private void rules(
        String name,
        Object value,
        BigDecimal min,
        BigDecimal max,
        Integer minLength,
        Integer maxLength,
        Pattern pattern) {
      if (min != null || max != null) {
        BigDecimal number = Values.toNumber(value);
        if (number == null) {
          add(name, "expected a number");
        } else if (min != null && number.compareTo(min) < 0) {
          add(name, "must be at least " + Values.plain(min));
        } else if (max != null && number.compareTo(max) > 0) {
          add(name, "must be at most " + Values.plain(max));
        }
      }
      if (minLength != null || maxLength != null || pattern != null) {
        if (!(value instanceof String text)) {
          add(name, "expected a text");
          return;
        }
        int length = text.codePointCount(0, text.length());
        if (minLength != null && length < minLength) {
          add(name, "must be at least " + minLength + " characters");
        }
        if (maxLength != null && length > maxLength) {
          add(name, "must be at most " + maxLength + " characters");
        }
        if (pattern != null && !pattern.matcher(text).matches()) {
          // a person reads this: the rule's regex (kept in the model) means nothing to them
          add(name, "is not in the expected format");
        }
      }
    }

    private void validationType(String name, Object value, String type) {
      if (type == null || !(value instanceof String text)) {
        return;
      }
      if (type.equals("email") && !EMAIL.matcher(text).matches()) {
        add(name, "not a valid email address");
      } else if (type.equals("phone") && !isPhone(text)) {
        add(name, "not a valid phone number");
      }
    }

    private Collection<?> dynamic(FormField field, String template) {
      return field.hasDynamicValues() && dynamicValues != null
          ? dynamicValues.apply(template)
          : null;
    }

    private void allowed(String name, Object value, Collection<?> allowed) {
      if (allowed == null) {
        return;
      }
      List<Object> values = new ArrayList<>();
      List<String> labelled = new ArrayList<>();
      for (Object option : allowed) {
        // valuesKey variables hold form-js options: [{label, value}]
        if (option instanceof Map<?, ?> map && map.containsKey("value")) {
          values.add(map.get("value"));
          labelled.add(optionText(map.get("label"), Values.text(map.get("value"))));
        } else {
          values.add(option);
          labelled.add(Values.text(option));
        }
      }
      String reason =
          labelled.size() == values.size() && allowed.stream().anyMatch(Map.class::isInstance)
              ? notAnOption(labelled)
              : notOneOf(values);
      if (value instanceof Collection<?> items) {
        int i = 0;
        for (Object item : items) {
          if (!contains(values, item)) {
            add(name + "[" + i + "]", reason);
          }
          i++;
        }
      } else if (!contains(values, value)) {
        add(name, reason);
      }
    }

    private void items(FormField list, String name, String template, List<?> items, Object before) {
      List<?> previous = before instanceof List<?> l ? l : List.of();
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) instanceof Map<?, ?> item) {
          Map<?, ?> was =
              i < previous.size() && previous.get(i) instanceof Map<?, ?> m ? m : Map.of();
          Scope scope = new Scope(name + "[" + i + "].", template + ".", item, was);
          for (FormField field : list.itemFields()) {
            check(field, scope);
          }
        }
      }
    }

    void unknown(TaskInputSpec.Known node, Map<?, ?> values, String prefix) {
      for (Map.Entry<?, ?> entry : values.entrySet()) {
        String key = String.valueOf(entry.getKey());
        TaskInputSpec.Known child = node.child(key);
        Object value = entry.getValue();
        if (child == null) {
          add(prefix + key, spec.unknownReason());
        } else if (child.leaf) {
          if (child.items != null && value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
              if (items.get(i) instanceof Map<?, ?> item) {
                unknown(child.items, item, prefix + key + "[" + i + "].");
              }
            }
          }
        } else if (value instanceof Map<?, ?> object) {
          unknown(child, object, prefix + key + ".");
        }
      }
    }

    private void add(String field, String reason) {
      violations.add(new FieldViolation(field, reason));
    }
  }

  private static boolean contains(List<Object> values, Object value) {
    for (Object allowed : values) {
      if (Values.sameScalar(value, allowed)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Options offered by the form ({@code valuesKey}): named as the person saw them, and not listed
   * when there are too many to read.
   */
  private static String notAnOption(List<String> labelled) {
    return labelled.size() > MAX_OPTIONS_NAMED
        ? "is not one of the " + labelled.size() + " options the form offers"
        : "is not one of the options the form offers: " + String.join(", ", labelled);
  }

  /** "Paul Production (paul)"; the label alone when it already shows the value. */
  private static String optionText(Object label, String value) {
    if (label == null || String.valueOf(label).isBlank()) {
      return value;
    }
    String text = String.valueOf(label);
    return text.contains(value) ? text : text + " (" + value + ")";
  }

  private static String notOneOf(List<Object> values) {
    return "not one of " + values.stream().map(Values::text).toList();
  }

  static boolean isPhone(String text) {
    if (!PHONE.matcher(text).matches()) {
      return false;
    }
    long digits = text.chars().filter(Character::isDigit).count();
    return digits >= PHONE_MIN_DIGITS && digits <= PHONE_MAX_DIGITS;
  }
}
