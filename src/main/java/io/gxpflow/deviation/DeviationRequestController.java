package io.gxpflow.deviation;

import static io.gxpflow.deviation.DeviationVariables.*;

import io.gxpflow.compliance.CaseLock;
import io.gxpflow.compliance.ProblemType;
import io.gxpflow.compliance.RunAsSystem;
import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.validation.FieldViolation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Requests people raise on a running deviation, decided by QA in the process: a due date extension
 * ({@code DeviationExtensionRequested}, while the investigation or the CAPA plan and actions run)
 * and a cancellation as duplicate or raised in error ({@code DeviationCancellationRequested}). 202
 * when QA has the decision task; 400/404/409 problem details otherwise, and nothing changes. Who
 * may ask is decided here (see SecurityConfiguration); the message itself is delivered by the
 * application, as participants have no right to modify instances through the engine API.
 */
@RestController
@RequestMapping("/api/deviations/{deviationId}")
public class DeviationRequestController {

  static final String PROCESS = "deviation-capa";
  static final String EXTENSION_REQUESTED = "DeviationExtensionRequested";
  static final String CANCELLATION_REQUESTED = "DeviationCancellationRequested";
  static final Set<String> EXTENSION_PHASES =
      Set.of(
          "Task_Investigation",
          "Task_CapaPlan",
          "Task_RecordCapa",
          "Task_CapaAction",
          "SubProcess_CapaAction");

  /**
   * The date is checked for a real calendar day after the pattern: 2027-02-30 matches the pattern
   * but is none.
   */
  public record ExtensionRequest(
      @NotBlank(message = "is required")
          @Pattern(
              regexp = "\\d{4}-\\d{2}-\\d{2}",
              message = "must be an ISO date such as 2026-12-31")
          String requestedDueDate,
      @NotBlank(message = "is required") @Size(max = 4000) String reason) {}

  public record CancellationRequest(
      @NotNull(message = "is required")
          @Pattern(
              regexp = "duplicate|raised-in-error",
              message = "must be one of [duplicate, raised-in-error]")
          String type,
      @NotBlank(message = "is required") @Size(max = 4000) String reason) {}

  public record Accepted(String deviationId, String processInstanceId, String request) {}

  private final RuntimeService runtime;
  private final RunAsSystem asSystem;
  private final AuditTrail auditTrail;
  private final CaseLock caseLock;

  public DeviationRequestController(
      RuntimeService runtime, RunAsSystem asSystem, AuditTrail auditTrail, CaseLock caseLock) {
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.auditTrail = auditTrail;
    this.caseLock = caseLock;
  }

  @PostMapping("/extension-requests")
  public ResponseEntity<Accepted> requestExtension(
      @PathVariable String deviationId,
      @Valid @RequestBody ExtensionRequest request,
      Authentication user) {
    String reason = request.reason().strip();
    LocalDate requested = parseDate(request.requestedDueDate());
    // as the system: the user's right was decided by the web security rules (participants may not
    // modify instances)
    return asSystem.call(
        () -> {
          ProcessInstance instance = runningDeviation(deviationId);
          if (runtime.getActiveActivityIds(instance.getId()).stream()
              .noneMatch(EXTENSION_PHASES::contains)) {
            throw refused(
                HttpStatus.CONFLICT,
                "Due dates of "
                    + deviationId
                    + " can be extended during the investigation and the CAPA actions only");
          }
          Date closureDue =
              CLOSURE_DUE_DATE.from(
                  runtime.getVariables(instance.getId(), List.of(CLOSURE_DUE_DATE.name())));
          if (!DueDateExtension.endOf(requested.toString()).after(closureDue)) {
            throw refused(
                HttpStatus.BAD_REQUEST,
                "requestedDueDate must be after the current "
                    + "closure due date "
                    + closureDue.toInstant());
          }
          runtime
              .createMessageCorrelation(EXTENSION_REQUESTED)
              .processInstanceId(instance.getId())
              .setVariablesLocal(
                  Map.of(
                      REQUESTED_DUE_DATE.name(),
                      requested.toString(),
                      EXTENSION_REASON.name(),
                      reason,
                      EXTENSION_REQUESTED_BY.name(),
                      user.getName()))
              .correlateWithResult();
          audit(
              user.getName(),
              instance,
              EXTENSION_REQUESTED,
              Map.of("requestedDueDate", requested.toString(), "reason", reason));
          return accepted(deviationId, instance, "extension");
        });
  }

  @PostMapping("/cancellation-requests")
  public ResponseEntity<Accepted> requestCancellation(
      @PathVariable String deviationId,
      @Valid @RequestBody CancellationRequest request,
      Authentication user) {
    String reason = request.reason().strip();
    // as the system: the user's right was decided by the web security rules (participants may not
    // modify instances)
    return asSystem.call(
        () -> {
          ProcessInstance instance = runningDeviation(deviationId);
          // a second request sent at the same moment waits here and then sees QA's task
          if (!caseLock.lock(instance.getId())) {
            throw refused(HttpStatus.NOT_FOUND, "No running deviation " + deviationId);
          }
          if (runtime
              .getActiveActivityIds(instance.getId())
              .contains("Task_CancellationDecision")) {
            throw refused(
                HttpStatus.CONFLICT, "QA is already deciding on a cancellation of " + deviationId);
          }
          runtime
              .createMessageCorrelation(CANCELLATION_REQUESTED)
              .processInstanceId(instance.getId())
              .setVariablesLocal(
                  Map.of(
                      CANCELLATION_TYPE.name(),
                      request.type(),
                      CANCELLATION_REASON.name(),
                      reason,
                      CANCELLATION_REQUESTED_BY.name(),
                      user.getName()))
              .correlateWithResult();
          audit(
              user.getName(),
              instance,
              CANCELLATION_REQUESTED,
              Map.of("type", request.type(), "reason", reason));
          return accepted(deviationId, instance, "cancellation");
        });
  }

  private ProcessInstance runningDeviation(String deviationId) {
    ProcessInstance instance =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(PROCESS)
            .processInstanceBusinessKey(deviationId)
            .singleResult();
    if (instance == null) {
      throw refused(HttpStatus.NOT_FOUND, "No running deviation " + deviationId);
    }
    return instance;
  }

  private void audit(
      String actor, ProcessInstance instance, String request, Map<String, Object> details) {
    auditTrail.record(
        AuditEvent.builder(AuditEventTypes.CHANGE_REQUESTED, actor)
            .businessKey(instance.getBusinessKey())
            .processInstanceId(instance.getId())
            .processDefinitionKey(PROCESS)
            .detail("request", request)
            .details(details)
            .build());
  }

  private static ResponseEntity<Accepted> accepted(
      String deviationId, ProcessInstance instance, String request) {
    return ResponseEntity.accepted().body(new Accepted(deviationId, instance.getId(), request));
  }

  private static LocalDate parseDate(String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new ErrorResponseException(
          HttpStatus.BAD_REQUEST,
          ProblemType.INVALID_REQUEST.problem(
              HttpStatus.BAD_REQUEST,
              "requestedDueDate must be an ISO date such as 2026-12-31, not '" + value + "'",
              List.of(new FieldViolation("requestedDueDate", "is not a calendar date"))),
          e);
    }
  }

  private static ErrorResponseException refused(HttpStatus status, String detail) {
    return new ErrorResponseException(
        status, ProblemType.DEVIATION_REQUEST.problem(status, detail), null);
  }
}
