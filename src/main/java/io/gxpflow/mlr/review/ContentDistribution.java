package io.gxpflow.mlr.review;

import static io.gxpflow.mlr.review.MlrVariables.*;

import io.gxpflow.compliance.EngineContext;
import io.gxpflow.compliance.InvalidTaskInput;
import io.gxpflow.compliance.validation.FieldViolation;
import io.gxpflow.integration.IdempotencyKeys;
import io.gxpflow.integration.SystemCallDelegate;
import io.gxpflow.integration.crm.CrmPort;
import io.gxpflow.mlr.content.ContentRepository;
import io.gxpflow.mlr.content.ContentStatus;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * After the signature: the release (approval code, expiry, the version marked approved), the CRM
 * publication, and the ways approved content leaves distribution — retired, expired, withdrawn — or
 * a review that never got there, cancelled.
 */
@Configuration(proxyBeanMethods = false)
public class ContentDistribution {

  /** Periodic review this many days before the expiry date. */
  static final int PERIODIC_REVIEW_DAYS = 30;

  /**
   * {@code ${mlrRelease}}, when the coordinator releases: the expiry date must lie after today; the
   * approval code is the item, version and year ({@code MLR-2026-0042-V2}), printed on the piece.
   */
  @Bean
  public TaskListener mlrRelease(ContentRepository content) {
    return task -> {
      LocalDate today = EngineContext.now().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
      LocalDate expiry = expiryDate(task.getId(), EXPIRY_DATE.from(task), today);
      String itemId = CONTENT_ID.from(task);
      int version = CONTENT_VERSION.from(task);
      String approvalCode = itemId + "-V" + version;
      content.markApproved(itemId, version, approvalCode, expiry);
      APPROVAL_CODE.set(task, approvalCode);
      EXPIRY_DATE.set(task, expiry.toString());
      // valid through the expiry date: expired at the start of the day after
      EXPIRES_AT.set(task, startOf(expiry.plusDays(1)));
      PERIODIC_REVIEW_AT.set(task, startOf(expiry.minusDays(PERIODIC_REVIEW_DAYS)));
    };
  }

  static LocalDate expiryDate(String taskId, String text, LocalDate today) {
    LocalDate expiry;
    try {
      expiry = LocalDate.parse(text == null ? "" : text.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidTaskInput(
          taskId, List.of(new FieldViolation(EXPIRY_DATE.name(), "not a date", "Expiry date")));
    }
    if (!expiry.isAfter(today.plusDays(PERIODIC_REVIEW_DAYS))) {
      throw new InvalidTaskInput(
          taskId,
          List.of(
              new FieldViolation(
                  EXPIRY_DATE.name(),
                  "must be more than " + PERIODIC_REVIEW_DAYS + " days after today",
                  "Expiry date")));
    }
    return expiry;
  }

  private static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** {@code ${mlrPublished}}: out in the CRM, so a withdrawal must pull it back. */
  @Bean
  public ExecutionListener mlrPublished() {
    return execution -> PUBLISHED.set(execution, true);
  }

  /** {@code ${mlrExpired}}: the expiry date passed before the periodic review was decided. */
  @Bean
  public ExecutionListener mlrExpired() {
    return execution ->
        WITHDRAWAL_REASON.set(execution, "Expired on " + EXPIRY_DATE.from(execution));
  }

  /**
   * {@code ${mlrWithdrawContent}}: pulls the item back from every CRM channel and market and marks
   * its approved version withdrawn, with the reason (a withdrawn claim, retired, expired); a next
   * version in review is cancelled.
   */
  @Bean
  public SystemCallDelegate mlrWithdrawContent(CrmPort crm, ContentRepository content) {
    return execution -> {
      String itemId = CONTENT_ID.from(execution);
      String reason = WITHDRAWAL_REASON.from(execution, "Retired at periodic review");
      crm.withdrawContent(itemId, reason, IdempotencyKeys.of(execution));
      content.markWithdrawn(itemId, reason);
      // a next version still in review goes with it
      content
          .find(itemId, CONTENT_VERSION.from(execution))
          .filter(version -> version.status() == ContentStatus.IN_REVIEW)
          .ifPresent(version -> content.markCancelled(itemId, version.content().version(), reason));
      PUBLISHED.set(execution, false);
    };
  }

  /**
   * {@code ${mlrCancelled}}: a review that ends before approval (cancelled at the round limit, or
   * withdrawn before it was published) leaves its version cancelled, with the reason.
   */
  @Bean
  public ExecutionListener mlrCancelled(ContentRepository content) {
    return execution -> {
      String reason = ROUND_LIMIT_REASON.from(execution);
      if (reason == null) {
        reason = WITHDRAWAL_REASON.from(execution, "Withdrawn before publication");
      }
      content.markCancelled(CONTENT_ID.from(execution), CONTENT_VERSION.from(execution), reason);
    };
  }
}
