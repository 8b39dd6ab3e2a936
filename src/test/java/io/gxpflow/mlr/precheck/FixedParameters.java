package io.gxpflow.mlr.precheck;

import io.gxpflow.mlr.content.Audience;
import io.gxpflow.mlr.content.Channel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parameters for tests of the rules without DMN: every rule MAJOR, weight 10, unless set. */
final class FixedParameters implements PrecheckParameters {

  private final Map<String, List<ProhibitedPhrase>> phrases;
  private final Set<String> isiMarkets;
  private final Map<PrecheckRuleId, RuleWeight> weights = new EnumMap<>(PrecheckRuleId.class);

  FixedParameters(Map<String, List<ProhibitedPhrase>> phrases, Set<String> isiMarkets) {
    this.phrases = phrases;
    this.isiMarkets = isiMarkets;
    for (PrecheckRuleId rule : PrecheckRuleId.values()) {
      weights.put(rule, new RuleWeight(Severity.MAJOR, 10));
    }
  }

  static FixedParameters none() {
    return new FixedParameters(Map.of(), Set.of());
  }

  FixedParameters with(PrecheckRuleId rule, Severity severity, int weight) {
    weights.put(rule, new RuleWeight(severity, weight));
    return this;
  }

  @Override
  public List<ProhibitedPhrase> prohibitedPhrases(String market) {
    return phrases.getOrDefault(market, List.of());
  }

  @Override
  public boolean safetyInformationRequired(String market, Audience audience, Channel channel) {
    return isiMarkets.contains(market);
  }

  @Override
  public RuleWeight weight(PrecheckRuleId rule) {
    return weights.get(rule);
  }
}
