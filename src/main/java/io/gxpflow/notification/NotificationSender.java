package io.gxpflow.notification;

import io.gxpflow.compliance.EngineContext;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, after the commit that queued it: by SMTP when {@code
 * spring.mail.host} is set, else to the log (the embedded default). A failed attempt is retried
 * with a backoff that doubles up to {@code max-retry}, for as long as it takes: nothing is lost
 * while the SMTP server is down. Only a malformed message or address fails for good. Delivery is at
 * least once: a sender that dies after the SMTP server took the mail sends it again after the
 * lease.
 */
@Component
public class NotificationSender {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);

  private final NotificationOutbox outbox;
  private final NotificationSettings settings;
  private final IdentityService identity;
  private final JavaMailSender mail;
  private final NotificationProperties properties;

  public NotificationSender(
      NotificationOutbox outbox,
      NotificationSettings settings,
      IdentityService identity,
      ObjectProvider<JavaMailSender> mail,
      NotificationProperties properties) {
    this.outbox = outbox;
    this.settings = settings;
    this.identity = identity;
    this.mail = mail.getIfAvailable();
    this.properties = properties;
    if (this.mail == null) {
      LOG.info(
          "Notifications: no SMTP server configured (spring.mail.host), mail goes to the outbox"
              + " (/api/notifications) and this log only");
    }
  }

  /** One round: every due notification, up to {@code batch-size}; the number handled. */
  public synchronized int sendDue() {
    Date now = EngineContext.now();
    int handled = 0;
    for (NotificationOutbox.Entry entry : outbox.due(now, properties.batchSize())) {
      if (outbox.lease(entry, now, properties.lease())) {
        deliver(entry, now);
        handled++;
      }
    }
    return handled;
  }

  private void deliver(NotificationOutbox.Entry entry, Date now) {
    int attempts = entry.attempts() + 1;
    if (!settings.enabled(entry.recipient())) {
      outbox.finished(
          entry.id(),
          NotificationStatus.SKIPPED,
          null,
          now,
          entry.attempts(),
          "notifications switched off by the user");
      return;
    }
    String email;
    try {
      User user = identity.createUserQuery().userId(entry.recipient()).singleResult();
      email = user == null ? null : user.getEmail();
    } catch (RuntimeException identityDown) {
      retry(entry, null, attempts, now, "identity service: " + identityDown.getMessage());
      return;
    }
    if (email == null || email.isBlank()) {
      outbox.finished(
          entry.id(),
          NotificationStatus.SKIPPED,
          null,
          now,
          entry.attempts(),
          "the user has no email address");
      return;
    }
    if (mail == null) {
      LOG.info(
          "NOTIFICATION {} to {} <{}>: {} {}",
          entry.kind(),
          entry.recipient(),
          email,
          entry.subject(),
          entry.link());
      outbox.finished(entry.id(), NotificationStatus.LOGGED, email, now, attempts, null);
      return;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(properties.from());
    message.setTo(email);
    message.setSubject(entry.subject());
    message.setText(entry.body());
    message.setSentDate(now);
    try {
      mail.send(message);
      outbox.finished(entry.id(), NotificationStatus.SENT, email, now, attempts, null);
    } catch (MailParseException | MailPreparationException malformed) {
      LOG.error(
          "Notification {} to {} cannot be sent: {}", entry.id(), email, malformed.getMessage());
      outbox.finished(
          entry.id(), NotificationStatus.FAILED, email, now, attempts, malformed.getMessage());
    } catch (MailException down) {
      retry(entry, email, attempts, now, down.getMessage());
    }
  }

  private void retry(
      NotificationOutbox.Entry entry, String email, int attempts, Date now, String error) {
    Date next = new Date(now.getTime() + properties.backoff(attempts).toMillis());
    LOG.warn(
        "Notification {} to {} not sent (attempt {}), next attempt at {}: {}",
        entry.id(),
        entry.recipient(),
        attempts,
        next.toInstant(),
        error);
    outbox.failedAttempt(entry.id(), email, attempts, next, error);
  }
}
