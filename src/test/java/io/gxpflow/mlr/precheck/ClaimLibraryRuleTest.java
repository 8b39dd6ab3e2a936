package io.gxpflow.mlr.precheck;

import static io.gxpflow.mlr.precheck.Examples.context;
import static io.gxpflow.mlr.precheck.Examples.email;
import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.mlr.content.ClaimUse;
import io.gxpflow.mlr.content.ContentModule;
import io.gxpflow.mlr.content.ModuleType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClaimLibraryRuleTest {

  private static List<Finding> check(Set<String> markets, String text, ClaimUse... claims) {
    return new ClaimLibraryRule()
        .check(
            context(
                email(markets, ContentModule.of("efficacy", ModuleType.BODY, text, claims)),
                FixedParameters.none()
                    .with(PrecheckRuleId.CLAIM_REFERENCE_EXPIRED, Severity.BLOCKING, 15)));
  }

  @Test
  void theApprovedTextOrAVariationInOtherSpacingAndCaseIsFine() {
    String text =
        "New data. CARDIOZEN lowered LDL   cholesterol\nby 48% at 12 weeks. And: cardiozen reduced"
            + " LDL-C by 48% at week 12.";

    assertThat(
            check(
                Set.of("US", "DE"),
                text,
                new ClaimUse("CLM-001", "CARDIOZEN lowered LDL   cholesterol\nby 48% at 12 weeks."),
                new ClaimUse("CLM-001", "cardiozen reduced LDL-C by 48% at week 12.")))
        .isEmpty();
  }

  @Test
  void changedWordsAreNotTheApprovedClaimAndTheSpanIsWhereTheyStand() {
    String text = "Intro. Cardiozen lowered LDL cholesterol by 50% at 12 weeks. Outro.";
    String used = "Cardiozen lowered LDL cholesterol by 50% at 12 weeks.";

    List<Finding> findings = check(Set.of("US"), text, new ClaimUse("CLM-001", used));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(PrecheckRuleId.CLAIM_TEXT_NOT_APPROVED);
              assertThat(f.span().of(text)).isEqualTo(used);
              assertThat(f.message()).contains("CLM-001").contains("by 48% at 12 weeks");
            });
  }

  @Test
  void aClaimOutsideTheLibraryIsFoundAndNothingElseIsAskedOfIt() {
    String text = "Cardiozen works fast.";

    assertThat(check(Set.of("US"), text, new ClaimUse("CLM-404", "works fast")))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(PrecheckRuleId.CLAIM_NOT_IN_LIBRARY);
              assertThat(f.span()).isEqualTo(new TextSpan(10, 20));
            });
  }

  @Test
  void anExpiredReferenceIsFoundTheDayAfterItsLastDay() {
    String text = "Cardiozen was well tolerated in the ZEN-1 study.";
    ClaimUse use = new ClaimUse("CLM-003", text);

    // expires 2026-11-30, today is 2026-12-01
    assertThat(check(Set.of("US"), text, use))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(PrecheckRuleId.CLAIM_REFERENCE_EXPIRED);
              assertThat(f.severity()).isEqualTo(Severity.BLOCKING);
              assertThat(f.message())
                  .contains("ZEN-1 clinical study report")
                  .contains("2026-11-30");
            });
    assertThat(
            new ClaimLibraryRule()
                .check(
                    new PrecheckContext(
                        email(Set.of("US"), ContentModule.of("safety", ModuleType.BODY, text, use)),
                        Examples.LIBRARY,
                        Examples.PRODUCTS,
                        Examples.TODAY.minusDays(1),
                        FixedParameters.none())))
        .isEmpty();
  }

  @Test
  void everyMarketOfTheItemMustBeAllowed() {
    String text = "Cardiozen lowered LDL cholesterol by 48% at 12 weeks.";

    List<Finding> findings =
        check(Set.of("US", "FR", "JP", "DE"), text, new ClaimUse("CLM-001", text));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(PrecheckRuleId.CLAIM_MARKET_NOT_ALLOWED);
              assertThat(f.message()).contains("may not be used in FR, JP");
            });
  }

  @Test
  void aClaimOfAnotherProductIsFound() {
    String text = "Lipostat is taken once daily.";

    assertThat(check(Set.of("US"), text, new ClaimUse("CLM-900", text)))
        .extracting(Finding::rule)
        .containsExactly(PrecheckRuleId.CLAIM_OTHER_PRODUCT);
  }

  @Test
  void claimWordsNotFoundInTheModuleSpanTheWholeModule() {
    String text = "Take Cardiozen as your doctor told you.";

    assertThat(
            check(
                Set.of("US"), text, new ClaimUse("CLM-002", "One tablet twice daily, with food.")))
        .singleElement()
        .satisfies(f -> assertThat(f.span()).isEqualTo(TextSpan.wholeOf(text)));
  }
}
