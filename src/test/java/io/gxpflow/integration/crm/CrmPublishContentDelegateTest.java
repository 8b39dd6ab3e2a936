package io.gxpflow.integration.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.gxpflow.integration.BusinessRejection;
import io.gxpflow.integration.ExternalSystem;
import io.gxpflow.integration.crm.CrmPort.ContentPublication;
import io.gxpflow.integration.crm.CrmPort.Distribution;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/**
 * The crmPublishContent delegate: process variables to a CRM publication and back, rejections to
 * BPMN errors.
 */
class CrmPublishContentDelegateTest {

  AtomicReference<ContentPublication> published = new AtomicReference<>();
  AtomicReference<String> usedKey = new AtomicReference<>();
  DelegateExecution execution = mock(DelegateExecution.class);

  @Test
  void publishesFromTheVariablesWithTheStepsKeyAndWritesTheDistributionBack() {
    variables("MLR-2026-0007", null);

    new PublishContentDelegate(crm(null)).execute(execution);

    assertThat(published.get())
        .isEqualTo(
            new ContentPublication(
                "MLR-2026-0007",
                3,
                "Dosing leaflet",
                List.of("email", "rep-detail"),
                List.of("CH", "DE"),
                LocalDate.of(2027, 6, 30)));
    assertThat(usedKey.get()).isEqualTo("pi-1:PublishToCrm");
    verify(execution).setVariable("crmDistributionId", "DIST-7");
    verify(execution).setVariable("crmPublishedAt", "2026-11-22T09:00:00Z");
  }

  @Test
  void withoutAContentIdVariableTheBusinessKeyIsTheContent() {
    variables(null, "MLR-2026-0008");

    new PublishContentDelegate(crm(null)).execute(execution);

    assertThat(published.get().contentId()).isEqualTo("MLR-2026-0008");
  }

  @Test
  void aRejectionBecomesTheBpmnErrorTheModelCatches() {
    variables("MLR-2026-0007", null);
    BusinessRejection expired =
        new BusinessRejection(ExternalSystem.CRM, "publish-content", "CONTENT_EXPIRED", "x");

    assertThatThrownBy(() -> new PublishContentDelegate(crm(expired)).execute(execution))
        .isInstanceOf(BpmnError.class)
        .satisfies(
            e -> assertThat(((BpmnError) e).getErrorCode()).isEqualTo("CRM_CONTENT_EXPIRED"));
  }

  @Test
  void readsListsAndCommaSeparatedText() {
    assertThat(PublishContentDelegate.list(List.of("email", " web ")))
        .containsExactly("email", "web");
    assertThat(PublishContentDelegate.list("CH, DE,,FR")).containsExactly("CH", "DE", "FR");
    assertThat(PublishContentDelegate.list(null)).isEmpty();
  }

  private void variables(String contentId, String businessKey) {
    when(execution.getProcessInstanceId()).thenReturn("pi-1");
    when(execution.getCurrentActivityId()).thenReturn("PublishToCrm");
    when(execution.getProcessBusinessKey()).thenReturn(businessKey);
    when(execution.getVariable("contentId")).thenReturn(contentId);
    when(execution.getVariable("contentVersion")).thenReturn(3L);
    when(execution.getVariable("contentTitle")).thenReturn("Dosing leaflet");
    when(execution.getVariable("channels")).thenReturn("email, rep-detail");
    when(execution.getVariable("markets")).thenReturn(List.of("CH", "DE"));
    when(execution.getVariable("expiryDate")).thenReturn("2027-06-30");
  }

  private CrmPort crm(BusinessRejection rejection) {
    return new CrmPort() {
      @Override
      public Distribution publishContent(ContentPublication content, String idempotencyKey) {
        if (rejection != null) {
          throw rejection;
        }
        published.set(content);
        usedKey.set(idempotencyKey);
        return new Distribution(
            "DIST-7",
            content.contentId(),
            content.version(),
            Instant.parse("2026-11-22T09:00:00Z"));
      }

      @Override
      public Withdrawal withdrawContent(String contentId, String reason, String idempotencyKey) {
        throw new UnsupportedOperationException();
      }

      @Override
      public SupplyUpdate publishSupply(SupplyAvailability supply, String idempotencyKey) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
