package io.gxpflow.mlr.store;

import io.gxpflow.compliance.EngineContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The store's time and how it is kept: the engine's clock (what its timers and due dates are
 * compared with, so a process test that moves it moves the store too), in TIMESTAMP columns without
 * zone holding UTC, as the audit trail keeps it.
 */
final class StoreTime {

  private StoreTime() {}

  static Instant now() {
    return EngineContext.now().toInstant();
  }

  static LocalDateTime column(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  static LocalDate date(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }
}
