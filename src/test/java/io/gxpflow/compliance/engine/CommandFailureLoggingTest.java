package io.gxpflow.compliance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.compliance.InvalidTaskInput;
import io.gxpflow.compliance.engine.CommandFailureLogging.Level;
import io.gxpflow.compliance.sod.SegregationOfDutiesViolation;
import io.gxpflow.compliance.validation.FieldViolation;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/**
 * Refusals are answers to people, not errors in the log; real failures still are errors; a refused
 * input reads as one sentence per field.
 */
class CommandFailureLoggingTest {

  @Test
  void refusedInputAndComplianceRefusalsAreRefusals() {
    assertThat(
            CommandFailureLogging.levelOf(
                new InvalidTaskInput(
                    "t1", List.of(new FieldViolation("owner", "is not in the expected format")))))
        .isEqualTo(Level.REFUSAL);
    assertThat(
            CommandFailureLogging.levelOf(
                new SegregationOfDutiesViolation("sod.notSameAs=Investigation", "no")))
        .isEqualTo(Level.REFUSAL);
  }

  @Test
  void theEnginesClientMistakesAndRacesStayQuiet() {
    assertThat(CommandFailureLogging.levelOf(new AuthorizationException("no")))
        .isEqualTo(Level.CLIENT);
    assertThat(CommandFailureLogging.levelOf(new OptimisticLockingException("late")))
        .isEqualTo(Level.CLIENT);
  }

  @Test
  void anythingElseIsAnError() {
    assertThat(CommandFailureLogging.levelOf(new ProcessEngineException("broken")))
        .isEqualTo(Level.ERROR);
    assertThat(CommandFailureLogging.levelOf(new IllegalStateException("bug")))
        .isEqualTo(Level.ERROR);
    assertThat(CommandFailureLogging.levelOf(new OutOfMemoryError())).isEqualTo(Level.ERROR);
  }

  @Test
  void aRefusedInputReadsAsOneSentencePerField() {
    InvalidTaskInput refused =
        new InvalidTaskInput(
            "5f0c1a2b-uuid",
            List.of(
                new FieldViolation("action2Owner", "is not in the expected format"),
                new FieldViolation("dueDate", "required"),
                new FieldViolation("severity", "not one of [minor, major]"),
                new FieldViolation("checksDone", "required: must be checked"),
                new FieldViolation("count", "expected a number"),
                new FieldViolation("rootCause", "required", "Root cause")));

    assertThat(refused.getMessage())
        .isEqualTo(
            "Please correct 6 fields. action2Owner is not in the expected format. dueDate is"
                + " required. severity is not one of [minor, major]. checksDone must be checked."
                + " count must be a number. \"Root cause\" is required.")
        .doesNotContain("5f0c1a2b");
    // clients keep the terse reasons, per field
    assertThat(refused.violations().get(1).reason()).isEqualTo("required");
  }
}
