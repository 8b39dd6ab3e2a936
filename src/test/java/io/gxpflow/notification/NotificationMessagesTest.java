package io.gxpflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** What a mail says, its link, and how long the sender waits after failed attempts. */
class NotificationMessagesTest {

  static final Date DUE = Date.from(Instant.parse("2026-12-03T17:00:00Z"));

  final NotificationProperties properties =
      new NotificationProperties(
          true,
          "https://gxpflow.example.com/",
          "GxP Flow <noreply@gxpflow.example>",
          Duration.ofDays(2),
          Duration.ofMinutes(1),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofHours(1),
          Duration.ofMinutes(5),
          50);

  @Test
  void theLinkOpensTheTaskInTasklistUnderTheConfiguredBaseUrl() {
    assertThat(properties.taskLink("4711"))
        .isEqualTo("https://gxpflow.example.com/camunda/app/tasklist/default/#/?task=4711");
  }

  @Test
  void subjectsNameWhatHappenedTheTaskAndTheCase() {
    assertThat(NotificationMessages.subject(notice(NotificationKind.ASSIGNED)))
        .isEqualTo("GxP Flow: Task assigned to you: Initial assessment (DEV-2026-0007)");
    assertThat(NotificationMessages.subject(notice(NotificationKind.RETURNED)))
        .isEqualTo("GxP Flow: Task returned to you: Initial assessment (DEV-2026-0007)");
    assertThat(NotificationMessages.subject(notice(NotificationKind.DUE_SOON)))
        .isEqualTo("GxP Flow: Task due 2026-12-03 17:00 UTC: Initial assessment (DEV-2026-0007)");
    assertThat(NotificationMessages.subject(notice(NotificationKind.OVERDUE)))
        .isEqualTo(
            "GxP Flow: Task overdue since 2026-12-03 17:00 UTC: Initial assessment (DEV-2026-0007)");
  }

  @Test
  void theBodyCarriesTheLinkAndTheDueDateAndNoCaseData() {
    String body =
        NotificationMessages.body(notice(NotificationKind.ASSIGNED), properties.taskLink("t-1"));
    assertThat(body)
        .contains("\"Initial assessment\" of DEV-2026-0007 has been assigned to you.")
        .contains("Due: 2026-12-03 17:00 UTC")
        .contains("https://gxpflow.example.com/camunda/app/tasklist/default/#/?task=t-1")
        .contains("PUT /api/notifications/settings");
  }

  @Test
  void aTaskNameFromAModelCannotAddMailHeaders() {
    TaskNotice hostile =
        new TaskNotice(
            NotificationKind.ASSIGNED,
            "ivan",
            "t-1",
            "Review\r\nBcc: everyone@example.com",
            "DEV-1",
            "p-1",
            null);
    assertThat(NotificationMessages.subject(hostile))
        .isEqualTo("GxP Flow: Task assigned to you: Review Bcc: everyone@example.com (DEV-1)")
        .doesNotContain("\r", "\n");
  }

  @Test
  void retriesWaitLongerEachTimeUpToTheMaximum() {
    assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(properties.backoff(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(properties.backoff(3)).isEqualTo(Duration.ofMinutes(2));
    assertThat(properties.backoff(7)).isEqualTo(Duration.ofMinutes(32));
    assertThat(properties.backoff(8)).as("64 minutes, capped").isEqualTo(Duration.ofHours(1));
    assertThat(properties.backoff(1000)).isEqualTo(Duration.ofHours(1));
  }

  private static TaskNotice notice(NotificationKind kind) {
    return new TaskNotice(kind, "ivan", "t-1", "Initial assessment", "DEV-2026-0007", "p-1", DUE);
  }
}
