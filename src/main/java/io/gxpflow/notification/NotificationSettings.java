package io.gxpflow.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each user's own switch ({@code gxp_notification_setting}): no row means on. Read when a mail is
 * about to be sent, so switching off also stops what is already queued.
 */
@Component
public class NotificationSettings {

  private final JdbcTemplate jdbc;

  public NotificationSettings(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public boolean enabled(String userId) {
    List<Boolean> stored =
        jdbc.queryForList(
            "SELECT enabled FROM gxp_notification_setting WHERE user_id = ?",
            Boolean.class,
            userId);
    return stored.isEmpty() || Boolean.TRUE.equals(stored.get(0));
  }

  public void set(String userId, boolean enabled) {
    Timestamp now = Timestamp.from(Instant.now());
    if (update(userId, enabled, now) == 0) {
      try {
        jdbc.update(
            "INSERT INTO gxp_notification_setting (user_id, enabled, updated_at) VALUES (?, ?, ?)",
            userId,
            enabled,
            now);
      } catch (DuplicateKeyException sameMoment) {
        update(userId, enabled, now); // the same user switched at the same moment elsewhere
      }
    }
  }

  private int update(String userId, boolean enabled, Timestamp now) {
    return jdbc.update(
        "UPDATE gxp_notification_setting SET enabled = ?, updated_at = ? WHERE user_id = ?",
        enabled,
        now,
        userId);
  }
}
