package io.gxpflow.compliance;

import io.gxpflow.compliance.signature.SignatureRejected;
import io.gxpflow.compliance.start.BusinessKeyInUse;
import java.net.URI;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details (RFC 9457) for the project's own API, {@code /api/**}. */
@RestControllerAdvice
public class ApiProblems {

  @ExceptionHandler(SignatureRejected.class)
  ResponseEntity<ProblemDetail> signatureRejected(SignatureRejected exception) {
    return respond(exception.problem());
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ProblemDetail> forbidden(AuthorizationException exception) {
    if (exception instanceof ProblemSource source) {
      return respond(source.problem());
    }
    return respond(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, exception.getMessage()));
  }

  @ExceptionHandler(InvalidTaskInput.class)
  ResponseEntity<ProblemDetail> invalidInput(InvalidTaskInput exception) {
    return respond(exception.problem());
  }

  /** A start with the business key of a running case (409). */
  @ExceptionHandler(BusinessKeyInUse.class)
  ResponseEntity<ProblemDetail> businessKeyInUse(BusinessKeyInUse exception) {
    return respond(exception.problem());
  }

  @ExceptionHandler(BadUserRequestException.class)
  ResponseEntity<ProblemDetail> badRequest(BadUserRequestException exception) {
    return respond(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage()));
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    if (problem.getType() == null) {
      problem.setType(URI.create("about:blank"));
    }
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }
}
