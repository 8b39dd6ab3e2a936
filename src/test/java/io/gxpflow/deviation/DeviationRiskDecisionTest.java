package io.gxpflow.deviation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The deviation risk table in bpmn/deviation-risk.dmn, as process owners maintain it in Camunda
 * Modeler: risk triage decides MINOR / MAJOR / CRITICAL with its reason, and the due dates follow
 * from the severity.
 */
class DeviationRiskDecisionTest {

  static DmnEngine dmn;
  static DmnDecision dueDates;
  static DmnDecision classification;

  @BeforeAll
  static void parse() throws IOException {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = Files.newInputStream(Path.of("bpmn", "deviation-risk.dmn"))) {
      var decisions = dmn.parseDecisions(model);
      classification =
          decisions.stream()
              .filter(d -> d.getKey().equals("deviation-risk-classification"))
              .findFirst()
              .orElseThrow();
      dueDates =
          decisions.stream()
              .filter(d -> d.getKey().equals("deviation-due-dates"))
              .findFirst()
              .orElseThrow();
    }
  }

  @ParameterizedTest(name = "safety {0}, quality {1}, {2}, detectability {3} -> {4}")
  @CsvSource({
    "actual,    none,   first,      high,   CRITICAL",
    "none,      high,   first,      low,    CRITICAL",
    "potential, low,    first,      high,   MAJOR",
    "none,      medium, first,      high,   MAJOR",
    "none,      high,   occasional, high,   MAJOR",
    "none,      low,    frequent,   high,   MAJOR",
    "none,      low,    first,      low,    MAJOR",
    "none,      low,    occasional, medium, MINOR",
    "none,      none,   first,      high,   MINOR",
  })
  void riskTriage(
      String safety, String quality, String occurrence, String detectability, String severity) {
    DmnDecisionResultEntries result =
        dmn.evaluateDecision(classification, inputs(safety, quality, occurrence, detectability))
            .getSingleResult();

    assertThat(result.<String>getEntry("severity")).isEqualTo(severity);
    assertThat(result.<String>getEntry("classificationReason")).isNotBlank();
  }

  @Test
  void dueDatesDefaultToThirtyDaysWithTheInvestigationThreeDaysBefore() {
    DmnDecisionResultEntries minor =
        dmn.evaluateDecision(dueDates, Map.of("severity", "MINOR")).getSingleResult();
    DmnDecisionResultEntries major =
        dmn.evaluateDecision(dueDates, Map.of("severity", "MAJOR")).getSingleResult();

    assertThat(minor.<Integer>getEntry("closureDueDays")).isEqualTo(30);
    assertThat(minor.<Integer>getEntry("investigationDueDays")).isEqualTo(27);
    assertThat(minor.<Integer>getEntry("effectivenessCheckDays")).isEqualTo(90);
    assertThat(major.getEntryMap()).isEqualTo(minor.getEntryMap());
  }

  @Test
  void dueDatesFollowTheSeverityQaApprovedNotTheProposedOne() {
    // QA reclassified a table-MINOR deviation as CRITICAL: the due dates take the approved severity
    // only
    DmnDecisionResultEntries critical =
        dmn.evaluateDecision(
                dueDates,
                Map.of(
                    "severity",
                    "CRITICAL",
                    "patientSafetyImpact",
                    "none",
                    "productQualityImpact",
                    "none",
                    "occurrence",
                    "first",
                    "detectability",
                    "high"))
            .getSingleResult();

    assertThat(critical.<Integer>getEntry("closureDueDays")).isEqualTo(15);
  }

  @Test
  void criticalDeviationsHaveTighterDueDates() {
    DmnDecisionResultEntries critical =
        dmn.evaluateDecision(dueDates, Map.of("severity", "CRITICAL")).getSingleResult();

    assertThat(critical.<Integer>getEntry("closureDueDays")).isEqualTo(15);
    assertThat(critical.<Integer>getEntry("investigationDueDays")).isEqualTo(12);
    assertThat(critical.<Integer>getEntry("effectivenessCheckDays")).isEqualTo(60);
  }

  private static Map<String, Object> inputs(
      String safety, String quality, String occurrence, String detectability) {
    return Map.of(
        "patientSafetyImpact",
        safety,
        "productQualityImpact",
        quality,
        "occurrence",
        occurrence,
        "detectability",
        detectability);
  }
}
