package io.gxpflow.engine.expression;

import io.gxpflow.compliance.ProblemType;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * A deployment refused by {@link DeployedModelCheck}: 400 with one finding per resource and
 * element.
 */
public class ModelRefused extends ProcessEngineException implements ErrorResponse {

  /**
   * {@code element} is the id of the model element (or its nearest ancestor with an id); null for
   * the file.
   */
  public record Finding(String resource, String element, String reason) {
    @Override
    public String toString() {
      return resource + (element == null ? "" : " (element " + element + ")") + ": " + reason;
    }
  }

  private final List<Finding> findings;

  public ModelRefused(List<Finding> findings) {
    super(
        "The deployment was refused: "
            + findings.stream().map(Finding::toString).collect(Collectors.joining("; ")));
    this.findings = List.copyOf(findings);
  }

  public List<Finding> findings() {
    return findings;
  }

  @Override
  public HttpStatusCode getStatusCode() {
    return HttpStatus.BAD_REQUEST;
  }

  @Override
  public ProblemDetail getBody() {
    ProblemDetail problem = ProblemType.MODEL_REFUSED.problem(getStatusCode(), getMessage());
    problem.setProperty("errors", findings);
    return problem;
  }
}
