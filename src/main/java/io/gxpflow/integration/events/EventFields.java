package io.gxpflow.integration.events;

import io.gxpflow.compliance.validation.FieldViolation;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** The few checks inbound event payloads need, each naming the field and why. */
final class EventFields {

  private EventFields() {}

  static void required(List<FieldViolation> violations, String field, String value) {
    if (value == null || value.isBlank()) {
      violations.add(new FieldViolation(field, "required"));
    }
  }

  static void oneOf(List<FieldViolation> violations, String field, String value, Set<String> allowed) {
    if (value == null || value.isBlank()) {
      violations.add(new FieldViolation(field, "required"));
    } else if (!allowed.contains(value)) {
      violations.add(new FieldViolation(field, "not one of " + allowed.stream().sorted().toList()));
    }
  }

  static void timestamp(List<FieldViolation> violations, String field, String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        violations.add(new FieldViolation(field, "required"));
      }
      return;
    }
    try {
      OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      violations.add(new FieldViolation(field, "expected an ISO-8601 date-time with offset, e.g. 2026-11-22T08:15:00Z"));
    }
  }
}
