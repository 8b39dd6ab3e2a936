package io.gxpflow.compliance;

import io.gxpflow.compliance.validation.FieldViolation;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Every {@code type} of the RFC 9457 problem details GxP Flow answers with, in one place: a client
 * programs against these URNs ({@code urn:gxpflow:problem:<name>}), people read {@code title} and
 * {@code detail}. The catalogue with an example of each is {@code docs/api/problems.md}; a test
 * keeps the two the same.
 */
public enum ProblemType {

  // a submission, an event or a request that breaks what the server accepts: errors [{field,
  // reason}]
  INVALID_TASK_INPUT("invalid-task-input", "Invalid task input"),
  INVALID_EVENT("invalid-event", "Invalid event"),
  INVALID_REQUEST("invalid-request", "Invalid request"),
  VARIABLE_REFUSED("variable-refused", "Variable refused"),
  MODEL_REFUSED("model-refused", "Model refused"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type"),

  // compliance rules (403, with the property "rule")
  SIGNATURE_REQUIRED("signature-required", "Refused by compliance rule"),
  GUARDED_COMPLETION("guarded-completion", "Refused by compliance rule"),
  CLAIM_FOR_SELF("claim-for-self", "Refused by compliance rule"),
  PROCESS_START_ADMIN_ONLY("process-start-admin-only", "Refused by compliance rule"),
  SEGREGATION_OF_DUTIES("segregation-of-duties", "Refused by compliance rule"),
  ASSIGNEE_NOT_CANDIDATE("assignee-not-candidate", "Refused by compliance rule"),
  RECORD_APPEND_ONLY("record-append-only", "Refused by compliance rule"),
  NOT_A_PARTICIPANT("not-a-participant", "Refused by compliance rule"),

  // electronic signatures (property "reason" is the part after "signature-")
  SIGNATURE_MEANING_NOT_CONFIRMED("signature-meaning-not-confirmed", "Signature refused"),
  SIGNATURE_PASSWORD_MISSING("signature-password-missing", "Signature refused"),
  SIGNATURE_WRONG_PASSWORD("signature-wrong-password", "Signature refused"),
  SIGNATURE_LOCKED("signature-locked", "Signature refused"),
  SIGNATURE_IDENTITY_PROVIDER_UNAVAILABLE(
      "signature-identity-provider-unavailable", "Signature not possible now"),
  SIGNATURE_TASK_NOT_FOUND("signature-task-not-found", "Signature refused"),
  SIGNATURE_NOT_A_SIGNATURE_STEP("signature-not-a-signature-step", "Signature refused"),
  SIGNATURE_TASK_COMPLETED_MEANWHILE("signature-task-completed-meanwhile", "Signature refused"),

  // the state of a case does not allow what was asked
  BUSINESS_KEY_IN_USE("business-key-in-use", "Business key in use"),
  NO_PROCESS_ACCEPTS_EVENT("no-process-accepts-event", "No process accepts this event"),
  DEVIATION_REQUEST("deviation-request", "Deviation request refused"),
  // mlr-review's Review tab: a task not the caller's to see, not an MLR task, or not theirs to
  // comment on (property "reason")
  MLR_REVIEW_TASK("mlr-review-task", "Review refused"),
  MLR_REQUEST("mlr-request", "MLR request refused"),
  CONCURRENT_CHANGE("concurrent-change", "Changed by someone else"),

  // answers named after their HTTP status, where nothing more specific applies
  BAD_REQUEST("bad-request", "Bad Request"),
  UNAUTHORIZED("unauthorized", "Unauthorized"),
  FORBIDDEN("forbidden", "Forbidden"),
  NOT_FOUND("not-found", "Not Found"),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method Not Allowed"),
  NOT_ACCEPTABLE("not-acceptable", "Not Acceptable"),
  CONFLICT("conflict", "Conflict"),
  PAYLOAD_TOO_LARGE("payload-too-large", "Payload Too Large"),
  TOO_MANY_REQUESTS("too-many-requests", "Too Many Requests"),
  SERVER_ERROR("internal-server-error", "Internal Server Error");

  public static final String PREFIX = "urn:gxpflow:problem:";

  private final String name;
  private final String title;

  ProblemType(String name, String title) {
    this.name = name;
    this.title = title;
  }

  public URI uri() {
    return URI.create(PREFIX + name);
  }

  /**
   * The part after {@value #PREFIX}: stable, for clients and for the {@code rule} / {@code reason}
   * properties.
   */
  public String shortName() {
    return name;
  }

  public String title() {
    return title;
  }

  /** A problem detail of this type. */
  public ProblemDetail problem(HttpStatusCode status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(uri());
    problem.setTitle(title);
    return problem;
  }

  /**
   * A problem detail of this type listing each field and why: {@code errors: [{field, reason}]}.
   */
  public ProblemDetail problem(
      HttpStatusCode status, String detail, List<FieldViolation> violations) {
    ProblemDetail problem = problem(status, detail);
    problem.setProperty(
        "errors",
        violations.stream()
            .map(violation -> Map.of("field", violation.field(), "reason", violation.reason()))
            .toList());
    return problem;
  }

  /**
   * The type named after an HTTP status (where a more specific one does not apply); 5xx are all
   * one.
   */
  public static ProblemType of(HttpStatusCode status) {
    if (status.is5xxServerError()) {
      return SERVER_ERROR;
    }
    String name =
        HttpStatus.valueOf(status.value()).getReasonPhrase().toLowerCase().replace(' ', '-');
    for (ProblemType type : values()) {
      if (type.name.equals(name)) {
        return type;
      }
    }
    return BAD_REQUEST;
  }

  /**
   * The signature refusal of this reason ({@code wrong-password} → {@link
   * #SIGNATURE_WRONG_PASSWORD}).
   */
  public static ProblemType signature(String reason) {
    return named("signature-" + reason);
  }

  /** The type of a compliance rule by its short name. */
  public static ProblemType named(String name) {
    for (ProblemType type : values()) {
      if (type.name.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("No problem type " + name);
  }
}
