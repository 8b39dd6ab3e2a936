package io.gxpflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimulatorFaultsTest {

  SimulatorFaults faults = new SimulatorFaults();

  @Test
  void aFaultWithTimesAppliesThatOftenThenIsGone() {
    faults.set("mes", "batch-record", 503, 0L, false, 2);

    assertThat(faults.take("mes", "batch-record").times()).isEqualTo(2);
    assertThat(faults.list()).singleElement().extracting(Fault::times).isEqualTo(1);
    assertThat(faults.take("mes", "batch-record")).isNotNull();
    assertThat(faults.take("mes", "batch-record")).isNull();
    assertThat(faults.list()).isEmpty();
  }

  @Test
  void aFaultWithoutTimesStaysUntilCleared() {
    faults.set("mes", "set-status", null, 10L, true, null);

    for (int i = 0; i < 5; i++) {
      assertThat(faults.take("mes", "set-status")).isNotNull();
    }
    assertThat(faults.take("mes", "batch-record")).isNull();
    assertThat(faults.clear("mes", "set-status")).isTrue();
    assertThat(faults.take("mes", "set-status")).isNull();
  }

  @Test
  void injectAnswersTheStatusAsProblem() {
    faults.set("mes", "batch-record", 503, null, null, 1);

    assertThatThrownBy(() -> faults.inject("mes", "batch-record"))
        .isInstanceOfSatisfying(
            SimulatorProblem.class,
            problem -> {
              assertThat(problem.status().value()).isEqualTo(503);
              assertThat(problem.code()).isEqualTo("FAULT_INJECTED");
            });
    faults.inject("mes", "batch-record"); // used up: normal answer
  }

  @Test
  void refusesUnknownOperationsAndFaultsThatDoNothingOrContradict() {
    assertThatThrownBy(() -> faults.set("mes", "delete-batch", 503, null, null, null))
        .hasFieldOrPropertyWithValue("code", "UNKNOWN_OPERATION");
    assertThatThrownBy(() -> faults.set("qms", "batch-record", 503, null, null, null))
        .hasFieldOrPropertyWithValue("code", "UNKNOWN_OPERATION");
    assertThatThrownBy(() -> faults.set("mes", "set-status", null, 0L, false, null))
        .hasFieldOrPropertyWithValue("code", "INVALID_FAULT");
    assertThatThrownBy(() -> faults.set("mes", "set-status", 200, null, null, null))
        .hasFieldOrPropertyWithValue("code", "INVALID_FAULT");
    assertThatThrownBy(() -> faults.set("mes", "set-status", 503, null, true, null))
        .hasFieldOrPropertyWithValue("code", "INVALID_FAULT");
    assertThatThrownBy(() -> faults.set("mes", "set-status", 503, null, null, 0))
        .hasFieldOrPropertyWithValue("code", "INVALID_FAULT");
    assertThatThrownBy(() -> faults.set("mes", "set-status", null, -1L, null, null))
        .hasFieldOrPropertyWithValue("code", "INVALID_FAULT");
    assertThat(faults.list()).isEmpty();
  }
}
