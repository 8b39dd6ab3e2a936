package io.gxpflow.integration.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.gxpflow.integration.BusinessRejection;
import io.gxpflow.integration.ExternalSystem;
import io.gxpflow.integration.SystemCalls;
import io.gxpflow.integration.connect.SystemConnectors.DeclaredInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.junit.jupiter.api.Test;

/**
 * What a connector accepts, at deployment and when it runs, and how a rejection reaches the model.
 */
class SystemConnectorTest {

  private final SystemCalls calls = mock(SystemCalls.class);
  private final SystemConnector qms = new SystemConnector("gxp-qms", ExternalSystem.QMS, calls);

  @Test
  void everyDocumentedOperationOfASystemIsAllowedWithItsInputs() {
    assertThat(SystemConnectors.ids()).containsExactly("gxp-crm", "gxp-mes", "gxp-qms");
    assertThat(
            SystemConnectors.refusals(
                "gxp-crm",
                List.of(
                    input("operation", "publish-supply"),
                    input("productCode", null),
                    input("market", "CH"),
                    input("status", "AVAILABLE"),
                    input("quantity", null),
                    input("idempotencyRound", null))))
        .isEmpty();
    assertThat(
            SystemConnectors.refusals(
                "gxp-qms",
                List.of(
                    input("operation", " update-capa "),
                    input("capaId", null),
                    input("actions", null))))
        .isEmpty();
  }

  @Test
  void aReadHasNoRoundAndAPathInputIsRequiredAndAnInputIsGivenOnce() {
    assertThat(
            SystemConnectors.refusals(
                "gxp-qms",
                List.of(
                    input("operation", "qc-results"),
                    input("batchNumber", "B-1"),
                    input("idempotencyRound", "2"))))
        .singleElement()
        .asString()
        .contains("'idempotencyRound' is not one of QMS qc-results's");
    assertThat(
            SystemConnectors.refusals(
                "gxp-crm",
                List.of(
                    input("operation", "publish-supply"),
                    input("market", "CH"),
                    input("status", "AVAILABLE"))))
        .singleElement()
        .asString()
        .contains("needs the input 'productCode'");
    assertThat(
            SystemConnectors.refusals(
                "gxp-mes",
                List.of(
                    input("operation", "batch-record"),
                    input("batchNumber", "B-1"),
                    input("batchNumber", "B-2"))))
        .singleElement()
        .asString()
        .contains("'batchNumber' is given twice");
    assertThat(
            SystemConnectors.refusals("gxp-mes", List.of(input("operation", "create-deviation"))))
        .singleElement()
        .asString()
        .contains("has no operation 'create-deviation'");
  }

  @Test
  void aValueThatIsNoPlainValueIsNeverSent() {
    SystemCallRequest request =
        request(Map.of("operation", "create-deviation", "title", new Object()));
    request.idempotencyKey("p:Record");

    assertThatThrownBy(() -> qms.execute(request))
        .isInstanceOf(ConnectorInputRefused.class)
        .hasMessageContaining("the input 'title' must be text, a number");
    verifyNoInteractions(calls);
  }

  @Test
  void anIdWithASlashOrADotSegmentIsNeverSent() {
    for (String id : List.of("DEV-1/close", "..", ".hidden", "DEV 1", "")) {
      assertThatThrownBy(
              () -> qms.execute(request(Map.of("operation", "close-deviation", "deviationId", id))))
          .isInstanceOf(ConnectorInputRefused.class)
          .hasMessageContaining("'deviationId' must be an id");
    }
    verifyNoInteractions(calls);
  }

  @Test
  void aWriteOutsideAProcessStepHasNoKeyAndIsNotSent() {
    assertThatThrownBy(
            () -> qms.execute(request(Map.of("operation", "close-capa", "capaId", "CAPA-1"))))
        .isInstanceOf(ConnectorInputRefused.class)
        .hasMessageContaining("idempotency key");
    verifyNoInteractions(calls);
  }

  @Test
  void aBusinessRejectionIsTheBpmnErrorOfTheSystemAndItsCode() {
    when(calls.call(eq(ExternalSystem.QMS), eq("close-deviation"), eq("p:Close"), any()))
        .thenThrow(
            new BusinessRejection(
                ExternalSystem.QMS, "close-deviation", "DEVIATION_UNKNOWN", null));
    SystemCallRequest request =
        request(
            Map.of(
                "operation",
                "close-deviation",
                "deviationId",
                "DEV-2026-0099",
                "closureSummary",
                "done"));
    request.idempotencyKey("p:Close");

    assertThatThrownBy(() -> qms.execute(request))
        .isInstanceOfSatisfying(
            BpmnError.class,
            error -> assertThat(error.getErrorCode()).isEqualTo("QMS_DEVIATION_UNKNOWN"));
  }

  private SystemCallRequest request(Map<String, Object> parameters) {
    SystemCallRequest request = qms.createRequest();
    request.setRequestParameters(new HashMap<>(parameters));
    return request;
  }

  private static DeclaredInput input(String name, String literal) {
    return new DeclaredInput(name, literal);
  }
}
