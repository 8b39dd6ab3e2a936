package io.gxpflow.notification;

/** Where a notification in the outbox stands. */
public enum NotificationStatus {
  /** Waiting for the sender: new, or after a failed attempt until its backoff has passed. */
  PENDING,
  /** Taken by the SMTP server. */
  SENT,
  /** No SMTP server configured (the embedded default): delivered to the outbox and the log only. */
  LOGGED,
  /** Not sent, on purpose: the user switched notifications off, or has no email address. */
  SKIPPED,
  /** Not sent and never will be: the message or the address is malformed. */
  FAILED
}
