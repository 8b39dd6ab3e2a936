package io.gxpflow.compliance.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * How submitted Java values (as Jackson or the engine give them) are read: numbers, emptiness,
 * dates, equality.
 */
final class Values {

  // Camunda 7's REST date format (yyyy-MM-dd'T'HH:mm:ss.SSSZ): offset without colon
  private static final DateTimeFormatter CAMUNDA_DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSS]XX")
          .withResolverStyle(ResolverStyle.STRICT);

  private Values() {}

  /** Missing for {@code required}: null, a blank string, an empty list or an empty object. */
  static boolean isEmpty(Object value) {
    return value == null
        || (value instanceof String s && s.isBlank())
        || (value instanceof Collection<?> c && c.isEmpty())
        || (value instanceof Map<?, ?> m && m.isEmpty());
  }

  static boolean isScalar(Object value) {
    return value instanceof String || value instanceof Boolean || isNumber(value);
  }

  static boolean isNumber(Object value) {
    return value instanceof Number && toNumber(value) != null;
  }

  /** A finite number, or a string that is one ({@code "12.5"}); else null. */
  static BigDecimal toNumber(Object value) {
    try {
      if (value instanceof BigDecimal d) {
        return d;
      }
      if (value instanceof BigInteger i) {
        return new BigDecimal(i);
      }
      if (value instanceof Long
          || value instanceof Integer
          || value instanceof Short
          || value instanceof Byte) {
        return BigDecimal.valueOf(((Number) value).longValue());
      }
      if (value instanceof Double || value instanceof Float) {
        // valueOf(double) throws on NaN and infinities: not numbers a form can submit
        return new BigDecimal(value.toString());
      }
      if (value instanceof Number || value instanceof String) {
        return new BigDecimal(value.toString());
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return null;
  }

  static String plain(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }

  /** The value as text for messages and comparisons with model property values. */
  static String text(Object value) {
    BigDecimal number = value instanceof Number ? toNumber(value) : null;
    return number != null ? plain(number) : String.valueOf(value);
  }

  /**
   * The same value once serialized: numbers by value ({@code 5}, {@code 5L}, {@code "5"}), lists
   * and objects element by element, a {@link Date} and an ISO string by the moment (or day) they
   * name.
   */
  static boolean same(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      if (!ma.keySet().equals(mb.keySet())) {
        return false;
      }
      for (Map.Entry<?, ?> entry : ma.entrySet()) {
        if (!same(entry.getValue(), mb.get(entry.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Collection<?> ca && b instanceof Collection<?> cb) {
      if (ca.size() != cb.size()) {
        return false;
      }
      Iterator<?> ia = ca.iterator();
      Iterator<?> ib = cb.iterator();
      while (ia.hasNext()) {
        if (!same(ia.next(), ib.next())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Boolean || b instanceof Boolean) {
      return a.equals(b);
    }
    BigDecimal na = toNumber(a);
    BigDecimal nb = toNumber(b);
    if (na != null && nb != null) {
      return na.compareTo(nb) == 0;
    }
    if (a instanceof Date da && b instanceof String sb) {
      return sameMoment(da, sb);
    }
    if (b instanceof Date db && a instanceof String sa) {
      return sameMoment(db, sa);
    }
    return a.equals(b);
  }

  /**
   * Scalar equality that also lets a model's text value ({@code false}, {@code 3}) match a typed
   * value.
   */
  static boolean sameScalar(Object value, Object expected) {
    return same(value, expected)
        || (isScalar(value) && isScalar(expected) && text(value).equals(text(expected)));
  }

  private static boolean sameMoment(Date date, String text) {
    try {
      return date.toInstant().equals(instant(text));
    } catch (DateTimeException e) {
      try {
        return date.toInstant()
            .atZone(ZoneId.systemDefault())
            .toLocalDate()
            .equals(LocalDate.parse(text));
      } catch (DateTimeException notADate) {
        return false;
      }
    }
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      return OffsetDateTime.parse(text, CAMUNDA_DATE_TIME).toInstant();
    }
  }

  /**
   * A value form-js's datetime field of that subtype produces (or a {@link Date} for date and
   * datetime).
   */
  static boolean isTemporal(String subtype, Object value) {
    return switch (Objects.requireNonNullElse(subtype, "date")) {
      case "time" ->
          value instanceof LocalTime
              || value instanceof OffsetTime
              || (value instanceof String s
                  && (parses(() -> LocalTime.parse(s)) || parses(() -> OffsetTime.parse(s))));
      case "datetime" ->
          value instanceof Date
              || value instanceof LocalDateTime
              || value instanceof OffsetDateTime
              || value instanceof ZonedDateTime
              || value instanceof Instant
              || (value instanceof String s
                  && (parses(() -> LocalDateTime.parse(s)) || parses(() -> instant(s))));
      default ->
          value instanceof Date
              || value instanceof LocalDate
              || (value instanceof String s && parses(() -> LocalDate.parse(s)));
    };
  }

  private static boolean parses(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
