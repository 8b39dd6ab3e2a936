package io.gxpflow.compliance;

import io.gxpflow.compliance.signature.SignatureRejected;
import io.gxpflow.compliance.start.BusinessKeyInUse;
import java.net.URI;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
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
    if (exception instanceof ProblemSource source) {
      return respond(source.problem());
    }
    if (exception instanceof NotFoundException) {
      return respond(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage()));
    }
    return respond(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage()));
  }

  /** Two users acting on the same task at once: the engine lets one win; the other may simply try again. */
  @ExceptionHandler({OptimisticLockingException.class, TaskAlreadyClaimedException.class})
  ResponseEntity<ProblemDetail> concurrent(ProcessEngineException exception) {
    return respond(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception instanceof TaskAlreadyClaimedException
        ? exception.getMessage() : "Someone else changed the same data at the same moment; reload and try again."));
  }

  /**
   * The task or instance went away while the request ran (the engine finds no executions left): someone else
   * completed it at the same moment.
   */
  @ExceptionHandler(NullValueException.class)
  ResponseEntity<ProblemDetail> goneMeanwhile(NullValueException exception) {
    return respond(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The task or process changed while "
        + "this request ran: someone else acted on it at the same moment. Reload and try again."));
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    if (problem.getType() == null) {
      problem.setType(URI.create("about:blank"));
    }
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }
}
