package io.gxpflow.mlr.precheck;

import io.gxpflow.mlr.content.Audience;
import io.gxpflow.mlr.content.Channel;
import java.util.List;

/**
 * What process owners decide about the pre-check, apart from its mechanics: which phrases are
 * prohibited where, where safety information is required, and how much each rule weighs. The
 * application reads them from DMN ({@link DmnPrecheckParameters}); tests of the rules give fixed
 * ones.
 */
public interface PrecheckParameters {

  /** The prohibited or absolute phrases for one market (ISO code). */
  List<ProhibitedPhrase> prohibitedPhrases(String market);

  /** Whether an item for this market, audience and channel must carry safety information. */
  boolean safetyInformationRequired(String market, Audience audience, Channel channel);

  /** A rule's severity (unless the finding brings its own, like a phrase) and weight. */
  RuleWeight weight(PrecheckRuleId rule);

  /** A phrase a text must not contain as whole words, with the severity and why, for the author. */
  record ProhibitedPhrase(String phrase, Severity severity, String reason) {}

  /** A rule's default severity and its weight in the score (points at severity MAJOR). */
  record RuleWeight(Severity severity, int weight) {

    public RuleWeight {
      if (weight < 0) {
        throw new IllegalArgumentException("a weight is not negative: " + weight);
      }
    }
  }
}
