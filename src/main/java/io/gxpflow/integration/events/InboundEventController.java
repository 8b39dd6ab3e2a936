package io.gxpflow.integration.events;

import io.gxpflow.compliance.validation.FieldViolation;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events from the MES and QMS bridges (group {@code systems}): each starts its contract process once per event
 * id. 201 with the process instance the first time, 200 with the same one and {@code duplicate: true} after;
 * an invalid payload is a 400 problem detail naming each field, and nothing starts.
 */
@RestController
@RequestMapping("/api/events")
public class InboundEventController {

  private final InboundEvents events;

  public InboundEventController(InboundEvents events) {
    this.events = events;
  }

  @PostMapping("/mes/batch-record-completed")
  public ResponseEntity<InboundEvents.Accepted> batchRecordCompleted(@RequestBody BatchRecordCompleted event,
      Authentication client) {
    requireValid(event.violations());
    // the batch number is the business key of batch-release (CONTRACT.md)
    return answer(events.accept(event.eventId(), BatchRecordCompleted.MESSAGE, event.batchNumber(),
        event.variables(), client.getName()));
  }

  @PostMapping("/deviations")
  public ResponseEntity<InboundEvents.Accepted> deviationReported(@RequestBody DeviationReported event,
      Authentication client) {
    requireValid(event.violations());
    // the business key is the QMS deviation id, which the process gets from the QMS record it creates
    return answer(events.accept(event.eventId(), DeviationReported.MESSAGE, null, event.variables(),
        client.getName()));
  }

  private static ResponseEntity<InboundEvents.Accepted> answer(InboundEvents.Accepted accepted) {
    return ResponseEntity.status(accepted.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(accepted);
  }

  private static void requireValid(List<FieldViolation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidEvent(violations);
    }
  }

  @ExceptionHandler(InvalidEvent.class)
  ResponseEntity<ProblemDetail> invalid(InvalidEvent invalid) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
    problem.setTitle("Invalid event");
    problem.setType(URI.create("urn:gxpflow:problem:invalid-event"));
    problem.setProperty("errors", invalid.violations.stream()
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

  /** The payload breaks the documented event format. */
  static class InvalidEvent extends RuntimeException {
    final List<FieldViolation> violations;

    InvalidEvent(List<FieldViolation> violations) {
      super("Invalid event: " + violations.stream().map(v -> v.field() + " " + v.reason()).toList());
      this.violations = violations;
    }
  }
}
