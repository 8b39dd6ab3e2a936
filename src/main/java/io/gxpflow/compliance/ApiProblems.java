package io.gxpflow.compliance;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.gxpflow.compliance.validation.FieldViolation;
import java.lang.reflect.RecordComponent;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where an exception of the project's own API ({@code /api/**}) becomes an RFC 9457
 * problem detail. Spring's own exceptions come from {@link ResponseEntityExceptionHandler}; the
 * project's refusals are Spring {@link ErrorResponse}s that carry their problem; Bean Validation
 * and unreadable JSON become {@code errors: [{field, reason}]}; the engine's answers to two people
 * acting at once become 409. Anything else is a 500 that names no Java class and is logged with a
 * reference the detail gives.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

  /**
   * PostgreSQL and H2: serialization failure, deadlock, lock timeout — the other transaction won.
   */
  private static final List<String> CONFLICT_SQL_STATES =
      List.of("40001", "40P01", "55P03", "HYT00");

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> any(Exception exception) {
    if (exception instanceof ErrorResponse refusal) {
      return respond(refusal.getBody());
    }
    if (concurrent(exception)) {
      return respond(
          ProblemType.CONCURRENT_CHANGE.problem(
              HttpStatus.CONFLICT,
              exception instanceof TaskAlreadyClaimedException
                  ? exception.getMessage()
                  : "Someone else changed the same data at the same moment; reload and try again."));
    }
    if (exception instanceof NullValueException && !(exception instanceof NotFoundException)) {
      // the engine found no task or execution left: someone else completed it while this request
      // ran
      return respond(
          ProblemType.CONCURRENT_CHANGE.problem(
              HttpStatus.CONFLICT,
              "The task or process changed while "
                  + "this request ran: someone else acted on it at the same moment. Reload and try again."));
    }
    if (exception instanceof NotFoundException) {
      return respond(ProblemType.NOT_FOUND.problem(HttpStatus.NOT_FOUND, exception.getMessage()));
    }
    if (exception instanceof AuthorizationException) {
      return respond(ProblemType.FORBIDDEN.problem(HttpStatus.FORBIDDEN, exception.getMessage()));
    }
    if (exception instanceof BadUserRequestException) {
      return respond(
          ProblemType.BAD_REQUEST.problem(HttpStatus.BAD_REQUEST, exception.getMessage()));
    }
    String reference = UUID.randomUUID().toString();
    LOG.error("/api request failed, reference {}", reference, exception);
    return respond(
        ProblemType.SERVER_ERROR.problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "The server could not "
                + "complete the request; nothing was changed. Reference "
                + reference
                + " in the server's log."));
  }

  /** Bean Validation on a request record: each field that breaks a limit, in the record's order. */
  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException invalid,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<String> order = componentOrder(invalid.getParameter());
    return invalidRequest(
        invalid.getParameter().getContainingClass(),
        invalid.getFieldErrors().stream()
            .sorted(
                Comparator.comparing(
                        (FieldError e) -> order.indexOf(e.getField().replaceAll("\\[.*", "")))
                    .thenComparing(FieldError::getField))
            .map(e -> new FieldViolation(e.getField(), e.getDefaultMessage()))
            .toList());
  }

  /**
   * Not JSON, or a field of the wrong JSON type ({@code "title": true}, a numeric {@code eventId}).
   */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException unreadable,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Class<?> controller = controller(request);
    if (unreadable.getCause() instanceof MismatchedInputException mismatch
        && !mismatch.getPath().isEmpty()) {
      String field =
          mismatch.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
              .orElse("");
      if (mismatch instanceof UnrecognizedPropertyException unknown) {
        return invalidRequest(
            controller,
            List.of(
                new FieldViolation(
                    field,
                    "is not a field of this "
                        + (problemTypeOf(controller) == ProblemType.INVALID_EVENT
                            ? "event"
                            : "request")
                        + "; its fields are "
                        + unknown.getKnownPropertyIds().stream()
                            .map(String::valueOf)
                            .sorted()
                            .toList())));
      }
      return invalidRequest(
          controller,
          List.of(
              new FieldViolation(
                  field,
                  "wrong JSON type, expected "
                      + (String.class.equals(mismatch.getTargetType())
                          ? "a string"
                          : "the documented type"))));
    }
    return invalidRequest(
        controller,
        List.of(
            new FieldViolation(
                "body",
                "not a JSON object of this "
                    + (problemTypeOf(controller) == ProblemType.INVALID_EVENT
                        ? "event"
                        : "request"))));
  }

  private static ResponseEntity<Object> invalidRequest(
      Class<?> controller, List<FieldViolation> violations) {
    ProblemType type = problemTypeOf(controller);
    return respond(
        type.problem(
            HttpStatus.BAD_REQUEST,
            type.title()
                + ": "
                + violations.stream().map(v -> (v.field() + " " + v.reason()).trim()).toList(),
            violations));
  }

  /** The type a controller declares for its invalid requests ({@link InvalidRequestProblem}). */
  private static ProblemType problemTypeOf(Class<?> controller) {
    InvalidRequestProblem declared =
        controller == null
            ? null
            : AnnotatedElementUtils.findMergedAnnotation(controller, InvalidRequestProblem.class);
    return declared == null ? ProblemType.INVALID_REQUEST : declared.value();
  }

  private static Class<?> controller(WebRequest request) {
    Object handler =
        request.getAttribute(
            HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    return handler instanceof HandlerMethod method ? method.getBeanType() : null;
  }

  private static List<String> componentOrder(MethodParameter parameter) {
    RecordComponent[] components = parameter.getParameterType().getRecordComponents();
    return components == null
        ? List.of()
        : Arrays.stream(components).map(RecordComponent::getName).toList();
  }

  /**
   * Two people, or a person and a job, changed the same rows at once: the engine or the database
   * let one win.
   */
  private static boolean concurrent(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockingException
          || cause instanceof TaskAlreadyClaimedException
          || cause instanceof ConcurrencyFailureException
          || cause instanceof SQLException sql && CONFLICT_SQL_STATES.contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static ResponseEntity<Object> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }
}
