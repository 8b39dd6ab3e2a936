package io.gxpflow.deviation;

import static io.gxpflow.deviation.DeviationVariables.*;

import io.gxpflow.integration.IdempotencyKeys;
import io.gxpflow.integration.SystemCallDelegate;
import io.gxpflow.integration.qms.QmsPort;
import io.gxpflow.integration.qms.QmsPort.NewDeviation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code camunda:delegateExpression="${qmsCreateDeviation}"}: records a deviation in the QMS from
 * the intake variables of {@code deviation-capa} ({@code title}, {@code description}, {@code site},
 * {@code product}, {@code affectedBatchNumbers} (a list), {@code category}, {@code occurredAt}
 * (Date or ISO string, default now)). Writes back {@code deviationId} and makes it the business
 * key, as the contract names it. A business rejection becomes a BPMN error ({@code QMS_...}).
 */
@Component("qmsCreateDeviation")
public class CreateDeviationDelegate implements SystemCallDelegate {

  private final QmsPort qms;

  public CreateDeviationDelegate(QmsPort qms) {
    this.qms = qms;
  }

  @Override
  public void call(DelegateExecution execution) {
    NewDeviation deviation =
        new NewDeviation(
            TITLE.from(execution),
            DESCRIPTION.from(execution),
            SITE.from(execution),
            PRODUCT.from(execution),
            AFFECTED_BATCH_NUMBERS.from(execution, List.of()),
            CATEGORY.from(execution),
            occurredAt(OCCURRED_AT.from(execution)));
    String deviationId = qms.createDeviation(deviation, IdempotencyKeys.of(execution));
    DEVIATION_ID.set(execution, deviationId);
    execution.setProcessBusinessKey(deviationId);
  }

  private static Instant occurredAt(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof String text && !text.isBlank()) {
      // forms send an offset ("2026-11-22T10:15:00+01:00"), the API wants an instant
      return OffsetDateTime.parse(text).toInstant();
    }
    return Instant.now();
  }
}
