package io.gxpflow.mlr.precheck;

import io.gxpflow.mlr.content.Audience;
import io.gxpflow.mlr.content.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * The pre-check's parameters as process owners keep them in Camunda Modeler: {@code
 * bpmn/mlr-precheck-phrases.dmn}, {@code bpmn/mlr-fair-balance.dmn} and {@code
 * bpmn/mlr-precheck-weights.dmn}, evaluated with Camunda's standalone DMN engine. Every rule must
 * have a weight: a table without one is refused when read, not at the first item.
 */
public final class DmnPrecheckParameters implements PrecheckParameters {

  public static final String PHRASES = "mlr-precheck-phrases";
  public static final String FAIR_BALANCE = "mlr-fair-balance";
  public static final String WEIGHTS = "mlr-precheck-weights";

  private final DmnEngine dmn;
  private final DmnDecision phrases;
  private final DmnDecision fairBalance;
  private final Map<PrecheckRuleId, RuleWeight> weights = new EnumMap<>(PrecheckRuleId.class);

  /** From the three DMN models (read, not closed). */
  public DmnPrecheckParameters(InputStream phrases, InputStream fairBalance, InputStream weights) {
    this.dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    this.phrases = dmn.parseDecision(PHRASES, phrases);
    this.fairBalance = dmn.parseDecision(FAIR_BALANCE, fairBalance);
    DmnDecision weightTable = dmn.parseDecision(WEIGHTS, weights);
    for (PrecheckRuleId rule : PrecheckRuleId.values()) {
      DmnDecisionResultEntries entries =
          dmn.evaluateDecision(weightTable, Map.of("ruleId", rule.id())).getSingleResult();
      if (entries == null) {
        throw new IllegalStateException(WEIGHTS + " has no row for rule " + rule.id());
      }
      this.weights.put(
          rule,
          new RuleWeight(
              Severity.valueOf(entries.<String>getEntry("severity")),
              ((Number) entries.getEntry("weight")).intValue()));
    }
  }

  /** The models as the application ships them ({@code bpmn/} on the classpath). */
  public static DmnPrecheckParameters fromClasspath() {
    ClassLoader loader = DmnPrecheckParameters.class.getClassLoader();
    try (InputStream phrases = open(loader, PHRASES);
        InputStream fairBalance = open(loader, FAIR_BALANCE);
        InputStream weights = open(loader, WEIGHTS)) {
      return new DmnPrecheckParameters(phrases, fairBalance, weights);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(ClassLoader loader, String decision) {
    InputStream model = loader.getResourceAsStream("bpmn/" + decision + ".dmn");
    if (model == null) {
      throw new IllegalStateException("bpmn/" + decision + ".dmn is not on the classpath");
    }
    return model;
  }

  @Override
  public List<ProhibitedPhrase> prohibitedPhrases(String market) {
    return dmn.evaluateDecision(phrases, Map.of("market", market)).getResultList().stream()
        .map(
            row ->
                new ProhibitedPhrase(
                    (String) row.get("phrase"),
                    Severity.valueOf((String) row.get("severity")),
                    (String) row.get("reason")))
        .toList();
  }

  @Override
  public boolean safetyInformationRequired(String market, Audience audience, Channel channel) {
    DmnDecisionResultEntries entries =
        dmn.evaluateDecision(
                fairBalance,
                Map.of("market", market, "audience", audience.name(), "channel", channel.code()))
            .getSingleResult();
    // no row: on the safe side
    return entries == null || Boolean.TRUE.equals(entries.getEntry("isiRequired"));
  }

  @Override
  public RuleWeight weight(PrecheckRuleId rule) {
    return weights.get(rule);
  }
}
