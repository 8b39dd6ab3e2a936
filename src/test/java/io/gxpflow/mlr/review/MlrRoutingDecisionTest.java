package io.gxpflow.mlr.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The routing tables in bpmn/mlr-routing.dmn as shipped (an example SOP process owners confirm or
 * change in Modeler: change this test with the table).
 */
class MlrRoutingDecisionTest {

  static DmnEngine dmn;
  static DmnDecision routing;
  static DmnDecision sla;
  static DmnDecision expiry;

  @BeforeAll
  static void parse() throws IOException {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    routing = decision(ReviewRouting.ROUTING);
    sla = decision(ReviewRouting.SLA);
    expiry = decision(ReviewRouting.EXPIRY);
  }

  static DmnDecision decision(String key) throws IOException {
    try (InputStream model = Files.newInputStream(Path.of("bpmn", "mlr-routing.dmn"))) {
      return dmn.parseDecision(key, model);
    }
  }

  @ParameterizedTest(name = "{0} {1}, score {2}, US {3} -> {4}")
  @CsvSource({
    "HCP,     rep-detail, 100, false, medical",
    "HCP,     print,      90,  false, medical",
    "HCP,     rep-detail, 89,  false, medical legal regulatory",
    "HCP,     email,      100, false, medical legal",
    "HCP,     email,      100, true,  medical legal regulatory",
    "HCP,     web,        95,  false, medical legal regulatory",
    "HCP,     social,     100, false, medical legal regulatory",
    "HCP,     rep-detail, 100, true,  medical regulatory",
    "PATIENT, print,      100, false, medical legal regulatory",
  })
  void reviewsRequired(String audience, String channel, int score, boolean us, String reviews) {
    List<String> found =
        dmn.evaluateDecisionTable(
                routing,
                Map.of(
                    "audience",
                    audience,
                    "channel",
                    channel,
                    "precheckScore",
                    score,
                    "usMarket",
                    us))
            .collectEntries("review");
    assertThat(found).doesNotHaveDuplicates().isNotEmpty();
    assertThat(ReviewRouting.REVIEWS.stream().filter(found::contains).toList())
        .containsExactlyElementsOf(Arrays.asList(reviews.split(" ")));
  }

  @ParameterizedTest(name = "expedited {0} -> {1} working days")
  @CsvSource({"true, 2", "false, 5"})
  void serviceLevel(boolean expedited, int days) {
    assertThat(
            dmn.evaluateDecisionTable(sla, Map.of("expedited", expedited))
                .getSingleResult()
                .<Integer>getSingleEntry())
        .isEqualTo(days);
  }

  @ParameterizedTest(name = "{0} -> {1} months")
  @CsvSource({"social, 12", "email, 24", "rep-detail, 24", "web, 24", "print, 24"})
  void defaultExpiry(String channel, int months) {
    assertThat(
            dmn.evaluateDecisionTable(expiry, Map.of("channel", channel))
                .getSingleResult()
                .<Integer>getSingleEntry())
        .isEqualTo(months);
  }
}
