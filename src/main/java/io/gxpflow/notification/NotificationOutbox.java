package io.gxpflow.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The table {@code gxp_notification}: written in the caller's transaction (the engine's, from a
 * task listener), so a notification exists exactly when the change that caused it was committed;
 * read and updated by the {@link NotificationSender}.
 */
@Component
public class NotificationOutbox {

  private static final String COLUMNS =
      "id, kind, recipient, task_id, task_name, business_key, process_instance_id, due_date,"
          + " subject, body, link, status, attempts, created_at, next_attempt_at, sent_at, email,"
          + " last_error";

  private final JdbcTemplate jdbc;
  private final NotificationProperties properties;

  public NotificationOutbox(JdbcTemplate jdbc, NotificationProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** One row of the outbox. */
  public record Entry(
      String id,
      NotificationKind kind,
      String recipient,
      String taskId,
      String taskName,
      String businessKey,
      String processInstanceId,
      Date dueDate,
      String subject,
      String body,
      String link,
      NotificationStatus status,
      int attempts,
      Date createdAt,
      Date nextAttemptAt,
      Date sentAt,
      String email,
      String lastError) {}

  /** Queues a notification in the caller's transaction. */
  public String add(TaskNotice notice, Date now) {
    return insert(notice, now, null);
  }

  /**
   * Queues a notification unless one with the same key was queued before (the due date scan: once
   * per task, kind, due date and recipient). Runs without the caller's transaction, so a duplicate
   * does not abort it.
   */
  public boolean addOnce(TaskNotice notice, Date now, String onceKey) {
    Integer existing =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM gxp_notification WHERE once_key = ?", Integer.class, onceKey);
    if (existing != null && existing > 0) {
      return false;
    }
    try {
      insert(notice, now, onceKey);
      return true;
    } catch (DuplicateKeyException another) {
      return false; // another node's scan was quicker
    }
  }

  private String insert(TaskNotice notice, Date now, String onceKey) {
    String id = UUID.randomUUID().toString();
    String link = properties.taskLink(notice.taskId());
    jdbc.update(
        "INSERT INTO gxp_notification (id, kind, recipient, task_id, task_name, business_key,"
            + " process_instance_id, due_date, subject, body, link, status, attempts, created_at,"
            + " next_attempt_at, once_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
        id,
        notice.kind().name(),
        notice.recipient(),
        notice.taskId(),
        clip(notice.taskName(), 255),
        clip(notice.businessKey(), 255),
        notice.processInstanceId(),
        timestamp(notice.dueDate()),
        NotificationMessages.subject(notice),
        NotificationMessages.body(notice, link),
        link,
        NotificationStatus.PENDING.name(),
        timestamp(now),
        timestamp(now),
        onceKey);
    return id;
  }

  /** Pending notifications whose time has come, oldest first. */
  List<Entry> due(Date now, int limit) {
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM gxp_notification WHERE status = ? AND next_attempt_at <= ?"
            + " ORDER BY next_attempt_at, created_at",
        ps -> {
          ps.setString(1, NotificationStatus.PENDING.name());
          ps.setTimestamp(2, timestamp(now));
          ps.setMaxRows(limit);
        },
        NotificationOutbox::entry);
  }

  /**
   * Takes a pending notification for one attempt: its next attempt moves past the lease, so no
   * other sender (another node, the next round) takes it meanwhile; if this sender dies, it is due
   * again after the lease. False when someone else took it first.
   */
  boolean lease(Entry entry, Date now, Duration lease) {
    return jdbc.update(
            "UPDATE gxp_notification SET next_attempt_at = ? WHERE id = ? AND status = ?"
                + " AND next_attempt_at = ?",
            timestamp(new Date(now.getTime() + lease.toMillis())),
            entry.id(),
            NotificationStatus.PENDING.name(),
            timestamp(entry.nextAttemptAt()))
        == 1;
  }

  void finished(
      String id, NotificationStatus status, String email, Date at, int attempts, String reason) {
    jdbc.update(
        "UPDATE gxp_notification SET status = ?, email = ?, sent_at = ?, attempts = ?,"
            + " last_error = ? WHERE id = ?",
        status.name(),
        clip(email, 320),
        status == NotificationStatus.SENT || status == NotificationStatus.LOGGED
            ? timestamp(at)
            : null,
        attempts,
        clip(reason, 1000),
        id);
  }

  void failedAttempt(String id, String email, int attempts, Date nextAttempt, String error) {
    jdbc.update(
        "UPDATE gxp_notification SET attempts = ?, next_attempt_at = ?, email = ?, last_error = ?"
            + " WHERE id = ? AND status = ?",
        attempts,
        timestamp(nextAttempt),
        clip(email, 320),
        clip(error, 1000),
        id,
        NotificationStatus.PENDING.name());
  }

  /** A user's own notifications, newest first. */
  public List<Entry> of(String recipient, int limit) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM gxp_notification WHERE recipient = ? ORDER BY created_at DESC",
        ps -> {
          ps.setString(1, recipient);
          ps.setMaxRows(limit);
        },
        NotificationOutbox::entry);
  }

  /** The notifications about one task, oldest first (tests, support). */
  public List<Entry> aboutTask(String taskId) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM gxp_notification WHERE task_id = ? ORDER BY created_at",
        NotificationOutbox::entry,
        taskId);
  }

  private static Entry entry(ResultSet row, int index) throws SQLException {
    return new Entry(
        row.getString("id"),
        NotificationKind.valueOf(row.getString("kind")),
        row.getString("recipient"),
        row.getString("task_id"),
        row.getString("task_name"),
        row.getString("business_key"),
        row.getString("process_instance_id"),
        row.getTimestamp("due_date"),
        row.getString("subject"),
        row.getString("body"),
        row.getString("link"),
        NotificationStatus.valueOf(row.getString("status")),
        row.getInt("attempts"),
        row.getTimestamp("created_at"),
        row.getTimestamp("next_attempt_at"),
        row.getTimestamp("sent_at"),
        row.getString("email"),
        row.getString("last_error"));
  }

  private static Timestamp timestamp(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
