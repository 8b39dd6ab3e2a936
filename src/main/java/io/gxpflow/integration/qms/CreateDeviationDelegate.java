package io.gxpflow.integration.qms;

import io.gxpflow.integration.BusinessRejection;
import io.gxpflow.integration.IdempotencyKeys;
import io.gxpflow.integration.qms.QmsPort.NewDeviation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code camunda:delegateExpression="${qmsCreateDeviation}"}: records a deviation in the QMS from
 * {@code deviationTitle}, {@code deviationDescription}, {@code site}, {@code productCode}, {@code batchNumbers}
 * (a list, or else {@code batchNumber}), {@code deviationCategory} and {@code occurredAt} (Date or ISO string,
 * default now). Writes back {@code deviationId}. A business rejection becomes a BPMN error ({@code QMS_...}).
 */
@Component("qmsCreateDeviation")
public class CreateDeviationDelegate implements JavaDelegate {

  private final QmsPort qms;

  public CreateDeviationDelegate(QmsPort qms) {
    this.qms = qms;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NewDeviation deviation = new NewDeviation(
        (String) execution.getVariable("deviationTitle"),
        (String) execution.getVariable("deviationDescription"),
        (String) execution.getVariable("site"),
        (String) execution.getVariable("productCode"),
        batchNumbers(execution),
        (String) execution.getVariable("deviationCategory"),
        occurredAt(execution.getVariable("occurredAt")));
    try {
      execution.setVariable("deviationId", qms.createDeviation(deviation, IdempotencyKeys.of(execution)));
    } catch (BusinessRejection rejection) {
      throw rejection.toBpmnError();
    }
  }

  private static List<String> batchNumbers(DelegateExecution execution) {
    if (execution.getVariable("batchNumbers") instanceof Collection<?> numbers) {
      return numbers.stream().map(String::valueOf).toList();
    }
    Object single = execution.getVariable("batchNumber");
    return single == null ? List.of() : List.of(single.toString());
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
