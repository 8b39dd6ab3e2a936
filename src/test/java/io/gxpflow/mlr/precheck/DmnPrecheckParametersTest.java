package io.gxpflow.mlr.precheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gxpflow.mlr.content.Audience;
import io.gxpflow.mlr.content.Channel;
import io.gxpflow.mlr.precheck.PrecheckParameters.ProhibitedPhrase;
import io.gxpflow.mlr.precheck.PrecheckParameters.RuleWeight;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The DMN tables as the pre-check reads them: typed values, and a weights table checked whole. */
class DmnPrecheckParametersTest {

  static final DmnPrecheckParameters PARAMETERS = DmnPrecheckParameters.fromClasspath();

  @Test
  void phrasesComeWithTheirSeverity() {
    assertThat(PARAMETERS.prohibitedPhrases("DE"))
        .extracting(ProhibitedPhrase::phrase)
        .contains("guaranteed", "garantiert");
    assertThat(PARAMETERS.prohibitedPhrases("US"))
        .filteredOn(p -> p.phrase().equals("safest"))
        .extracting(ProhibitedPhrase::severity)
        .containsExactlyInAnyOrder(Severity.MAJOR, Severity.BLOCKING);
  }

  @Test
  void fairBalanceAndWeightsAreTyped() {
    assertThat(PARAMETERS.safetyInformationRequired("US", Audience.HCP, Channel.SOCIAL)).isTrue();
    assertThat(PARAMETERS.safetyInformationRequired("DE", Audience.HCP, Channel.SOCIAL)).isFalse();
    assertThat(PARAMETERS.weight(PrecheckRuleId.FAIR_BALANCE_MISSING))
        .isEqualTo(new RuleWeight(Severity.BLOCKING, 20));
  }

  @Test
  void aWeightsTableWithoutARowForARuleIsRefusedWhenRead() throws IOException {
    String weights =
        Files.readString(Path.of("bpmn", "mlr-precheck-weights.dmn"))
            .replace("\"email-unsubscribe-missing\"", "\"email-unsubscribe-gone\"");

    assertThatThrownBy(
            () ->
                new DmnPrecheckParameters(
                    model("mlr-precheck-phrases"),
                    model("mlr-fair-balance"),
                    new ByteArrayInputStream(weights.getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("email-unsubscribe-missing");
  }

  private static InputStream model(String key) throws IOException {
    return Files.newInputStream(Path.of("bpmn", key + ".dmn"));
  }
}
