/**
 * Email notifications for every process: a task assigned to someone or returned to them for rework,
 * a due date near or passed. Written to a transactional outbox ({@code gxp_notification}) in the
 * engine's transaction, sent after commit by a scheduled sender over SMTP ({@code spring.mail.*})
 * with retries and backoff; without SMTP (the embedded default) the outbox and the log are the
 * delivery. Per-user opt-out and the user's own outbox under {@code /api/notifications}. May use
 * the engine, Spring, compliance and identity; no process package.
 */
package io.gxpflow.notification;
