package io.gxpflow.compliance.audit;

import io.gxpflow.compliance.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read access to the audit trail: events of one business key or process instance (JSON, or CSV with
 * {@code Accept: text/csv}) and the chain verification. Who may read it is decided in
 * SecurityConfiguration ({@code qa}, {@code process-owners}, {@code camunda-admin}).
 */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

  static final MediaType TEXT_CSV = new MediaType("text", "csv");

  private final AuditTrail auditTrail;
  private final AuditVerification verification;

  public AuditController(AuditTrail auditTrail, AuditVerification verification) {
    this.auditTrail = auditTrail;
    this.verification = verification;
  }

  @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  public ResponseEntity<?> events(
      @RequestParam(required = false) String businessKey,
      @RequestParam(required = false) String processInstanceId,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
      HttpServletRequest request) {
    businessKey = blankToNull(businessKey);
    processInstanceId = blankToNull(processInstanceId);
    if (businessKey == null && processInstanceId == null) {
      ProblemDetail problem =
          ProblemType.BAD_REQUEST.problem(
              HttpStatus.BAD_REQUEST,
              "Give businessKey or processInstanceId: the audit trail is read per business case, not as a whole.");
      problem.setInstance(URI.create(request.getRequestURI()));
      return ResponseEntity.badRequest()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    List<StoredAuditEvent> events = auditTrail.find(businessKey, processInstanceId);
    if (prefersCsv(accept)) {
      return ResponseEntity.ok()
          .contentType(new MediaType(TEXT_CSV, StandardCharsets.UTF_8))
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-trail.csv\"")
          .body(AuditCsv.write(events));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(events);
  }

  /**
   * HTTP 200 whether the chain is intact or not: the body tells. Chain, keyed checkpoints and
   * signature manifests ({@link AuditVerification}).
   */
  @GetMapping(path = "/verify", produces = MediaType.APPLICATION_JSON_VALUE)
  public VerificationResult verify() {
    return verification.verify();
  }

  /**
   * CSV only when asked for ahead of JSON: a client that accepts anything ({@code *}/{@code *})
   * gets JSON.
   */
  static boolean prefersCsv(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    List<MediaType> accepted = MediaType.parseMediaTypes(accept);
    // quality first, then specificity; equal ones keep the client's order
    MimeTypeUtils.sortBySpecificity(accepted);
    for (MediaType type : accepted) {
      if (type.isWildcardType()) {
        return false;
      }
      if (type.includes(TEXT_CSV)) {
        return true;
      }
      if (type.includes(MediaType.APPLICATION_JSON)) {
        return false;
      }
    }
    return false;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
