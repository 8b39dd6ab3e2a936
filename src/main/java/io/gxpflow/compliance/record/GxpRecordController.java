package io.gxpflow.compliance.record;

import io.gxpflow.compliance.ProblemType;
import io.gxpflow.compliance.RunAsSystem;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.identity.EngineIdentityAuthenticationProvider;
import io.gxpflow.identity.GxpGroup;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The copies of a GxP record ({@link GxpRecord}): {@code GET /api/records/{businessKey}} as JSON,
 * {@code .html} as the record page, {@code .pdf} as the PDF/A copy. For the record's participants,
 * whoever a waiting step of it is offered to or held by, and QA, QPs, process owners and
 * administrators; anyone else 403, a technical client too (a record is read by people); a key with
 * no record 404. Every read is audited, with which copy.
 */
@RestController
@RequestMapping("/api/records")
public class GxpRecordController {

  /** The groups that read every record. */
  static final Set<GxpGroup> READ_EVERY_RECORD =
      Set.of(GxpGroup.QA, GxpGroup.QP, GxpGroup.PROCESS_OWNERS, GxpGroup.CAMUNDA_ADMIN);

  /**
   * The page runs no script and loads nothing; its own styles only; framed only by Tasklist (same
   * origin), for the Record tab.
   */
  static final String PAGE_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none';"
          + " form-action 'none'";

  private final GxpRecords records;
  private final RecordPage page;
  private final RecordPdf pdf;
  private final RunAsSystem asSystem;

  public GxpRecordController(
      GxpRecords records, RecordPage page, RecordPdf pdf, RunAsSystem asSystem) {
    this.records = records;
    this.page = page;
    this.pdf = pdf;
    this.asSystem = asSystem;
  }

  @GetMapping(path = "/{businessKey}", produces = MediaType.APPLICATION_JSON_VALUE)
  public GxpRecord record(@PathVariable String businessKey, Authentication user) {
    return records.read(businessKey, readable(businessKey, user), user.getName(), "json");
  }

  @GetMapping(path = "/{businessKey}.html")
  public ResponseEntity<String> recordPage(@PathVariable String businessKey, Authentication user) {
    GxpRecord record =
        records.read(businessKey, readable(businessKey, user), user.getName(), "html");
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", PAGE_POLICY)
        .body(page.render(record, false));
  }

  /** The PDF/A copy, as a download named after the record. */
  @GetMapping(path = "/{businessKey}.pdf")
  public ResponseEntity<byte[]> recordPdf(@PathVariable String businessKey, Authentication user) {
    GxpRecord record =
        records.read(businessKey, readable(businessKey, user), user.getName(), "pdf");
    byte[] copy = pdf.render(page.render(record, true), "GxP record " + businessKey);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(businessKey + ".pdf", StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(copy);
  }

  /** The record's audit events, when {@code user} may read the record. */
  private List<StoredAuditEvent> readable(String businessKey, Authentication user) {
    if (businessKey.isBlank() || businessKey.length() > 255) {
      throw refused(HttpStatus.BAD_REQUEST, ProblemType.BAD_REQUEST, "Not a business key");
    }
    List<StoredAuditEvent> events = asSystem.call(() -> records.events(businessKey));
    if (events.isEmpty()) {
      throw refused(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, "No GxP record " + businessKey);
    }
    Set<String> groups =
        user.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .collect(Collectors.toSet());
    boolean technical = groups.contains(GxpGroup.SYSTEMS.authority());
    boolean readsEvery =
        READ_EVERY_RECORD.stream().map(GxpGroup::authority).anyMatch(groups::contains);
    boolean participant =
        GxpRecords.participants(events).contains(user.getName())
            || waitsFor(events, user.getName(), groups);
    if (technical || !(readsEvery || participant)) {
      throw refused(
          HttpStatus.FORBIDDEN,
          ProblemType.FORBIDDEN,
          "Only the people who took part in "
              + businessKey
              + ", QA, QPs, process owners and administrators read its record");
    }
    return events;
  }

  /**
   * A step of the record is waiting for the user, held by them or offered to a group of theirs: who
   * is to work on a record reads it before acting.
   */
  private static boolean waitsFor(
      List<StoredAuditEvent> events, String userId, Set<String> authorities) {
    return new RecordFacts(null, events)
        .openTasks().stream()
            .anyMatch(
                task ->
                    userId.equals(task.assignee())
                        || (task.assignee() == null
                            && task.candidateGroups().stream()
                                .anyMatch(
                                    group ->
                                        authorities.contains(
                                            EngineIdentityAuthenticationProvider.GROUP_PREFIX
                                                + group))));
  }

  private static ErrorResponseException refused(
      HttpStatus status, ProblemType type, String detail) {
    return new ErrorResponseException(status, type.problem(status, detail), null);
  }
}
