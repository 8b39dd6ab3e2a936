package io.gxpflow.compliance.start;

import io.gxpflow.compliance.ProblemType;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * A start with the business key of a running instance of the same process: one case, one instance
 * (409).
 */
public class BusinessKeyInUse extends ProcessEngineException implements ErrorResponse {

  private final String processDefinitionKey;
  private final String businessKey;

  public BusinessKeyInUse(String processDefinitionKey, String businessKey) {
    super(
        "A running " + processDefinitionKey + " instance already has business key " + businessKey);
    this.processDefinitionKey = processDefinitionKey;
    this.businessKey = businessKey;
  }

  @Override
  public HttpStatusCode getStatusCode() {
    return HttpStatus.CONFLICT;
  }

  @Override
  public ProblemDetail getBody() {
    ProblemDetail problem = ProblemType.BUSINESS_KEY_IN_USE.problem(getStatusCode(), getMessage());
    problem.setProperty("processDefinitionKey", processDefinitionKey);
    problem.setProperty("businessKey", businessKey);
    return problem;
  }
}
