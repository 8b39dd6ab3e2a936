package io.gxpflow.notification;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * Subject and text of a notification. They name the task, its case (business key) and its due date,
 * and link to the task; no case data: the mail leaves the validated system, the record stays in it.
 * Task names come from deployed models, so control characters are flattened (no header injection).
 */
final class NotificationMessages {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private NotificationMessages() {}

  static String subject(TaskNotice notice) {
    String what =
        switch (notice.kind()) {
          case ASSIGNED -> "Task assigned to you";
          case RETURNED -> "Task returned to you";
          case DUE_SOON -> "Task due " + date(notice.dueDate());
          case OVERDUE -> "Task overdue since " + date(notice.dueDate());
        };
    return clip("GxP Flow: " + what + ": " + taskAndCase(notice), 300);
  }

  static String body(TaskNotice notice, String link) {
    String what =
        switch (notice.kind()) {
          case ASSIGNED -> "has been assigned to you.";
          case RETURNED -> "has been sent back to you: a step you completed is due again.";
          case DUE_SOON -> "is due on " + date(notice.dueDate()) + ".";
          case OVERDUE -> "was due on " + date(notice.dueDate()) + " and is still open.";
        };
    StringBuilder text = new StringBuilder();
    text.append("Hello,\n\nthe task \"")
        .append(flat(notice.taskName()))
        .append('"')
        .append(notice.businessKey() == null ? "" : " of " + flat(notice.businessKey()))
        .append(' ')
        .append(what)
        .append("\n\n");
    if (notice.dueDate() != null
        && (notice.kind() == NotificationKind.ASSIGNED
            || notice.kind() == NotificationKind.RETURNED)) {
      text.append("Due: ").append(date(notice.dueDate())).append("\n\n");
    }
    text.append("Open it in Tasklist:\n").append(link).append("\n\n");
    text.append(
        "-- \nGxP Flow sends this because notifications are on for your user. Switch them off"
            + " with PUT /api/notifications/settings {\"enabled\": false}.\n");
    return text.toString();
  }

  private static String taskAndCase(TaskNotice notice) {
    String task = flat(notice.taskName());
    return notice.businessKey() == null ? task : task + " (" + flat(notice.businessKey()) + ")";
  }

  static String date(Date date) {
    return date == null ? "-" : UTC.format(date.toInstant());
  }

  /** One line of printable text: line breaks and other control characters become spaces. */
  static String flat(String text) {
    return text == null ? "(unnamed task)" : text.replaceAll("\\p{Cntrl}+", " ").strip();
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
