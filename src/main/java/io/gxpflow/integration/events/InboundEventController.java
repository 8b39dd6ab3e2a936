package io.gxpflow.integration.events;

import io.gxpflow.compliance.InvalidRequestProblem;
import io.gxpflow.compliance.ProblemType;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events from the MES and QMS bridges (group {@code systems}): each starts its contract process
 * once per event id. 201 with the process instance the first time, 200 with the same one and {@code
 * duplicate: true} after; an invalid payload (a limit of the event record broken, a field of the
 * wrong JSON type) is a 400 problem detail {@code invalid-event} naming each field ({@code
 * ApiProblems}), and nothing starts.
 */
@RestController
@RequestMapping("/api/events")
@InvalidRequestProblem(ProblemType.INVALID_EVENT)
public class InboundEventController {

  private final InboundEvents events;

  public InboundEventController(InboundEvents events) {
    this.events = events;
  }

  @PostMapping("/mes/batch-record-completed")
  public ResponseEntity<InboundEvents.Accepted> batchRecordCompleted(
      @Valid @RequestBody BatchRecordCompleted event, Authentication client) {
    // the batch number is the business key of batch-release (CONTRACT.md)
    return answer(
        events.accept(
            event.eventId(),
            BatchRecordCompleted.MESSAGE,
            event.batchNumber(),
            event.variables(),
            client.getName()));
  }

  @PostMapping("/deviations")
  public ResponseEntity<InboundEvents.Accepted> deviationReported(
      @Valid @RequestBody DeviationReported event, Authentication client) {
    // the business key is the QMS deviation id, which the process gets from the QMS record it
    // creates
    return answer(
        events.accept(
            event.eventId(), DeviationReported.MESSAGE, null, event.variables(), client.getName()));
  }

  private static ResponseEntity<InboundEvents.Accepted> answer(InboundEvents.Accepted accepted) {
    return ResponseEntity.status(accepted.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
        .body(accepted);
  }
}
