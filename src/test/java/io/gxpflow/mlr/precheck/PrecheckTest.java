package io.gxpflow.mlr.precheck;

import static io.gxpflow.mlr.precheck.Examples.ISI;
import static io.gxpflow.mlr.precheck.Examples.LIBRARY;
import static io.gxpflow.mlr.precheck.Examples.PRODUCTS;
import static io.gxpflow.mlr.precheck.Examples.TODAY;
import static io.gxpflow.mlr.precheck.Examples.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gxpflow.mlr.content.Audience;
import io.gxpflow.mlr.content.Channel;
import io.gxpflow.mlr.content.ClaimUse;
import io.gxpflow.mlr.content.ContentModule;
import io.gxpflow.mlr.content.ContentVersion;
import io.gxpflow.mlr.content.ModuleType;
import io.gxpflow.mlr.precheck.PrecheckParameters.ProhibitedPhrase;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The whole pre-check with the parameters as shipped in bpmn/: a realistic HCP email with several
 * findings, the same email put right, and the score formula.
 */
class PrecheckTest {

  static final Precheck PRECHECK = new Precheck(DmnPrecheckParameters.fromClasspath());

  static final String HEADER = "Cardiozen\u00ae 250 mg: the safest way to lower LDL.";
  static final String EFFICACY =
      "Unlike Lipostat, Cardiozen lowered LDL cholesterol by 50% at 12 weeks.";
  static final String DOSING_APPROVED = "One tablet twice daily, with or without food.";
  static final String DOSING_CHANGED = "One tablet twice daily, with food.";
  static final String FOOTER = "Cardiozen Medical Information: medinfo@example.com";

  private static ContentVersion hcpEmail(ContentModule... modules) {
    return email(Set.of("US"), modules);
  }

  @Test
  void aRealisticHcpEmailWithSeveralFindings() {
    ContentVersion draft =
        hcpEmail(
            ContentModule.of("header", ModuleType.BODY, HEADER),
            ContentModule.of(
                "efficacy",
                ModuleType.BODY,
                EFFICACY,
                new ClaimUse("CLM-001", "Cardiozen lowered LDL cholesterol by 50% at 12 weeks.")),
            new ContentModule(
                "dosing",
                ModuleType.BODY,
                DOSING_CHANGED,
                List.of(new ClaimUse("CLM-002", DOSING_CHANGED)),
                "PM-DOSE-3",
                DOSING_APPROVED),
            ISI,
            ContentModule.of("footer", ModuleType.BODY, FOOTER));

    PrecheckResult result = PRECHECK.run(draft, LIBRARY, PRODUCTS, TODAY);

    assertThat(result.findings())
        .extracting(
            Finding::rule,
            Finding::severity,
            Finding::moduleId,
            f -> f.span() == null ? null : f.span().of(text(draft, f.moduleId())))
        .containsExactly(
            tuple(PrecheckRuleId.EMAIL_UNSUBSCRIBE_MISSING, Severity.BLOCKING, null, null),
            tuple(PrecheckRuleId.PROHIBITED_PHRASE, Severity.BLOCKING, "header", "safest"),
            tuple(PrecheckRuleId.PRODUCT_OTHER_NAMED, Severity.MAJOR, "efficacy", "Lipostat"),
            tuple(
                PrecheckRuleId.CLAIM_TEXT_NOT_APPROVED,
                Severity.MAJOR,
                "efficacy",
                "Cardiozen lowered LDL cholesterol by 50% at 12 weeks."),
            tuple(PrecheckRuleId.CLAIM_TEXT_NOT_APPROVED, Severity.MAJOR, "dosing", DOSING_CHANGED),
            tuple(PrecheckRuleId.PRE_APPROVED_MODULE_CHANGED, Severity.MINOR, "dosing", "food."));
    assertThat(result.findings()).allSatisfy(f -> assertThat(f.message()).isNotBlank());
    assertThat(result.blocked()).isTrue();
    // 100 - (phrase 10x2 + unsubscribe 10x2 + other product 10 + 2 claim texts 10 + changed 5x0.5)
    assertThat(result.score()).isEqualTo(27);
  }

  @Test
  void theSameEmailPutRightHasNoFinding() {
    String efficacy = "Cardiozen lowered LDL cholesterol by 48% at 12 weeks.";
    ContentVersion approved =
        new ContentVersion(
            "MLR-2026-0042",
            2,
            "Cardiozen launch email",
            "Cardiozen",
            Set.of("US", "GB"),
            Channel.EMAIL,
            Audience.HCP,
            List.of(
                ContentModule.of(
                    "header", ModuleType.BODY, "Cardiozen\u00ae 250 mg: lower LDL, twice daily."),
                ContentModule.of(
                    "efficacy", ModuleType.BODY, efficacy, new ClaimUse("CLM-001", efficacy)),
                new ContentModule(
                    "dosing",
                    ModuleType.BODY,
                    DOSING_APPROVED,
                    List.of(new ClaimUse("CLM-002", DOSING_APPROVED)),
                    "PM-DOSE-3",
                    DOSING_APPROVED),
                ISI,
                ContentModule.of(
                    "footer",
                    ModuleType.BODY,
                    FOOTER + " [Unsubscribe](https://mail.example.com/u/{{contact_id}})")));

    PrecheckResult result = PRECHECK.run(approved, LIBRARY, PRODUCTS, TODAY);

    assertThat(result.findings()).isEmpty();
    assertThat(result.score()).isEqualTo(100);
    assertThat(result.blocked()).isFalse();
  }

  @Test
  void theScoreIsAHundredLessTheWeightsTimesTheSeverityFactorsAndNotBelowZero() {
    FixedParameters parameters =
        new FixedParameters(
            Map.of("US", List.of(new ProhibitedPhrase("cure", Severity.MINOR, "no cure"))),
            Set.of());
    Precheck precheck = new Precheck(parameters);

    assertThat(
            precheck
                .run(
                    hcpEmail(
                        ContentModule.of(
                            "b", ModuleType.BODY, "A cure. " + FOOTER + " %%unsubscribe%%")),
                    LIBRARY,
                    PRODUCTS,
                    TODAY)
                .score())
        .isEqualTo(95);
    String manyCures = String.join(" ", Collections.nCopies(30, "cure")) + " %%unsubscribe%%";
    assertThat(
            precheck
                .run(
                    hcpEmail(ContentModule.of("b", ModuleType.BODY, manyCures)),
                    LIBRARY,
                    PRODUCTS,
                    TODAY)
                .score())
        .isZero();
  }

  private static String text(ContentVersion content, String moduleId) {
    return content.modules().stream()
        .filter(m -> m.id().equals(moduleId))
        .findFirst()
        .orElseThrow()
        .text();
  }
}
