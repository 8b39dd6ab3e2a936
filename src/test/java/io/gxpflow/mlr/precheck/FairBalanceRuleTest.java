package io.gxpflow.mlr.precheck;

import static io.gxpflow.mlr.precheck.Examples.ISI;
import static io.gxpflow.mlr.precheck.Examples.context;
import static io.gxpflow.mlr.precheck.Examples.email;
import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.mlr.content.ContentModule;
import io.gxpflow.mlr.content.ContentVersion;
import io.gxpflow.mlr.content.ModuleType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FairBalanceRuleTest {

  static final ContentModule BODY =
      ContentModule.of("body", ModuleType.BODY, "Cardiozen lowered LDL cholesterol by 48%.");

  /** Safety information required in the US and GB only. */
  static final FixedParameters PARAMETERS =
      new FixedParameters(Map.of(), Set.of("US", "GB"))
          .with(PrecheckRuleId.FAIR_BALANCE_MISSING, Severity.BLOCKING, 20);

  private static List<Finding> check(ContentVersion content) {
    return new FairBalanceRule().check(context(content, PARAMETERS));
  }

  @Test
  void missingSafetyInformationWhereAMarketRequiresItIsAnItemFinding() {
    assertThat(check(email(Set.of("GB", "JP", "US"), BODY)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(PrecheckRuleId.FAIR_BALANCE_MISSING);
              assertThat(f.severity()).isEqualTo(Severity.BLOCKING);
              assertThat(f.moduleId()).isNull();
              assertThat(f.span()).isNull();
              assertThat(f.message()).contains("GB, US").contains("HCP email");
            });
  }

  @Test
  void anIsiModuleWithTextIsFairBalance() {
    assertThat(check(email(Set.of("US"), BODY, ISI))).isEmpty();
  }

  @Test
  void anEmptyIsiModuleOrSafetyWordsInABodyModuleAreNot() {
    ContentModule emptyIsi = ContentModule.of("isi", ModuleType.ISI, "  ");
    ContentModule isiAsBody = ContentModule.of("isi-text", ModuleType.BODY, Examples.ISI_TEXT);

    assertThat(check(email(Set.of("US"), BODY, emptyIsi))).hasSize(1);
    assertThat(check(email(Set.of("US"), BODY, isiAsBody))).hasSize(1);
  }

  @Test
  void noFindingWhereNoMarketRequiresIt() {
    assertThat(check(email(Set.of("JP", "DE"), BODY))).isEmpty();
  }
}
