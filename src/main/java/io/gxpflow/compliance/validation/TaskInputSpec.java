package io.gxpflow.compliance.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a user task accepts: its Camunda Form (absent for a task without form) and the {@code
 * validate.*} constraints of its BPMN model. Immutable; build it once per task definition and reuse
 * it.
 *
 * <p>Without a form, a task accepts only the variables in {@code validate.allow} and the fields its
 * model constraints name. A model constraint on a field the form does not have declares that field
 * (any value, the model's rules). A model constraint that contradicts the form's structure — a path
 * into a field that is not an object, or into a dynamic list without that item field — is a
 * configuration error ({@link IllegalArgumentException}).
 */
public final class TaskInputSpec {

  private final CamundaForm form;
  private final ModelConstraints constraints;
  private final List<FormField> fields;
  private final Known known;

  private TaskInputSpec(CamundaForm form, ModelConstraints constraints) {
    this.form = form;
    this.constraints = constraints == null ? ModelConstraints.none() : constraints;
    List<FormField> all = new ArrayList<>(form == null ? List.of() : form.fields());
    List<FormField> modelOnly = new ArrayList<>();
    for (FieldConstraints field : this.constraints.fields()) {
      if (form == null || form.field(field.field()).isEmpty()) {
        checkFitsForm(field.field());
        modelOnly.add(
            FormField.anyValue(field.field(), "model", FieldKind.ANY, null, null, false, false));
      }
    }
    all.addAll(modelOnly);
    this.fields = List.copyOf(all);
    this.known = new Known();
    if (form != null) {
      known.addFields(form.fields());
    }
    for (FormField field : modelOnly) {
      known.addModelOnly(field.path());
    }
    for (String variable : this.constraints.allowed()) {
      known.add(ModelConstraints.segments(variable)).leaf = true;
    }
  }

  /** A task with a form (null: without) and the model's constraints (null: none). */
  public static TaskInputSpec of(CamundaForm form, ModelConstraints constraints) {
    return new TaskInputSpec(form, constraints);
  }

  public static TaskInputSpec withoutForm(ModelConstraints constraints) {
    return new TaskInputSpec(null, constraints);
  }

  public Optional<CamundaForm> form() {
    return Optional.ofNullable(form);
  }

  public ModelConstraints constraints() {
    return constraints;
  }

  /**
   * A field by name as {@link CamundaForm#field(String)} finds it, or a field only the model
   * declares (kind {@link FieldKind#ANY}, type {@code model}).
   */
  public Optional<FormField> field(String name) {
    return CamundaForm.find(fields, name);
  }

  /** Form fields in form order, then the fields only the model declares (by name). */
  List<FormField> fields() {
    return fields;
  }

  Known known() {
    return known;
  }

  /** The reason given for a variable nobody declares. */
  String unknownReason() {
    if (form == null) {
      return "unknown variable: the task has no form and "
          + ModelConstraints.ALLOW
          + " does not list it";
    }
    return "unknown variable: not a field of form " + (form.id() == null ? "(no id)" : form.id());
  }

  private void checkFitsForm(String name) {
    if (form == null) {
      return;
    }
    List<String> segments = ModelConstraints.segments(name);
    for (int i = 1; i < segments.size(); i++) {
      String prefix = String.join(".", segments.subList(0, i));
      Optional<FormField> field = form.field(prefix);
      if (field.isPresent()) {
        String what =
            field.get().kind() == FieldKind.LIST
                ? prefix
                    + " is a dynamic list of form "
                    + form.id()
                    + " without item field "
                    + String.join(".", segments.subList(i, segments.size()))
                : prefix
                    + " is a "
                    + field.get().type()
                    + " field of form "
                    + form.id()
                    + ", not an object";
        throw new IllegalArgumentException(
            "BPMN property " + ModelConstraints.PREFIX + name + ".*: " + what);
      }
    }
  }

  /** The tree of variable paths a client may submit: what is not in it is an unknown variable. */
  static final class Known {

    final Map<String, Known> children = new LinkedHashMap<>();

    /**
     * Anything below is accepted (a field's value); a list field's items are checked against {@link
     * #items}.
     */
    boolean leaf;

    Known items;

    Known child(String name) {
      return children.get(name);
    }

    Known add(List<String> path) {
      Known node = this;
      for (String segment : path) {
        node = node.children.computeIfAbsent(segment, s -> new Known());
      }
      return node;
    }

    void addFields(List<FormField> fields) {
      for (FormField field : fields) {
        Known node = add(field.path());
        node.leaf = true;
        if (field.kind() == FieldKind.LIST) {
          if (node.items == null) {
            node.items = new Known();
          }
          node.items.addFields(field.itemFields());
        }
      }
    }

    void addModelOnly(List<String> path) {
      Known node = add(path);
      // a model constraint on a form's object (address, holding address.street) keeps its keys
      // checked
      if (node.children.isEmpty()) {
        node.leaf = true;
      }
    }
  }

  @Override
  public String toString() {
    return "TaskInputSpec[form=" + (form == null ? "none" : form.id()) + ", " + constraints + "]";
  }
}
