package io.gxpflow.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.compliance.validation.FieldViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sentence a refused form reads as: the fields to correct are counted once each. */
class InvalidTaskInputTest {

  @Test
  void aFieldWithSeveralProblemsIsOneFieldToCorrect() {
    InvalidTaskInput refused =
        InvalidTaskInput.startForm(
            "mlr-review:1:x",
            List.of(
                new FieldViolation(
                    "contentText", "line 1: text before the first module", "Content"),
                new FieldViolation("contentText", "line 3: the claim link has no words", "Content"),
                new FieldViolation("product", "required", "Product")));

    assertThat(refused.getMessage())
        .isEqualTo(
            "Please correct 2 fields. \"Content\" line 1: text before the first module."
                + " \"Content\" line 3: the claim link has no words. \"Product\" is required.");
    // clients keep one error per problem
    assertThat(refused.violations()).hasSize(3);
  }

  @Test
  void oneProblemIsOneField() {
    assertThat(InvalidTaskInput.readable(List.of(new FieldViolation("contentText", "required"))))
        .isEqualTo("Please correct 1 field. contentText is required.");
  }
}
