package io.gxpflow.mlr.precheck;

import static io.gxpflow.mlr.precheck.Examples.context;
import static io.gxpflow.mlr.precheck.Examples.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gxpflow.mlr.content.ContentModule;
import io.gxpflow.mlr.content.ModuleType;
import io.gxpflow.mlr.precheck.PrecheckParameters.ProhibitedPhrase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProhibitedPhraseRuleTest {

  static final FixedParameters PARAMETERS =
      new FixedParameters(
          Map.of(
              "US",
              List.of(
                  new ProhibitedPhrase("cure", Severity.MAJOR, "no cure"),
                  new ProhibitedPhrase("no side effects", Severity.BLOCKING, "absolute"),
                  new ProhibitedPhrase("safest", Severity.BLOCKING, "superlative")),
              "DE",
              List.of(
                  new ProhibitedPhrase("safest", Severity.MINOR, "superlative"),
                  new ProhibitedPhrase("nebenwirkungsfrei", Severity.BLOCKING, "absolute")),
              "FR",
              List.of(new ProhibitedPhrase("guérit", Severity.MAJOR, "no cure"))),
          Set.of());

  private static List<Finding> check(Set<String> markets, String text) {
    return new ProhibitedPhraseRule()
        .check(
            context(email(markets, ContentModule.of("body", ModuleType.BODY, text)), PARAMETERS));
  }

  @Test
  void findsAPhraseInAnyCaseWithItsSpanAndSeverity() {
    String text = "A CURE for high LDL? Not quite, but close.";

    List<Finding> findings = check(Set.of("US"), text);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(PrecheckRuleId.PROHIBITED_PHRASE);
              assertThat(f.severity()).isEqualTo(Severity.MAJOR);
              assertThat(f.moduleId()).isEqualTo("body");
              assertThat(f.span()).isEqualTo(new TextSpan(2, 6));
              assertThat(f.span().of(text)).isEqualTo("CURE");
              assertThat(f.message()).contains("CURE").contains("no cure");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Cardiozen secures LDL control.",
        "Curettage is not needed.",
        "Procure it from your wholesaler.",
        "The cure_rate column",
        "Un traitement qui guérissait" // the French phrase, but for the US market
      })
  void wordsThatOnlyContainAPhraseAreNotIt(String text) {
    assertThat(check(Set.of("US"), text)).isEmpty();
  }

  @Test
  void aPhraseOfSeveralWordsMatchesAnySpacingAndHyphens() {
    String text = "Virtually no\u00a0side-effects in\nno  side effects";

    List<Finding> findings = check(Set.of("US"), text);

    assertThat(findings)
        .extracting(f -> f.span().of(text))
        .containsExactly("no\u00a0side-effects", "no  side effects");
    assertThat(findings).allMatch(f -> f.severity() == Severity.BLOCKING);
  }

  @Test
  void unicodeTextIsMatchedAsWords() {
    // é composed and decomposed; a combining accent continues the word "cure" -> "curé"
    assertThat(check(Set.of("FR"), "Cardiozen gu\u00e9rit l'hypercholest\u00e9rol\u00e9mie."))
        .hasSize(1);
    String decomposed = "Cardiozen GUE\u0301RIT tout.";
    assertThat(check(Set.of("FR"), decomposed))
        .singleElement()
        .satisfies(f -> assertThat(f.span().of(decomposed)).isEqualTo("GUE\u0301RIT"));
    assertThat(check(Set.of("US"), "Le cure\u0301 du village")).isEmpty();
    assertThat(check(Set.of("DE"), "NEBENWIRKUNGSFREI \u2013 so einfach")).hasSize(1);
  }

  @Test
  void eachMarketBringsItsPhrasesAndTheStrictestSeverityWins() {
    String text = "The safest statin, a cure, nebenwirkungsfrei.";

    assertThat(check(Set.of("DE"), text))
        .extracting(Finding::severity)
        .containsExactly(Severity.MINOR, Severity.BLOCKING);
    assertThat(check(Set.of("DE", "US"), text))
        .extracting(f -> f.span().of(text), Finding::severity)
        .containsExactlyInAnyOrder(
            tuple("safest", Severity.BLOCKING),
            tuple("cure", Severity.MAJOR),
            tuple("nebenwirkungsfrei", Severity.BLOCKING));
  }

  @Test
  void cleanTextHasNoFinding() {
    assertThat(check(Set.of("US", "DE", "FR"), "Cardiozen lowered LDL cholesterol by 48%."))
        .isEmpty();
  }
}
