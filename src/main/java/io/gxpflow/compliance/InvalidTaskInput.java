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
    this(taskId, null, violations);
  }

  /** A start form submission that breaks the form: no process instance is started. */
  public static InvalidTaskInput startForm(
      String processDefinitionId, List<FieldViolation> violations) {
    return new InvalidTaskInput(null, processDefinitionId, violations);
  }

  private InvalidTaskInput(
      String taskId, String processDefinitionId, List<FieldViolation> violations) {
    super(taskId == null ? processDefinitionId : taskId, readable(violations));
    this.taskId = taskId;
    this.processDefinitionId = processDefinitionId;
    this.violations = List.copyOf(violations);
  }

  /**
   * One sentence per field, for the person who filled the form (Tasklist shows the detail as is),
   * naming the field by its label where the form gives one: "Please correct 2 fields. "Owner of
   * action 2" is not in the expected format. "Due date" is required."
   */
  static String readable(List<FieldViolation> violations) {
    // a field with several problems (the lines of a content text) is still one field to correct
    long fields = violations.stream().map(FieldViolation::field).distinct().count();
    return (fields == 1 ? "Please correct 1 field. " : "Please correct " + fields + " fields. ")
        + violations.stream().map(InvalidTaskInput::sentence).collect(Collectors.joining(" "));
  }

  /** "dueDate is required." from the terse reason the {@code errors} list keeps for clients. */
  static String sentence(FieldViolation violation) {
    String reason = violation.reason();
    String verb;
    if (reason.startsWith("required: ")) {
      verb = reason.substring("required: ".length());
    } else if (reason.startsWith("required") || reason.startsWith("not ")) {
      verb = "is " + reason;
    } else if (reason.startsWith("expected ")) {
      verb = "must be " + reason.substring("expected ".length());
    } else if (reason.startsWith("read-only: ")) {
      verb = "is read-only and " + reason.substring("read-only: ".length());
    } else {
      verb = reason;
    }
    String name = violation.label() == null ? violation.field() : '"' + violation.label() + '"';
    return name + " " + verb + (verb.endsWith(".") ? "" : ".");
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
