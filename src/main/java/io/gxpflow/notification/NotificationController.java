package io.gxpflow.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Date;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's own notifications: {@code GET /api/notifications} (their outbox, newest first: what was
 * or will be mailed, or only logged where no SMTP server is configured) and {@code GET|PUT
 * /api/notifications/settings} (switch them off and on). Always the caller's own; nobody reads or
 * switches another user's.
 */
@RestController
@RequestMapping("/api/notifications")
public class NotificationController {

  /** The newest this many; older ones stay in the table. */
  static final int LIMIT = 100;

  /** {@code enabled} must be given, as JSON true or false. */
  public record SettingsRequest(@NotNull(message = "is required") Boolean enabled) {}

  public record Settings(String userId, boolean enabled) {}

  public record Notification(
      String id,
      NotificationKind kind,
      String taskId,
      String taskName,
      String businessKey,
      Date dueDate,
      String subject,
      String body,
      String link,
      NotificationStatus status,
      int attempts,
      Date createdAt,
      Date sentAt,
      String email) {}

  private final NotificationOutbox outbox;
  private final NotificationSettings settings;

  public NotificationController(NotificationOutbox outbox, NotificationSettings settings) {
    this.outbox = outbox;
    this.settings = settings;
  }

  @GetMapping
  public List<Notification> mine(Authentication user) {
    return outbox.of(user.getName(), LIMIT).stream()
        .map(
            entry ->
                new Notification(
                    entry.id(),
                    entry.kind(),
                    entry.taskId(),
                    entry.taskName(),
                    entry.businessKey(),
                    entry.dueDate(),
                    entry.subject(),
                    entry.body(),
                    entry.link(),
                    entry.status(),
                    entry.attempts(),
                    entry.createdAt(),
                    entry.sentAt(),
                    entry.email()))
        .toList();
  }

  @GetMapping("/settings")
  public Settings settings(Authentication user) {
    return new Settings(user.getName(), settings.enabled(user.getName()));
  }

  @PutMapping("/settings")
  public Settings change(Authentication user, @Valid @RequestBody SettingsRequest request) {
    settings.set(user.getName(), request.enabled());
    return new Settings(user.getName(), request.enabled());
  }
}
