package io.gxpflow.batchrelease;

import static io.gxpflow.batchrelease.BatchReleaseVariables.*;

import io.gxpflow.integration.IdempotencyKeys;
import io.gxpflow.integration.SystemCallDelegate;
import io.gxpflow.integration.mes.MesPort;
import io.gxpflow.integration.mes.MesPort.BatchStatus;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hold of {@code batch-release}: {@code openDeviations} is the set of deviations the batch
 * waits for. {@code BatchHoldRequested} adds its {@code deviationId}, {@code DeviationClosed}
 * removes it (each in a non-interrupting event subprocess, subscribed for the whole instance, so no
 * message is lost whatever the release is doing); the QMS check adds what the QMS reports open. The
 * waiting ({@code OnHold}) and the interruption of QA review and certification are conditional
 * events on that one variable.
 */
@Configuration(proxyBeanMethods = false)
public class BatchHold {

  /**
   * {@code ${batchReleaseHoldRequested}}, when a {@code BatchHoldRequested} starts its event
   * subprocess: the deviation id the message set on the instance moves into the subprocess (a
   * second message does not overwrite the first's) and joins {@code openDeviations}, unless its
   * {@code DeviationClosed} came first.
   */
  @Bean
  public ExecutionListener batchReleaseHoldRequested() {
    return execution -> {
      String deviationId = takeDeviationId(execution);
      if (deviationId == null
          || CLOSED_DEVIATIONS.from(execution, List.of()).contains(deviationId)) {
        return;
      }
      List<String> announced = new ArrayList<>(ANNOUNCED_DEVIATIONS.from(execution, List.of()));
      if (!announced.contains(deviationId)) {
        announced.add(deviationId);
        ANNOUNCED_DEVIATIONS.set(execution, announced);
      }
      ReleaseChecks.addOpenDeviations(execution, List.of(deviationId));
    };
  }

  /**
   * {@code ${batchReleaseDeviationClosed}}, when a {@code DeviationClosed} starts its event
   * subprocess: the deviation leaves {@code openDeviations} and is remembered as closed.
   */
  @Bean
  public ExecutionListener batchReleaseDeviationClosed() {
    return execution -> {
      String deviationId = takeDeviationId(execution);
      if (deviationId == null) {
        return;
      }
      List<String> closed = new ArrayList<>(CLOSED_DEVIATIONS.from(execution, List.of()));
      if (!closed.contains(deviationId)) {
        closed.add(deviationId);
        CLOSED_DEVIATIONS.set(execution, closed);
      }
      List<String> announced = new ArrayList<>(ANNOUNCED_DEVIATIONS.from(execution, List.of()));
      if (announced.remove(deviationId)) {
        ANNOUNCED_DEVIATIONS.set(execution, announced);
      }
      List<String> open = new ArrayList<>(OPEN_DEVIATIONS.from(execution, List.of()));
      if (open.remove(deviationId)) {
        OPEN_DEVIATIONS.set(execution, open);
      }
    };
  }

  /**
   * {@code ${batchReleaseHoldInMes}}: the batch {@code ON_HOLD} in the MES once per hold, whichever
   * path noticed the open deviation first (the checks, a message during review, or both at once).
   * Nothing when no deviation is open any more, the MES already has the hold, or the QP has decided
   * (a deviation found after the decision is handled by its own deviation-capa, not by undoing the
   * disposition here).
   */
  @Bean
  public SystemCallDelegate batchReleaseHoldInMes(MesPort mes) {
    return execution -> {
      List<String> open = OPEN_DEVIATIONS.from(execution, List.of());
      if (open.isEmpty() || ON_HOLD.isTrue(execution) || RELEASE_DECISION.from(execution) != null) {
        return;
      }
      int hold = HOLD_COUNT.from(execution, 0) + 1;
      mes.setBatchStatus(
          BATCH_NUMBER.from(execution),
          BatchStatus.ON_HOLD,
          "Open deviation(s): " + String.join(", ", open),
          IdempotencyKeys.of(execution, "hold" + hold));
      HOLD_COUNT.set(execution, hold);
      ON_HOLD.set(execution, true);
    };
  }

  /**
   * The message's {@code deviationId} lands on the process instance, where the event subprocess's
   * subscription lives: moved into the subprocess's own scope.
   */
  private static String takeDeviationId(DelegateExecution execution) {
    VariableScope instance = execution.getProcessInstance();
    Object value = instance.getVariableLocal(DEVIATION_ID.name());
    instance.removeVariableLocal(DEVIATION_ID.name());
    String deviationId = value instanceof String text && !text.isBlank() ? text : null;
    execution.setVariableLocal(DEVIATION_ID.name(), deviationId);
    return deviationId;
  }
}
