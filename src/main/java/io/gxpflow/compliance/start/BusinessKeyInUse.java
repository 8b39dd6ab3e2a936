package io.gxpflow.compliance.start;

import io.gxpflow.compliance.ProblemSource;
import java.net.URI;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A start with the business key of a running instance of the same process: one case, one instance (409). */
public class BusinessKeyInUse extends ProcessEngineException implements ProblemSource {

  private final String processDefinitionKey;
  private final String businessKey;

  public BusinessKeyInUse(String processDefinitionKey, String businessKey) {
    super("A running " + processDefinitionKey + " instance already has business key " + businessKey);
    this.processDefinitionKey = processDefinitionKey;
    this.businessKey = businessKey;
  }

  @Override
  public ProblemDetail problem() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, getMessage());
    problem.setTitle("Business key in use");
    problem.setType(URI.create("urn:gxpflow:problem:business-key-in-use"));
    problem.setProperty("processDefinitionKey", processDefinitionKey);
    problem.setProperty("businessKey", businessKey);
    return problem;
  }
}
