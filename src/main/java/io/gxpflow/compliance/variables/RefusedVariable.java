package io.gxpflow.compliance.variables;

import io.gxpflow.compliance.ProblemType;
import io.gxpflow.compliance.validation.FieldViolation;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * A variable value no process of the project uses, refused before it is stored: 400 naming the
 * variable.
 */
public class RefusedVariable extends BadUserRequestException implements ErrorResponse {

  private final String variable;
  private final String reason;

  RefusedVariable(String variable, String reason) {
    super("Variable '" + variable + "' refused: " + reason);
    this.variable = variable;
    this.reason = reason;
  }

  @Override
  public HttpStatusCode getStatusCode() {
    return HttpStatus.BAD_REQUEST;
  }

  @Override
  public ProblemDetail getBody() {
    return ProblemType.VARIABLE_REFUSED.problem(
        getStatusCode(), getMessage(), List.of(new FieldViolation(variable, reason)));
  }
}
