package io.gxpflow.compliance.variables;

import io.gxpflow.compliance.ProblemSource;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A variable value no process of the project uses, refused before it is stored: 400 naming the variable. */
public class RefusedVariable extends BadUserRequestException implements ProblemSource {

  private final String variable;
  private final String reason;

  RefusedVariable(String variable, String reason) {
    super("Variable '" + variable + "' refused: " + reason);
    this.variable = variable;
    this.reason = reason;
  }

  @Override
  public ProblemDetail problem() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, getMessage());
    problem.setTitle("Variable refused");
    problem.setType(URI.create("urn:gxpflow:problem:variable-refused"));
    problem.setProperty("errors", List.of(Map.of("field", variable, "reason", reason)));
    return problem;
  }
}
