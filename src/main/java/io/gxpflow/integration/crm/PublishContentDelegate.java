package io.gxpflow.integration.crm;

import io.gxpflow.integration.IdempotencyKeys;
import io.gxpflow.integration.SystemCallDelegate;
import io.gxpflow.integration.crm.CrmPort.ContentPublication;
import io.gxpflow.integration.crm.CrmPort.Distribution;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code camunda:delegateExpression="${crmPublishContent}"}: publishes the approved content of the
 * process to the CRM. Reads {@code contentId} (else the business key), {@code contentVersion},
 * {@code contentTitle}, {@code channels}, {@code markets} (a list or comma-separated text, as forms
 * give them) and {@code expiryDate} (ISO date). Writes back {@code crmDistributionId} and {@code
 * crmPublishedAt}. A business rejection becomes a BPMN error ({@code CRM_CONTENT_EXPIRED}, {@code
 * CRM_MARKET_UNKNOWN}, …). A general delegate for any process that distributes content (mlr-review,
 * with its issue).
 */
@Component("crmPublishContent")
public class PublishContentDelegate implements SystemCallDelegate {

  private final CrmPort crm;

  public PublishContentDelegate(CrmPort crm) {
    this.crm = crm;
  }

  @Override
  public void call(DelegateExecution execution) {
    Object contentId = execution.getVariable("contentId");
    ContentPublication content =
        new ContentPublication(
            contentId == null ? execution.getProcessBusinessKey() : contentId.toString(),
            Integer.parseInt(String.valueOf(execution.getVariable("contentVersion")).trim()),
            (String) execution.getVariable("contentTitle"),
            list(execution.getVariable("channels")),
            list(execution.getVariable("markets")),
            LocalDate.parse(String.valueOf(execution.getVariable("expiryDate")).trim()));
    Distribution distribution = crm.publishContent(content, IdempotencyKeys.of(execution));
    execution.setVariable("crmDistributionId", distribution.distributionId());
    execution.setVariable("crmPublishedAt", String.valueOf(distribution.publishedAt()));
  }

  static List<String> list(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> values) {
      return values.stream()
          .map(String::valueOf)
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .toList();
    }
    return Arrays.stream(value.toString().split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
