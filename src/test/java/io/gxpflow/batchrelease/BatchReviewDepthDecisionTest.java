package io.gxpflow.batchrelease;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The review-by-exception table in bpmn/batch-review-depth.dmn, as process owners maintain it in
 * Camunda Modeler: each rule once, and what the judge's summary of real check results gives.
 */
class BatchReviewDepthDecisionTest {

  static DmnEngine dmn;
  static DmnDecision reviewDepth;

  @BeforeAll
  static void parse() throws IOException {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = Files.newInputStream(Path.of("bpmn", "batch-review-depth.dmn"))) {
      reviewDepth = dmn.parseDecision("batch-review-depth", model);
    }
  }

  @ParameterizedTest(name = "{0} not compliant, {1} in error, highest finding {2} -> {3}")
  @CsvSource({
    // rule 1: a check not compliant
    "1, 0, NONE,     FULL",
    "2, 0, MINOR,    FULL",
    // rule 2: an answer that could not be judged
    "0, 1, NONE,     FULL",
    // rule 3: a major or critical finding
    "0, 0, MAJOR,    FULL",
    "0, 0, CRITICAL, FULL",
    // rule 4: minor findings only
    "0, 0, MINOR,    EXCEPTIONS_ONLY",
    // rule 5: every check compliant, no finding
    "0, 0, NONE,     NONE",
    // rule 6: anything unknown is a full review, never less
    "0, 0, SEVERE,   FULL",
  })
  void eachRule(int notCompliant, int errors, String highestSeverity, String depth) {
    assertThat(decide(notCompliant, errors, highestSeverity)).isEqualTo(depth);
  }

  @Test
  void aMissingInputIsAFullReview() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("notCompliantCount", 0);
    inputs.put("errorCount", 0);
    inputs.put("highestSeverity", null);
    assertThat(
            dmn.evaluateDecision(reviewDepth, inputs)
                .getSingleResult()
                .<String>getEntry("reviewDepth"))
        .isEqualTo("FULL");
  }

  static String decide(int notCompliant, int errors, String highestSeverity) {
    return dmn.evaluateDecision(
            reviewDepth,
            Map.of(
                "notCompliantCount",
                notCompliant,
                "errorCount",
                errors,
                "highestSeverity",
                highestSeverity))
        .getSingleResult()
        .getEntry("reviewDepth");
  }
}
