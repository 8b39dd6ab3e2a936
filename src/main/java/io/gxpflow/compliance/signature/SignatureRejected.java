package io.gxpflow.compliance.signature;

import io.gxpflow.compliance.ProblemSource;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A signature attempt refused before anything changed: wrong password (401), locked (403), bad request (400). */
public class SignatureRejected extends RuntimeException implements ProblemSource {

  private final HttpStatus status;
  private final String reason;

  public SignatureRejected(HttpStatus status, String reason, String message) {
    super(message);
    this.status = status;
    this.reason = reason;
  }

  public HttpStatus status() {
    return status;
  }

  @Override
  public ProblemDetail problem() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
    problem.setTitle("Signature refused");
    problem.setType(URI.create("urn:gxpflow:problem:signature-" + reason));
    problem.setProperty("reason", reason);
    return problem;
  }
}
