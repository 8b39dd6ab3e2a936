package io.gxpflow.notification;

/** Why a user hears about a task (docs/notifications.md). */
public enum NotificationKind {
  /** Someone else (or the model, a CAPA owner say) made the user the task's assignee. */
  ASSIGNED,
  /** A step the user completed is due again in the same case: sent back for rework. */
  RETURNED,
  /** The task's due date is within {@code gxpflow.notifications.due-soon}. */
  DUE_SOON,
  /** The task's due date has passed. */
  OVERDUE
}
