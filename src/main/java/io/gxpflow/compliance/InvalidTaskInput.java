package io.gxpflow.compliance;

import io.gxpflow.compliance.validation.FieldViolation;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * What a client submitted to a task breaks its form or the model's constraints. A {@link
 * FormFieldValidationException}, the engine's own form validation failure, so Camunda's REST API
 * and the webapps answer 400 (not 500) and nothing changes; the problem detail lists each field and
 * why.
 */
public class InvalidTaskInput extends FormFieldValidationException implements ErrorResponse {

  private final String taskId;
  private final String processDefinitionId;
  private final List<FieldViolation> violations;

  public InvalidTaskInput(String taskId, List<FieldViolation> violations) {
    this(taskId, null, "Task " + taskId, violations);
  }

  /** A start form submission that breaks the form: no process instance is started. */
  public static InvalidTaskInput startForm(
      String processDefinitionId, List<FieldViolation> violations) {
    return new InvalidTaskInput(
        null, processDefinitionId, "Start form of " + processDefinitionId, violations);
  }

  private InvalidTaskInput(
      String taskId, String processDefinitionId, String subject, List<FieldViolation> violations) {
    super(
        taskId == null ? processDefinitionId : taskId,
        subject
            + " input refused: "
            + violations.stream()
                .map(v -> v.field() + " " + v.reason())
                .collect(Collectors.joining("; ")));
    this.taskId = taskId;
    this.processDefinitionId = processDefinitionId;
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  @Override
  public HttpStatusCode getStatusCode() {
    return HttpStatus.BAD_REQUEST;
  }

  @Override
  public ProblemDetail getBody() {
    ProblemDetail problem =
        ProblemType.INVALID_TASK_INPUT.problem(getStatusCode(), getMessage(), violations);
    if (taskId != null) {
      problem.setProperty("taskId", taskId);
    } else {
      problem.setProperty("processDefinitionId", processDefinitionId);
    }
    return problem;
  }
}
