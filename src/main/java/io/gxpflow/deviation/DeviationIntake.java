package io.gxpflow.deviation;

import static io.gxpflow.deviation.DeviationVariables.*;

import io.gxpflow.compliance.EngineContext;
import io.gxpflow.compliance.variables.ProcessVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${deviationIntake}}, on the intake gateway both start events lead to: the affected batches
 * as a list ({@code affectedBatchNumbers}, from the comma-separated {@code affectedBatches} the
 * form and the MES event give), the time of reporting, and the counters and flags the rest of the
 * model reads, so no expression meets a variable that is not there.
 */
@Component("deviationIntake")
public class DeviationIntake implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    AFFECTED_BATCH_NUMBERS.set(execution, batchNumbers(AFFECTED_BATCHES.from(execution)));
    REPORTED_AT.set(execution, EngineContext.now());
    HELD_BATCH_NUMBERS.set(execution, new ArrayList<>());
    CLASSIFICATION_RETURNS.set(execution, 0);
    CAPA_ROUND.set(execution, 1);
    for (ProcessVariable<Boolean> flag :
        List.of(
            BATCH_IMPACT,
            CLOSE_WITHOUT_INVESTIGATION,
            CAPA_REQUIRED,
            DEVIATION_CLOSED,
            DEVIATION_CANCELLED)) {
      flag.set(execution, false);
    }
  }

  /**
   * "B-1, b-2,,B-1 " gives [B-1, B-2]: trimmed, upper case, no blanks, no repeats, in the order
   * given.
   */
  static List<String> batchNumbers(String text) {
    if (text == null) {
      return new ArrayList<>();
    }
    return new ArrayList<>(
        new LinkedHashSet<>(
            Arrays.stream(text.split("[,;\\s]+"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(String::toUpperCase)
                .toList()));
  }
}
