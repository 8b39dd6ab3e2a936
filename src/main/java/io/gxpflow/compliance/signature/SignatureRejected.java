package io.gxpflow.compliance.signature;

import io.gxpflow.compliance.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * A signature attempt refused before anything changed: wrong password (401), locked (403), bad
 * request (400).
 */
public class SignatureRejected extends RuntimeException implements ErrorResponse {

  private final HttpStatus status;
  private final String reason;

  public SignatureRejected(HttpStatus status, String reason, String message) {
    super(message);
    this.status = status;
    this.reason = reason;
  }

  @Override
  public HttpStatusCode getStatusCode() {
    return status;
  }

  @Override
  public ProblemDetail getBody() {
    ProblemDetail problem = ProblemType.signature(reason).problem(status, getMessage());
    problem.setProperty("reason", reason);
    return problem;
  }
}
