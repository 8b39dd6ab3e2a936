package io.gxpflow.integration.events;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.gxpflow.compliance.validation.FieldViolation;
import jakarta.validation.Valid;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events from the MES and QMS bridges (group {@code systems}): each starts its contract process once per event
 * id. 201 with the process instance the first time, 200 with the same one and {@code duplicate: true} after;
 * an invalid payload (a limit of the event record broken, a field of the wrong JSON type) is a 400 problem detail
 * naming each field, and nothing starts.
 */
@RestController
@RequestMapping("/api/events")
public class InboundEventController {

  private final InboundEvents events;

  public InboundEventController(InboundEvents events) {
    this.events = events;
  }

  @PostMapping("/mes/batch-record-completed")
  public ResponseEntity<InboundEvents.Accepted> batchRecordCompleted(@Valid @RequestBody BatchRecordCompleted event,
      Authentication client) {
    // the batch number is the business key of batch-release (CONTRACT.md)
    return answer(events.accept(event.eventId(), BatchRecordCompleted.MESSAGE, event.batchNumber(),
        event.variables(), client.getName()));
  }

  @PostMapping("/deviations")
  public ResponseEntity<InboundEvents.Accepted> deviationReported(@Valid @RequestBody DeviationReported event,
      Authentication client) {
    // the business key is the QMS deviation id, which the process gets from the QMS record it creates
    return answer(events.accept(event.eventId(), DeviationReported.MESSAGE, null, event.variables(),
        client.getName()));
  }

  private static ResponseEntity<InboundEvents.Accepted> answer(InboundEvents.Accepted accepted) {
    return ResponseEntity.status(accepted.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(accepted);
  }

  /** A field breaks the documented limits (Bean Validation on the event records): each field, in payload order. */
  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException invalid) {
    List<String> order = Arrays.stream(invalid.getParameter().getParameterType().getRecordComponents())
        .map(RecordComponent::getName).toList();
    return invalidEvent(invalid.getFieldErrors().stream()
        .sorted(Comparator.comparing((FieldError e) -> order.indexOf(e.getField().replaceAll("\\[.*", "")))
            .thenComparing(FieldError::getField))
        .map(e -> new FieldViolation(e.getField(), e.getDefaultMessage())).toList());
  }

  /** Not JSON, or a field of the wrong JSON type ({@code "title": true}, a numeric {@code eventId}). */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException unreadable) {
    if (unreadable.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field = mismatch.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
      return invalidEvent(List.of(new FieldViolation(field, "wrong JSON type, expected "
          + (String.class.equals(mismatch.getTargetType()) ? "a string" : "the documented type"))));
    }
    return invalidEvent(List.of(new FieldViolation("body", "not a JSON object of this event")));
  }

  private static ResponseEntity<ProblemDetail> invalidEvent(List<FieldViolation> violations) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid event: "
        + violations.stream().map(v -> (v.field() + " " + v.reason()).trim()).toList());
    problem.setTitle("Invalid event");
    problem.setType(URI.create("urn:gxpflow:problem:invalid-event"));
    problem.setProperty("errors", violations.stream()
        .map(v -> Map.of("field", v.field(), "reason", v.reason())).toList());
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(InboundEvents.NoProcessAccepts.class)
  ResponseEntity<ProblemDetail> noProcess(InboundEvents.NoProcessAccepts noProcess) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, noProcess.getMessage());
    problem.setTitle("No process accepts this event");
    problem.setType(URI.create("urn:gxpflow:problem:no-process-accepts-event"));
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }
}
