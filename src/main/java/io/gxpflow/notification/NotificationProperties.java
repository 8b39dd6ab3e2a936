package io.gxpflow.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gxpflow.notifications.*} (application.yaml). The SMTP server itself is Spring's {@code
 * spring.mail.*}: without {@code spring.mail.host} there is no SMTP and mail stays in the outbox
 * and the log.
 *
 * @param enabled off: nothing is written to the outbox and nothing is scanned
 * @param baseUrl how users reach this application, for the link to the task in Tasklist
 * @param from the sender address of every mail
 * @param dueSoon how long before its due date a task counts as due soon
 * @param scanInterval how often open tasks are scanned for due dates
 * @param sendInterval how often the sender looks for mail to send (and right after a commit)
 * @param firstRetry the wait after a first failed attempt; it doubles with every further one …
 * @param maxRetry … up to this; attempts go on until the SMTP server takes the mail
 * @param lease how long one sender holds a mail it is sending before another may try it
 * @param batchSize mails per round of the sender
 */
@ConfigurationProperties("gxpflow.notifications")
public record NotificationProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("GxP Flow <noreply@gxpflow.example>") String from,
    @DefaultValue("P2D") Duration dueSoon,
    @DefaultValue("PT1M") Duration scanInterval,
    @DefaultValue("PT10S") Duration sendInterval,
    @DefaultValue("PT30S") Duration firstRetry,
    @DefaultValue("PT1H") Duration maxRetry,
    @DefaultValue("PT5M") Duration lease,
    @DefaultValue("50") int batchSize) {

  /** The Tasklist page of one task. */
  public String taskLink(String taskId) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return base + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
  public Duration backoff(int attempts) {
    Duration wait = firstRetry;
    for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
  }
}
