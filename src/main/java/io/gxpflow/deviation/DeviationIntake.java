package io.gxpflow.deviation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code ${deviationIntake}}, on the intake gateway both start events lead to: the affected batches as a list
 * ({@code affectedBatchNumbers}, from the comma-separated {@code affectedBatches} the form and the MES event give),
 * the time of reporting, and the counters and flags the rest of the model reads, so no expression meets a
 * variable that is not there.
 */
@Component("deviationIntake")
public class DeviationIntake implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariable("affectedBatchNumbers", batchNumbers((String) execution.getVariable("affectedBatches")));
    execution.setVariable("reportedAt", ClockUtil.getCurrentTime());
    execution.setVariable("heldBatchNumbers", new ArrayList<String>());
    execution.setVariable("classificationReturns", 0);
    execution.setVariable("capaRound", 1);
    for (String flag : List.of("batchImpact", "closeWithoutInvestigation", "capaRequired", "deviationClosed",
        "deviationCancelled")) {
      execution.setVariable(flag, false);
    }
  }

  /** "B-1, b-2,,B-1 " gives [B-1, B-2]: trimmed, upper case, no blanks, no repeats, in the order given. */
  static List<String> batchNumbers(String text) {
    if (text == null) {
      return new ArrayList<>();
    }
    return new ArrayList<>(new LinkedHashSet<>(Arrays.stream(text.split("[,;\\s]+"))
        .map(String::trim).filter(s -> !s.isEmpty()).map(String::toUpperCase).toList()));
  }
}
