package io.gxpflow.integration.events;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * An ISO-8601 date-time with offset in the years 2000 to 2099 (absent is valid; {@code @NotBlank}
 * requires it). The year +99999 parses, but no batch was made then, and later date arithmetic and
 * other systems choke on it.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EventTimestamp.Validator.class)
@interface EventTimestamp {

  String message() default
      "expected an ISO-8601 date-time with offset in the years 2000 to 2099, "
          + "e.g. 2026-11-22T08:15:00Z";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<EventTimestamp, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.isBlank()) {
        return true;
      }
      try {
        int year = OffsetDateTime.parse(value).getYear();
        return year >= 2000 && year <= 2099;
      } catch (DateTimeParseException e) {
        return false;
      }
    }
  }
}
