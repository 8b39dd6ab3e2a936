package io.gxpflow.deviation;

import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Requests people raise on a running deviation, decided by QA in the process: a due date extension
 * ({@code DeviationExtensionRequested}, while the investigation or the CAPA plan and actions run) and a
 * cancellation as duplicate or raised in error ({@code DeviationCancellationRequested}). 202 when QA has the
 * decision task; 400/404/409 problem details otherwise, and nothing changes. Who may ask is decided here (see
 * SecurityConfiguration); the message itself is delivered by the application, as participants have no right to
 * modify instances through the engine API.
 */
@RestController
@RequestMapping("/api/deviations/{deviationId}")
public class DeviationRequestController {

  static final String PROCESS = "deviation-capa";
  static final String EXTENSION_REQUESTED = "DeviationExtensionRequested";
  static final String CANCELLATION_REQUESTED = "DeviationCancellationRequested";
  static final Set<String> EXTENSION_PHASES = Set.of("Task_Investigation", "Task_CapaPlan", "Task_RecordCapa",
      "Task_CapaAction", "SubProcess_CapaAction");
  static final Set<String> CANCELLATION_TYPES = Set.of("duplicate", "raised-in-error");

  public record ExtensionRequest(String requestedDueDate, String reason) {}

  public record CancellationRequest(String type, String reason) {}

  public record Accepted(String deviationId, String processInstanceId, String request) {}

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final AuditTrail auditTrail;

  public DeviationRequestController(RuntimeService runtime, IdentityService identity, AuditTrail auditTrail) {
    this.runtime = runtime;
    this.identity = identity;
    this.auditTrail = auditTrail;
  }

  @PostMapping("/extension-requests")
  public ResponseEntity<Accepted> requestExtension(@PathVariable String deviationId,
      @RequestBody ExtensionRequest request, org.springframework.security.core.Authentication user) {
    String reason = requireText("reason", request.reason());
    LocalDate requested = parseDate(request.requestedDueDate());
    return asApplication(() -> {
      ProcessInstance instance = runningDeviation(deviationId);
      if (runtime.getActiveActivityIds(instance.getId()).stream().noneMatch(EXTENSION_PHASES::contains)) {
        throw problem(HttpStatus.CONFLICT, "Not in investigation or CAPA actions",
            "Due dates of " + deviationId + " can be extended during the investigation and the CAPA actions only");
      }
      Date closureDue = (Date) runtime.getVariable(instance.getId(), DueDates.CLOSURE);
      if (!DueDateExtension.endOf(requested.toString()).after(closureDue)) {
        throw problem(HttpStatus.BAD_REQUEST, "Invalid request", "requestedDueDate must be after the current "
            + "closure due date " + closureDue.toInstant());
      }
      runtime.createMessageCorrelation(EXTENSION_REQUESTED).processInstanceId(instance.getId())
          .setVariablesLocal(Map.of("requestedDueDate", requested.toString(), "extensionReason", reason,
              "extensionRequestedBy", user.getName()))
          .correlateWithResult();
      audit(user.getName(), instance, EXTENSION_REQUESTED, Map.of("requestedDueDate", requested.toString(),
          "reason", reason));
      return accepted(deviationId, instance, "extension");
    });
  }

  @PostMapping("/cancellation-requests")
  public ResponseEntity<Accepted> requestCancellation(@PathVariable String deviationId,
      @RequestBody CancellationRequest request, org.springframework.security.core.Authentication user) {
    String reason = requireText("reason", request.reason());
    if (request.type() == null || !CANCELLATION_TYPES.contains(request.type())) {
      throw problem(HttpStatus.BAD_REQUEST, "Invalid request", "type must be one of " + CANCELLATION_TYPES);
    }
    return asApplication(() -> {
      ProcessInstance instance = runningDeviation(deviationId);
      if (runtime.getActiveActivityIds(instance.getId()).contains("Task_CancellationDecision")) {
        throw problem(HttpStatus.CONFLICT, "Cancellation already requested",
            "QA is already deciding on a cancellation of " + deviationId);
      }
      runtime.createMessageCorrelation(CANCELLATION_REQUESTED).processInstanceId(instance.getId())
          .setVariablesLocal(Map.of("cancellationType", request.type(), "cancellationReason", reason,
              "cancellationRequestedBy", user.getName()))
          .correlateWithResult();
      audit(user.getName(), instance, CANCELLATION_REQUESTED, Map.of("type", request.type(), "reason", reason));
      return accepted(deviationId, instance, "cancellation");
    });
  }

  private ProcessInstance runningDeviation(String deviationId) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
        .processInstanceBusinessKey(deviationId).singleResult();
    if (instance == null) {
      throw problem(HttpStatus.NOT_FOUND, "Deviation not found", "No running deviation " + deviationId);
    }
    return instance;
  }

  /** The engine call as the application, the user's right having been checked by the web security rules. */
  private <T> T asApplication(Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private void audit(String actor, ProcessInstance instance, String request, Map<String, Object> details) {
    auditTrail.record(AuditEvent.builder(AuditEventTypes.CHANGE_REQUESTED, actor)
        .businessKey(instance.getBusinessKey()).processInstanceId(instance.getId())
        .processDefinitionKey(PROCESS).detail("request", request).details(details).build());
  }

  private static ResponseEntity<Accepted> accepted(String deviationId, ProcessInstance instance, String request) {
    return ResponseEntity.accepted().body(new Accepted(deviationId, instance.getId(), request));
  }

  private static String requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw problem(HttpStatus.BAD_REQUEST, "Invalid request", field + " is required");
    }
    return value.strip();
  }

  private static LocalDate parseDate(String value) {
    try {
      return LocalDate.parse(requireText("requestedDueDate", value));
    } catch (DateTimeParseException e) {
      throw problem(HttpStatus.BAD_REQUEST, "Invalid request", "requestedDueDate must be an ISO date such as "
          + "2026-12-31, not '" + value + "'");
    }
  }

  private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("urn:gxpflow:problem:deviation-request"));
    return new ErrorResponseException(status, problem, null);
  }
}
