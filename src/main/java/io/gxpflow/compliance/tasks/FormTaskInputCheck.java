package io.gxpflow.compliance.tasks;

import io.gxpflow.compliance.validation.CamundaForm;
import io.gxpflow.compliance.validation.DynamicValues;
import io.gxpflow.compliance.validation.FieldViolation;
import io.gxpflow.compliance.validation.ModelConstraints;
import io.gxpflow.compliance.validation.TaskInputSpec;
import io.gxpflow.compliance.validation.TaskInputValidator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Checks a task's input against its Camunda Form (from the task's deployment) and the {@code
 * validate.*} properties of its model element. A task without a form accepts only what the model
 * declares. A variable update outside completion is checked only on the variables it sends
 * (required fields are for completion).
 */
@Component
public class FormTaskInputCheck implements TaskInputCheck {

  private final TaskInputValidator validator = new TaskInputValidator();

  @Override
  public List<FieldViolation> check(
      TaskEntity task, Map<String, Object> submitted, boolean completing) {
    TaskInputSpec spec = specOf(task);
    Map<String, Object> current = SubmittedValues.plain(task.getVariables());
    List<FieldViolation> violations =
        validator.validate(
            spec,
            SubmittedValues.plain(submitted),
            current,
            DynamicValues.fromVariables(spec, current));
    if (completing) {
      return violations;
    }
    return violations.stream()
        .filter(violation -> submitted.containsKey(violation.variable()))
        .toList();
  }

  static TaskInputSpec specOf(TaskEntity task) {
    ModelConstraints constraints = ModelConstraints.from(UserTaskRules.of(task).properties());
    CamundaForm form = DeployedForms.ofTask(Context.getCommandContext(), task);
    return form != null
        ? TaskInputSpec.of(form, constraints)
        : TaskInputSpec.withoutForm(constraints);
  }
}
