package io.gxpflow.compliance;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * A compliance rule refuses what the user tried (segregation of duties, a signature step completed
 * without a signature). An {@link AuthorizationException}, so every Camunda API — {@code
 * /engine-rest}, the webapps' own API, the Java API — answers 403 and rolls back; {@code
 * /engine-rest} and {@code /api} render it as a problem detail naming the rule.
 */
public class ComplianceRefusal extends AuthorizationException implements ErrorResponse {

  private final ProblemType type;
  private final String rule;

  public ComplianceRefusal(ProblemType type, String message) {
    this(type, type.shortName(), message);
  }

  /**
   * A refusal whose rule says more than its type, such as {@code sod.notSameAs=Task_Investigation}.
   */
  protected ComplianceRefusal(ProblemType type, String rule, String message) {
    super(message);
    this.type = type;
    this.rule = rule;
  }

  public String rule() {
    return rule;
  }

  @Override
  public HttpStatusCode getStatusCode() {
    return HttpStatus.FORBIDDEN;
  }

  @Override
  public ProblemDetail getBody() {
    ProblemDetail problem = type.problem(getStatusCode(), getMessage());
    problem.setProperty("rule", rule);
    return problem;
  }
}
