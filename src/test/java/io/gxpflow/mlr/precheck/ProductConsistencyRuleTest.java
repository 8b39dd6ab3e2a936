package io.gxpflow.mlr.precheck;

import static io.gxpflow.mlr.precheck.Examples.context;
import static io.gxpflow.mlr.precheck.Examples.email;
import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.mlr.content.Audience;
import io.gxpflow.mlr.content.Channel;
import io.gxpflow.mlr.content.ContentModule;
import io.gxpflow.mlr.content.ContentVersion;
import io.gxpflow.mlr.content.ModuleType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProductConsistencyRuleTest {

  private static List<Finding> check(String text) {
    return check(email(Set.of("US"), ContentModule.of("body", ModuleType.BODY, text)));
  }

  private static List<Finding> check(ContentVersion content) {
    return new ProductConsistencyRule().check(context(content, FixedParameters.none()));
  }

  @Test
  void aStrengthTheProductDoesNotHaveIsFoundWhereItStands() {
    String text = "Cardiozen 500 mg tablets: one a day.";

    assertThat(check(text))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(PrecheckRuleId.PRODUCT_AMOUNT_NOT_APPROVED);
              assertThat(f.span().of(text)).isEqualTo("500 mg");
            })
        .isNotNull();
    assertThat(check("Take Cardiozen 0.5 g twice daily.")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Cardiozen 250 mg film-coated tablets.",
        "Cardiozen 250mg, twice daily, at most 750 mg a day.",
        "Cardiozen 250\u00a0MG, 0.25 g, 250000 mcg, 250.0 mg.",
        "The daily dose is at most 0,75 g.",
        "LDL fell from 190 mg/dL; 5 mg/kg in the animal study; 48% reduction.",
        "Results at 12 weeks in 2,500 patients."
      })
  void approvedAmountsInAnyNotationAndAmountsThatAreNoDoseAreFine(String text) {
    assertThat(check(text)).isEmpty();
  }

  @Test
  void anotherProductNamedByBrandOrGenericNameIsFound() {
    String text = "Unlike LIPOSTAT (lipostatin), Cardiozen works in the liver.";

    assertThat(check(text))
        .extracting(f -> f.span().of(text))
        .containsExactly("LIPOSTAT", "lipostatin");
    assertThat(check(text)).allMatch(f -> f.rule() == PrecheckRuleId.PRODUCT_OTHER_NAMED);
    assertThat(check("Cardiozen with lipostatinase levels")).isEmpty();
  }

  @Test
  void anUnknownProductIsAnItemFindingAndItsAmountsAreNotJudged() {
    ContentVersion content =
        new ContentVersion(
            "MLR-2026-0050",
            1,
            "Unknown",
            "Neurozen",
            Set.of("US"),
            Channel.PRINT,
            Audience.HCP,
            List.of(ContentModule.of("body", ModuleType.BODY, "Neurozen 10 mg.")));

    assertThat(check(content))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(PrecheckRuleId.PRODUCT_UNKNOWN);
              assertThat(f.moduleId()).isNull();
            });
  }
}
