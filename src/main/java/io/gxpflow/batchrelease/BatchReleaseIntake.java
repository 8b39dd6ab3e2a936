package io.gxpflow.batchrelease;

import static io.gxpflow.batchrelease.BatchReleaseVariables.*;

import io.gxpflow.compliance.EngineContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code ${batchReleaseIntake}}, when the {@code BatchRecordCompleted} start event is left: the
 * release target date ({@code gxpflow.batch-release.target-days}, default 7 days from the start),
 * and the sets and flags the rest of the model reads, so no expression meets a variable that is not
 * there. {@code ${batchReleaseIntake.targetDate()}} is also the due date of the SLA timer: the
 * engine creates a timer of an event subprocess before the start event's listeners run, so the
 * timer asks for the same date rather than reading the variable.
 */
@Component("batchReleaseIntake")
public class BatchReleaseIntake implements ExecutionListener {

  private final Duration target;

  public BatchReleaseIntake(@Value("${gxpflow.batch-release.target-days:7}") int targetDays) {
    if (targetDays < 1) {
      throw new IllegalArgumentException(
          "gxpflow.batch-release.target-days must be 1 or more, not " + targetDays);
    }
    this.target = Duration.ofDays(targetDays);
  }

  /** The start (engine time) plus the target days. */
  public Date targetDate() {
    return Date.from(EngineContext.now().toInstant().plus(target));
  }

  @Override
  public void notify(DelegateExecution execution) {
    RELEASE_TARGET_DATE.set(execution, targetDate());
    List<String> markets = INTENDED_MARKETS.from(execution);
    // an ArrayList: stored as JSON, it must be a type Jackson can build again
    INTENDED_MARKETS.set(execution, markets == null ? new ArrayList<>() : new ArrayList<>(markets));
    OPEN_DEVIATIONS.set(execution, new ArrayList<>());
    ANNOUNCED_DEVIATIONS.set(execution, new ArrayList<>());
    CLOSED_DEVIATIONS.set(execution, new ArrayList<>());
    ON_HOLD.set(execution, false);
    HOLD_COUNT.set(execution, 0);
    CHECK_ROUND.set(execution, 0);
    RELEASE_DECISION.set(execution, null);
  }
}
