package io.gxpflow.mlr.precheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.engine.expression.PlainValuesFeel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The pre-check's parameter tables in bpmn/, as process owners maintain them in Camunda Modeler:
 * prohibited phrases per market, where safety information is required, each rule's severity and
 * weight.
 */
class MlrPrecheckDecisionTest {

  static DmnEngine dmn;
  static DmnDecision phrases;
  static DmnDecision fairBalance;
  static DmnDecision weights;

  @BeforeAll
  static void parse() throws IOException {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    phrases = parse("mlr-precheck-phrases");
    fairBalance = parse("mlr-fair-balance");
    weights = parse("mlr-precheck-weights");
  }

  private static DmnDecision parse(String key) throws IOException {
    return parse(dmn, key);
  }

  private static DmnDecision parse(DmnEngine engine, String key) throws IOException {
    try (InputStream model = Files.newInputStream(Path.of("bpmn", key + ".dmn"))) {
      return engine.parseDecision(key, model);
    }
  }

  /** The application's engine evaluates FEEL with plain values only: the tables need no more. */
  @Test
  void theTablesEvaluateWithTheApplicationsFeel() throws IOException {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setFeelEngineFactory(new PlainValuesFeel());
    DmnEngine application = configuration.buildEngine();

    assertThat(
            application
                .evaluateDecision(
                    parse(application, "mlr-fair-balance"),
                    Map.of("market", "DE", "audience", "HCP", "channel", "social"))
                .getSingleResult()
                .<Boolean>getEntry("isiRequired"))
        .isFalse();
    assertThat(
            application
                .evaluateDecision(
                    parse(application, "mlr-precheck-phrases"), Map.of("market", "FR"))
                .getResultList())
        .extracting(row -> row.get("phrase"))
        .contains("guérit", "guaranteed");
    assertThat(
            application
                .evaluateDecision(
                    parse(application, "mlr-precheck-weights"),
                    Map.of("ruleId", "fair-balance-missing"))
                .getSingleResult()
                .<Integer>getEntry("weight"))
        .isEqualTo(20);
  }

  private static Map<String, String> phrasesOf(String market) {
    Map<String, String> severities = new LinkedHashMap<>();
    for (Map<String, Object> row :
        dmn.evaluateDecision(phrases, Map.of("market", market)).getResultList()) {
      assertThat((String) row.get("reason")).as("reason of " + row.get("phrase")).isNotBlank();
      severities.merge(
          (String) row.get("phrase"),
          (String) row.get("severity"),
          (a, b) -> Severity.valueOf(a).max(Severity.valueOf(b)).name());
    }
    return severities;
  }

  @Test
  void everyMarketGetsTheAbsolutePhrasesOfTheBrief() {
    assertThat(phrasesOf("JP"))
        .containsEntry("guaranteed", "BLOCKING")
        .containsEntry("no side effects", "BLOCKING")
        .containsEntry("safest", "MAJOR")
        .containsEntry("cure", "MAJOR")
        .doesNotContainKey("garantiert");
  }

  @Test
  void marketsAddTheirLanguageAndMayBeStricter() {
    assertThat(phrasesOf("US")).containsEntry("safest", "BLOCKING");
    assertThat(phrasesOf("DE"))
        .containsEntry("garantiert", "BLOCKING")
        .containsEntry("heilt", "MAJOR")
        .containsEntry("guaranteed", "BLOCKING")
        .doesNotContainKey("guérit");
    assertThat(phrasesOf("FR")).containsEntry("guérit", "MAJOR").doesNotContainKey("heilt");
    assertThat(phrasesOf("CH")).containsKeys("garantiert", "garanti");
  }

  @ParameterizedTest(name = "{0} {1} {2} -> ISI {3}")
  @CsvSource({
    "US, HCP,     social,     true",
    "US, PATIENT, web,        true",
    "DE, PATIENT, print,      true",
    "GB, HCP,     email,      true",
    "DE, HCP,     rep-detail, true",
    "DE, HCP,     social,     false",
    "JP, HCP,     social,     false",
  })
  void safetyInformationIsRequiredExceptForHcpSocialPostsOutsideTheUs(
      String market, String audience, String channel, boolean required) {
    DmnDecisionResultEntries result =
        dmn.evaluateDecision(
                fairBalance, Map.of("market", market, "audience", audience, "channel", channel))
            .getSingleResult();

    assertThat(result.<Boolean>getEntry("isiRequired")).isEqualTo(required);
    assertThat(result.<String>getEntry("reason")).isNotBlank();
  }

  @ParameterizedTest
  @EnumSource(PrecheckRuleId.class)
  void everyRuleHasExactlyOneSeverityAndAPositiveWeight(PrecheckRuleId rule) {
    List<Map<String, Object>> rows =
        dmn.evaluateDecision(weights, Map.of("ruleId", rule.id())).getResultList();

    assertThat(rows).hasSize(1);
    assertThat(Severity.valueOf((String) rows.get(0).get("severity"))).isNotNull();
    assertThat(((Number) rows.get(0).get("weight")).intValue()).isPositive();
  }

  @Test
  void whatKeepsContentFromReviewersIsBlocking() {
    for (PrecheckRuleId rule :
        List.of(
            PrecheckRuleId.FAIR_BALANCE_MISSING,
            PrecheckRuleId.CLAIM_NOT_IN_LIBRARY,
            PrecheckRuleId.CLAIM_REFERENCE_EXPIRED,
            PrecheckRuleId.PRODUCT_AMOUNT_NOT_APPROVED)) {
      assertThat(
              dmn.evaluateDecision(weights, Map.of("ruleId", rule.id()))
                  .getSingleResult()
                  .<String>getEntry("severity"))
          .as(rule.id())
          .isEqualTo("BLOCKING");
    }
    assertThat(
            dmn.evaluateDecision(
                    weights, Map.of("ruleId", PrecheckRuleId.PRE_APPROVED_MODULE_CHANGED.id()))
                .getSingleResult()
                .<String>getEntry("severity"))
        .isEqualTo("MINOR");
  }
}
