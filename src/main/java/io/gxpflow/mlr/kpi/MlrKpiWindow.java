package io.gxpflow.mlr.kpi;

import io.gxpflow.compliance.ProblemType;
import io.gxpflow.compliance.validation.FieldViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The days whose approvals the MLR KPIs count: {@code from} and {@code to} are ISO-8601 dates, UTC
 * days, both included; either may be absent (open-ended), both absent is every approval.
 *
 * @param from the first day, null for no lower bound
 * @param to the last day, null for no upper bound
 */
public record MlrKpiWindow(LocalDate from, LocalDate to) {

  public static final MlrKpiWindow ALL = new MlrKpiWindow(null, null);

  /** The days a window may name: four-digit years (the day after the last is still a day). */
  static final LocalDate FIRST = LocalDate.of(1, 1, 1);

  static final LocalDate LAST = LocalDate.of(9999, 12, 31);

  public MlrKpiWindow {
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("to " + to + " is before from " + from);
    }
  }

  /** Signed on one of the window's days (UTC). */
  public boolean contains(Instant instant) {
    return (from == null || !instant.isBefore(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
        && (to == null
            || instant.isBefore(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
  }

  /**
   * The window of the query parameters; a blank one is absent. Anything but a date ({@code
   * 2026-11-30}) of the years 0001 to 9999, or {@code to} before {@code from}, is refused with
   * {@code 400 urn:gxpflow:problem:invalid-request} naming the parameter.
   */
  public static MlrKpiWindow parse(String from, String to) {
    List<FieldViolation> violations = new ArrayList<>();
    LocalDate first = date("from", from, violations);
    LocalDate last = date("to", to, violations);
    if (violations.isEmpty() && first != null && last != null && last.isBefore(first)) {
      violations.add(new FieldViolation("to", "must not be before from (" + first + ")"));
    }
    if (!violations.isEmpty()) {
      throw new ErrorResponseException(
          HttpStatus.BAD_REQUEST,
          ProblemType.INVALID_REQUEST.problem(
              HttpStatus.BAD_REQUEST,
              "MLR KPIs not computed: "
                  + String.join(
                      "; ", violations.stream().map(v -> v.field() + " " + v.reason()).toList()),
              violations),
          null);
    }
    return new MlrKpiWindow(first, last);
  }

  private static LocalDate date(String field, String value, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(value.strip());
      if (date.isBefore(FIRST) || date.isAfter(LAST)) {
        violations.add(new FieldViolation(field, "must be a day of the years 0001 to 9999"));
        return null;
      }
      return date;
    } catch (DateTimeParseException e) {
      violations.add(new FieldViolation(field, "must be a date, YYYY-MM-DD (e.g. 2026-11-30)"));
      return null;
    }
  }
}
