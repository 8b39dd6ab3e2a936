package io.gxpflow.mlr.precheck;

import io.gxpflow.mlr.content.ContentModule;
import io.gxpflow.mlr.precheck.PrecheckParameters.ProhibitedPhrase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Prohibited or absolute phrases ("safest", "cure", "guaranteed", "no side effects"), as whole
 * words in any case. The phrases of every market of the item apply; a phrase listed for several of
 * them takes its strictest severity. The finding has the phrase's severity, not the rule's.
 */
final class ProhibitedPhraseRule implements PrecheckRule {

  @Override
  public List<Finding> check(PrecheckContext context) {
    Map<String, ProhibitedPhrase> phrases = new LinkedHashMap<>();
    for (String market : new TreeSet<>(context.content().markets())) {
      for (ProhibitedPhrase phrase : context.parameters().prohibitedPhrases(market)) {
        phrases.merge(
            Texts.normalized(phrase.phrase()),
            phrase,
            (known, other) ->
                known.severity().max(other.severity()) == known.severity() ? known : other);
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (ContentModule module : context.content().modules()) {
      for (ProhibitedPhrase phrase : phrases.values()) {
        Pattern pattern = Texts.wholeWords(phrase.phrase());
        for (TextSpan span : Texts.findWholeWords(pattern, module.text())) {
          findings.add(
              new Finding(
                  PrecheckRuleId.PROHIBITED_PHRASE,
                  phrase.severity(),
                  module.id(),
                  span,
                  "\u201c"
                      + span.of(module.text())
                      + "\u201d may not be used in promotion: "
                      + phrase.reason()));
        }
      }
    }
    return findings;
  }
}
