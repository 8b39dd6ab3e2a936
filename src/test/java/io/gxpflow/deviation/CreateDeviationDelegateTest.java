package io.gxpflow.deviation;

import static io.gxpflow.deviation.DeviationVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.gxpflow.integration.BusinessRejection;
import io.gxpflow.integration.ExternalSystem;
import io.gxpflow.integration.qms.QmsPort;
import io.gxpflow.integration.qms.QmsPort.NewDeviation;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Variables in, one port call with the step's Idempotency-Key, deviationId out. */
class CreateDeviationDelegateTest {

  QmsPort qms = mock(QmsPort.class);
  DelegateExecution execution = mock(DelegateExecution.class);
  CreateDeviationDelegate delegate = new CreateDeviationDelegate(qms);

  @BeforeEach
  void variables() {
    when(execution.getProcessInstanceId()).thenReturn("pi-1");
    when(execution.getCurrentActivityId()).thenReturn("RecordDeviation");
    when(execution.getVariable(TITLE.name())).thenReturn("Temperature excursion");
    when(execution.getVariable(DESCRIPTION.name())).thenReturn("24 °C for 40 min");
    when(execution.getVariable(SITE.name())).thenReturn("Basel");
    when(execution.getVariable(PRODUCT.name())).thenReturn("P-100");
    when(execution.getVariable(AFFECTED_BATCH_NUMBERS.name())).thenReturn(List.of("B-2026-0042"));
    when(execution.getVariable(CATEGORY.name())).thenReturn("PROCESS");
    when(execution.getVariable(OCCURRED_AT.name()))
        .thenReturn(Date.from(Instant.parse("2026-11-22T08:00:00Z")));
  }

  @Test
  void createsTheDeviationAndSetsItsId() {
    when(qms.createDeviation(any(), eq("pi-1:RecordDeviation"))).thenReturn("DEV-2026-0007");

    delegate.execute(execution);

    ArgumentCaptor<NewDeviation> sent = ArgumentCaptor.forClass(NewDeviation.class);
    verify(qms).createDeviation(sent.capture(), eq("pi-1:RecordDeviation"));
    assertThat(sent.getValue())
        .isEqualTo(
            new NewDeviation(
                "Temperature excursion",
                "24 °C for 40 min",
                "Basel",
                "P-100",
                List.of("B-2026-0042"),
                "PROCESS",
                Instant.parse("2026-11-22T08:00:00Z")));
    verify(execution).setVariable("deviationId", "DEV-2026-0007");
    verify(execution).setProcessBusinessKey("DEV-2026-0007");
  }

  @Test
  void aRejectionBecomesTheBpmnError() {
    when(qms.createDeviation(any(), any()))
        .thenThrow(
            new BusinessRejection(
                ExternalSystem.QMS, "create-deviation", "BATCH_UNKNOWN", "no batch"));

    assertThatThrownBy(() -> delegate.execute(execution))
        .isInstanceOf(BpmnError.class)
        .satisfies(e -> assertThat(((BpmnError) e).getErrorCode()).isEqualTo("QMS_BATCH_UNKNOWN"));
  }
}
