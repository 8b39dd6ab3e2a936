package io.gxpflow.compliance;

import java.net.URI;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A compliance rule refuses what the user tried (segregation of duties, a signature step completed without a
 * signature). An {@link AuthorizationException}, so every Camunda API — {@code /engine-rest}, the webapps'
 * own API, the Java API — answers 403 and rolls back; {@code /engine-rest} and {@code /api} render it as a
 * problem detail naming the rule.
 */
public class ComplianceRefusal extends AuthorizationException implements ProblemSource {

  private final String rule;

  public ComplianceRefusal(String rule, String message) {
    super(message);
    this.rule = rule;
  }

  public String rule() {
    return rule;
  }

  @Override
  public ProblemDetail problem() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, getMessage());
    problem.setTitle("Refused by compliance rule");
    problem.setType(URI.create("urn:gxpflow:problem:" + rule));
    problem.setProperty("rule", rule);
    return problem;
  }
}
