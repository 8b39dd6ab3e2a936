package io.gxpflow.mlr.precheck;

import static io.gxpflow.mlr.precheck.Examples.context;
import static io.gxpflow.mlr.precheck.Examples.email;
import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.mlr.content.ContentModule;
import io.gxpflow.mlr.content.ModuleType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PreApprovedModuleRuleTest {

  static final String APPROVED = "Cardiozen: one tablet twice daily, with or without food.";

  private static List<Finding> check(ContentModule module) {
    return new PreApprovedModuleRule()
        .check(context(email(Set.of("US"), module), FixedParameters.none()));
  }

  private static ContentModule taken(String text) {
    return new ContentModule("dosing", ModuleType.BODY, text, List.of(), "PM-DOSE-3", APPROVED);
  }

  @Test
  void aChangedPreApprovedModuleIsFoundWithTheChangedPart() {
    String text = "Cardiozen: two tablets twice daily, with or without food.";

    assertThat(check(taken(text)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(PrecheckRuleId.PRE_APPROVED_MODULE_CHANGED);
              assertThat(f.moduleId()).isEqualTo("dosing");
              assertThat(f.span().of(text)).isEqualTo("two tablets");
              assertThat(f.message()).contains("PM-DOSE-3");
            });
  }

  @Test
  void anUnchangedModuleOrOneWithOtherLineBreaksIsFine() {
    assertThat(check(taken(APPROVED))).isEmpty();
    assertThat(check(taken("Cardiozen: one tablet\ntwice daily,  with or without food. ")))
        .isEmpty();
  }

  @Test
  void aDeletionShowsTheWordsAtTheGap() {
    String text = "Cardiozen: one tablet twice daily, with food.";

    assertThat(check(taken(text)))
        .singleElement()
        .satisfies(f -> assertThat(f.span().of(text)).isEqualTo("food."));
  }

  @Test
  void aChangeOfCaseIsAChange() {
    assertThat(check(taken(APPROVED.replace("one tablet", "ONE tablet")))).hasSize(1);
  }

  @Test
  void aModuleWrittenForTheItemIsNotCheckedHere() {
    assertThat(check(ContentModule.of("new", ModuleType.BODY, "Anything new."))).isEmpty();
  }

  @Test
  void theChangedPartNeverSplitsACharacterOutsideTheBasicPlane() {
    // 😀 (U+1F600) and 😃 (U+1F603) share their high surrogate
    String approved = "Smile \ud83d\ude00 daily";
    String text = "Smile \ud83d\ude03 daily";

    TextSpan span = PreApprovedModuleRule.changedPart(approved, text);

    assertThat(span).isEqualTo(new TextSpan(6, 8));
    assertThat(PreApprovedModuleRule.changedPart("ab", "abc")).isEqualTo(new TextSpan(2, 3));
    assertThat(PreApprovedModuleRule.changedPart("abc", "ac")).isEqualTo(new TextSpan(0, 2));
  }
}
