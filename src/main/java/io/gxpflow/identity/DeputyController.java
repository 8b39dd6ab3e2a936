package io.gxpflow.identity;

import io.gxpflow.compliance.ProblemType;
import io.gxpflow.compliance.RunAsSystem;
import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.tasks.Deputy;
import io.gxpflow.compliance.validation.FieldViolation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Out of office: a person names a deputy for a period; tasks assigned to them in that period go to
 * the deputy (the task listener forwards them, within the task's group and segregation of duties).
 * Only one's own deputy, audited. {@code from} defaults to now; a period is at most 180 days. Kept
 * as the engine's user info, read and written as the system: the right (one's own) is the path's.
 */
@RestController
@RequestMapping("/api/me/deputy")
public class DeputyController {

  static final Duration LONGEST = Duration.ofDays(180);

  private final IdentityService identity;
  private final AuditTrail auditTrail;
  private final RunAsSystem asSystem;

  public DeputyController(IdentityService identity, AuditTrail auditTrail, RunAsSystem asSystem) {
    this.identity = identity;
    this.auditTrail = auditTrail;
    this.asSystem = asSystem;
  }

  public record DeputyRequest(
      @NotBlank(message = "is required: the user id of your deputy") String deputy,
      Instant from,
      @NotNull(message = "is required: when you are back (e.g. 2026-12-24T00:00:00Z)")
          Instant until) {}

  public record DeputyView(
      String user, String deputy, Instant from, Instant until, boolean active) {

    static DeputyView of(Deputy deputy) {
      return new DeputyView(
          deputy.user(),
          deputy.deputy(),
          deputy.from(),
          deputy.until(),
          deputy.activeAt(Instant.now()));
    }
  }

  @GetMapping
  public ResponseEntity<DeputyView> current(Authentication user) {
    return asSystem
        .call(() -> Deputy.of(identity, user.getName()))
        .map(deputy -> ResponseEntity.ok(DeputyView.of(deputy)))
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  /** Someone who may stand in for me, as the Tasklist dialog lists them. */
  public record Candidate(String id, String name) {}

  /** Who may be my deputy: the people of my task-working groups, by name. */
  @GetMapping("/candidates")
  public List<Candidate> candidates(Authentication user) {
    String me = user.getName();
    return asSystem.call(
        () ->
            workingGroups(me)
                .flatMap(group -> identity.createUserQuery().memberOfGroup(group).list().stream())
                .map(User::getId)
                .filter(id -> !id.equals(me))
                .distinct()
                .map(id -> new Candidate(id, DisplayName.of(identity, id)))
                .sorted(Comparator.comparing(Candidate::name).thenComparing(Candidate::id))
                .toList());
  }

  @PutMapping
  public DeputyView set(@Valid @RequestBody DeputyRequest request, Authentication user) {
    return asSystem.call(() -> set(user.getName(), request));
  }

  private DeputyView set(String me, DeputyRequest request) {
    String deputyId = request.deputy().strip();
    Instant from = Optional.ofNullable(request.from()).orElseGet(Instant::now);
    List<FieldViolation> violations = new ArrayList<>();
    if (deputyId.equals(me)) {
      violations.add(new FieldViolation("deputy", "is you: name someone else"));
    } else if (!sharesAWorkingGroup(me, deputyId)) {
      violations.add(
          new FieldViolation(
              "deputy", "is not a user who works tasks in one of your groups: " + deputyId));
    }
    if (!request.until().isAfter(from)) {
      violations.add(new FieldViolation("until", "must be after from"));
    } else if (Duration.between(from, request.until()).compareTo(LONGEST) > 0) {
      violations.add(
          new FieldViolation("until", "must be at most 180 days after from; set it again later"));
    }
    if (!violations.isEmpty()) {
      throw new ErrorResponseException(
          HttpStatus.BAD_REQUEST,
          ProblemType.INVALID_REQUEST.problem(
              HttpStatus.BAD_REQUEST,
              "Deputy not set: "
                  + String.join(
                      "; ", violations.stream().map(v -> v.field() + " " + v.reason()).toList()),
              violations),
          null);
    }
    Deputy deputy = new Deputy(me, deputyId, from, request.until());
    deputy.store(identity);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("deputy", deputyId);
    details.put("from", from.toString());
    details.put("until", request.until().toString());
    auditTrail.record(AuditEvent.of(AuditEventTypes.DEPUTY_SET, me, details));
    return DeputyView.of(deputy);
  }

  @DeleteMapping
  public ResponseEntity<Void> clear(Authentication user) {
    String me = user.getName();
    asSystem.call(
        () -> {
          if (Deputy.of(identity, me).isPresent()) {
            Deputy.clear(identity, me);
            auditTrail.record(AuditEvent.of(AuditEventTypes.DEPUTY_CLEARED, me, Map.of()));
          }
          return null;
        });
    return ResponseEntity.noContent().build();
  }

  /** A deputy stands in for task work: someone in one of my task-working groups. */
  private boolean sharesAWorkingGroup(String me, String deputy) {
    return workingGroups(me)
        .anyMatch(
            group -> identity.createUserQuery().userId(deputy).memberOfGroup(group).count() > 0);
  }

  private Stream<String> workingGroups(String me) {
    return identity.createGroupQuery().groupMember(me).list().stream()
        .map(Group::getId)
        .filter(group -> GxpGroup.byId(group).map(GxpGroup::doesTaskWork).orElse(false));
  }
}
