package io.gxpflow.compliance.record;

import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.compliance.record.GxpRecord.OpenTask;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a record's audit trail says about it: the latest value of each variable (from the start, the
 * steps people completed and the decisions evaluated), its events by type, and the tasks still
 * open. Read from the trail alone, so what is shown survives Camunda's history cleanup.
 */
public final class RecordFacts {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final String businessKey;
  private final List<StoredAuditEvent> trail;
  private final Map<String, Object> latest = new HashMap<>();
  // variable → the latest value as the person chose it on the form (an option's label)
  private final Map<String, String> chosen = new HashMap<>();

  public RecordFacts(String businessKey, List<StoredAuditEvent> trail) {
    this.businessKey = businessKey;
    this.trail = List.copyOf(trail);
    for (StoredAuditEvent event : trail) {
      switch (event.type()) {
        case AuditEventTypes.PROCESS_STARTED ->
            map(event.details().get("variables")).forEach(latest::put);
        case AuditEventTypes.TASK_COMPLETED ->
            list(event.details().get("changes"))
                .forEach(change -> put(change.get("variable"), change.get("new")));
        case AuditEventTypes.DUE_DATE_CHANGED ->
            put(event.details().get("dueDate"), event.details().get("newValue"));
        case AuditEventTypes.DECISION_EVALUATED ->
            list(event.details().get("outputs"))
                .forEach(output -> put(output.get("name"), output.get("value")));
        default -> {}
      }
    }
  }

  public String businessKey() {
    return businessKey;
  }

  public List<StoredAuditEvent> trail() {
    return trail;
  }

  /**
   * The latest value of a process variable as the trail knows it: set at the start, entered in a
   * step, given by a decision, or a due date set. Values a delegate sets without an audited step
   * are not known.
   */
  public Optional<Object> latest(String variable) {
    return Optional.ofNullable(latest.get(variable));
  }

  /** The latest value as text, or empty. */
  public Optional<String> text(String variable) {
    return latest(variable).map(GxpRecords::shown).filter(text -> !text.isBlank());
  }

  /**
   * The latest value as the person chose it on the form (an option's label: "Equipment", not {@code
   * equipment}), else as {@link #text}.
   */
  public Optional<String> chosen(String variable) {
    return Optional.ofNullable(chosen.get(variable))
        .filter(label -> !label.isBlank())
        .or(() -> text(variable));
  }

  /** Remembers how a step showed a value it entered; the later step wins. */
  void entered(String variable, String shown) {
    chosen.put(variable, shown);
  }

  /**
   * The latest value of a date or time as a person reads it, in UTC to the second ({@code
   * 2026-12-28 22:30:38 UTC}); a date without a time, or text that is no time, as it is.
   */
  public Optional<String> time(String variable) {
    return text(variable).map(RecordFacts::utc);
  }

  /** An instant as the record shows times: UTC to the second ({@code 2026-12-28 22:30:38 UTC}). */
  static String utc(Instant instant) {
    return UTC.format(instant);
  }

  /** An ISO date-time with an offset in UTC to the second; other text as it is. */
  static String utc(String text) {
    try {
      return UTC.format(OffsetDateTime.parse(text));
    } catch (DateTimeParseException notWithAnOffset) {
      return text;
    }
  }

  /** The record's events of one type, oldest first. */
  public List<StoredAuditEvent> events(String type) {
    return trail.stream().filter(event -> type.equals(event.type())).toList();
  }

  /** The details of the newest event of a type, if there is one. */
  public Optional<Map<String, Object>> lastDetails(String type) {
    List<StoredAuditEvent> events = events(type);
    return events.isEmpty()
        ? Optional.empty()
        : Optional.of(events.get(events.size() - 1).details());
  }

  /**
   * The tasks created and not yet completed, with their due dates and who holds them; none once the
   * instance that made them ended.
   */
  public List<OpenTask> openTasks() {
    Map<String, OpenTask> open = new LinkedHashMap<>();
    Map<String, List<String>> byInstance = new HashMap<>();
    for (StoredAuditEvent event : trail) {
      Map<String, Object> details = event.details();
      switch (event.type()) {
        case AuditEventTypes.TASK_CREATED -> {
          open.put(
              event.taskId(),
              new OpenTask(
                  GxpRecords.shown(details.get("taskName")),
                  (String) details.get("assignee"),
                  texts(details.get("candidateGroups")),
                  instant(details.get("dueDate"))));
          byInstance
              .computeIfAbsent(event.processInstanceId(), id -> new ArrayList<>())
              .add(event.taskId());
        }
        case AuditEventTypes.TASK_CLAIMED,
            AuditEventTypes.TASK_ASSIGNED,
            AuditEventTypes.TASK_UNCLAIMED,
            AuditEventTypes.TASK_FORWARDED_TO_DEPUTY ->
            open.computeIfPresent(
                event.taskId(),
                (id, task) ->
                    new OpenTask(
                        task.taskName(),
                        (String) details.getOrDefault("deputy", details.get("assignee")),
                        task.candidateGroups(),
                        task.dueDate()));
        case AuditEventTypes.TASK_COMPLETED -> open.remove(event.taskId());
        case AuditEventTypes.PROCESS_ENDED, AuditEventTypes.PROCESS_CANCELLED ->
            byInstance.getOrDefault(event.processInstanceId(), List.of()).forEach(open::remove);
        default -> {}
      }
    }
    return List.copyOf(open.values());
  }

  private void put(Object variable, Object value) {
    if (variable instanceof String name) {
      latest.put(name, value);
    }
  }

  static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number millis) {
      return Instant.ofEpochMilli(millis.longValue());
    }
    try {
      return Instant.parse(value.toString());
    } catch (RuntimeException notAnInstant) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object value) {
    return value instanceof List<?> list
        ? list.stream()
            .filter(Map.class::isInstance)
            .map(item -> (Map<String, Object>) item)
            .toList()
        : List.of();
  }

  static List<String> texts(Object value) {
    return value instanceof Collection<?> items
        ? items.stream().map(String::valueOf).toList()
        : List.of();
  }
}
