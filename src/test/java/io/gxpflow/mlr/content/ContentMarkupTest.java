package io.gxpflow.mlr.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gxpflow.mlr.content.ContentMarkup.Parsed;
import io.gxpflow.mlr.content.ContentMarkup.Problem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContentMarkupTest {

  static final String EXAMPLE =
      """
      ## headline
      Relief from the first dose.

      ## efficacy
      [Reduces pain by 50% in adults](claim:CLM-EFF-01) in two trials.

      ## dosing from PAM-DOSING-500
      Take one 500 mg tablet twice a day.

      ## safety [isi]
      Important safety information: do not take with alcohol.
      """;

  @Test
  void readsTheDocumentedExample() {
    Parsed parsed = ContentMarkup.parse(EXAMPLE);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.modules())
        .containsExactly(
            new ModuleDraft(
                "headline", ModuleType.BODY, "Relief from the first dose.", List.of(), null),
            new ModuleDraft(
                "efficacy",
                ModuleType.BODY,
                "Reduces pain by 50% in adults in two trials.",
                List.of(new ClaimUse("CLM-EFF-01", "Reduces pain by 50% in adults")),
                null),
            new ModuleDraft(
                "dosing",
                ModuleType.BODY,
                "Take one 500 mg tablet twice a day.",
                List.of(),
                "PAM-DOSING-500"),
            new ModuleDraft(
                "safety",
                ModuleType.ISI,
                "Important safety information: do not take with alcohol.",
                List.of(),
                null));
  }

  @Test
  void keepsLinesAndBlankLinesInsideAModuleAndTrimsAroundIt() {
    Parsed parsed =
        ContentMarkup.parse(
            "\n\n## body\n\n   First line.\n\nSecond [a](claim:C-1), [b](claim:C.2).  \n\n");

    assertThat(parsed.problems()).isEmpty();
    ModuleDraft module = parsed.modules().get(0);
    assertThat(module.text()).isEqualTo("First line.\n\nSecond a, b.");
    assertThat(module.claims()).containsExactly(new ClaimUse("C-1", "a"), new ClaimUse("C.2", "b"));
  }

  @Test
  void acceptsIsiAndFromInEitherOrderAndIsiInAnyCase() {
    Parsed parsed = ContentMarkup.parse("## isi from PM-ISI-7 [ISI]\nSafety.\n## x [isi]\nMore.");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.modules().get(0).type()).isEqualTo(ModuleType.ISI);
    assertThat(parsed.modules().get(0).preApprovedModuleId()).isEqualTo("PM-ISI-7");
    assertThat(parsed.modules().get(1).type()).isEqualTo(ModuleType.ISI);
  }

  @Test
  void keepsUnicodeInNfcAndOrdinaryLinksAsText() {
    String decomposed = "L'efficacite\u0301 prouve\u0301e 👨‍👩‍👧 本剤";
    Parsed parsed =
        ContentMarkup.parse(
            "## fr\n[" + decomposed + "](claim:CLM-FR)\n[Unsubscribe](https://x.test/unsubscribe)");

    assertThat(parsed.problems()).isEmpty();
    ModuleDraft module = parsed.modules().get(0);
    String nfc = "L'efficacité prouvée 👨‍👩‍👧 本剤";
    assertThat(module.text()).isEqualTo(nfc + "\n[Unsubscribe](https://x.test/unsubscribe)");
    assertThat(module.claims()).containsExactly(new ClaimUse("CLM-FR", nfc));
  }

  @Test
  void textBeforeTheFirstHeaderIsAProblem() {
    assertThat(ContentMarkup.parse("\nHello\n## body\nText.").problems())
        .containsExactly(
            new Problem(
                2, "text before the first module: start each module with ## and its module id"));
  }

  @Test
  void anEmptyModuleIsAProblemOnItsHeaderLine() {
    assertThat(ContentMarkup.parse("## one\nText.\n## two\n   \n## three\nMore.").problems())
        .extracting(Problem::line, Problem::message)
        .containsExactly(
            tuple(3, "module 'two' has no text: write it on the lines below its header"));
  }

  @Test
  void aRepeatedIdIsAProblemNamingTheFirstLine() {
    List<Problem> problems = ContentMarkup.parse("## body\nA.\n\n## body\nB.").problems();

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).line()).isEqualTo(4);
    assertThat(problems.get(0).message()).contains("'body' is used twice (first on line 1)");
  }

  @Test
  void malformedHeadersAreProblems() {
    assertThat(ContentMarkup.parse("##\nText.").problems())
        .extracting(Problem::message)
        .contains("a module header needs a module id after ##");
    assertThat(ContentMarkup.parse("## bad/id\nText.").problems().get(0).message())
        .startsWith("'bad/id' is not a module id");
    assertThat(ContentMarkup.parse("## " + "m".repeat(65) + "\nText.").problems()).hasSize(1);
    assertThat(ContentMarkup.parse("## " + "m".repeat(64) + "\nText.").problems()).isEmpty();
    assertThat(ContentMarkup.parse("## body [safety]\nText.").problems().get(0).message())
        .isEqualTo(
            "after the module id only [isi] and 'from <pre-approved module id>' may follow, not"
                + " '[safety]'");
    assertThat(ContentMarkup.parse("## body from\nText.").problems()).hasSize(1);
    assertThat(ContentMarkup.parse("## body from a b\nText.").problems()).hasSize(1);
  }

  @Test
  void malformedClaimLinksAreProblemsOnTheirLine() {
    for (String link :
        List.of(
            "[words](claim:)",
            "[](claim:CLM-1)",
            "[  ](claim:CLM-1)",
            "[words](claim:CLM 1)",
            "[words](claim:CLM-1",
            "[words] (claim:CLM-1)",
            "[words](claim:CLM/1)")) {
      List<Problem> problems = ContentMarkup.parse("## body\nFirst.\nSee " + link + ".").problems();
      assertThat(problems).as(link).hasSize(1);
      assertThat(problems.get(0).line()).as(link).isEqualTo(3);
    }
  }

  @Test
  void nothingToReadIsAProblem() {
    assertThat(ContentMarkup.parse("").problems()).hasSize(1);
    assertThat(ContentMarkup.parse(null).problems()).hasSize(1);
    assertThat(ContentMarkup.parse("### not a module\n").problems()).hasSize(1);
  }

  @Test
  void everyProblemIsReportedNotOnlyTheFirst() {
    Parsed parsed = ContentMarkup.parse("intro\n## a\n\n## a\nX [y](claim:)\n## b c\nZ.");

    assertThat(parsed.isValid()).isFalse();
    assertThat(parsed.modules()).isEmpty();
    assertThat(parsed.problems()).extracting(Problem::line).containsExactly(1, 2, 4, 5, 6);
    assertThatThrownBy(() -> parsed.orRefuse("contentText"))
        .isInstanceOf(ContentRefused.class)
        .satisfies(
            refused ->
                assertThat(((ContentRefused) refused).problems())
                    .allSatisfy(p -> assertThat(p.field()).isEqualTo("contentText"))
                    .first()
                    .extracting(ContentRefused.Problem::reason)
                    .asString()
                    .startsWith("line 1: text before the first module"));
  }

  @Test
  void renderThenParseGivesTheModulesBack() {
    ContentVersion version =
        new ContentVersion(
            "MLR-2026-0042",
            2,
            "Title",
            "Cardiozen",
            Set.of("US"),
            Channel.EMAIL,
            Audience.HCP,
            List.of(
                ContentModule.of(
                    "efficacy",
                    ModuleType.BODY,
                    "Cardiozen lowered LDL by 48%. Cardiozen lowered LDL by 48%, twice.\n\nIn"
                        + " adults.",
                    new ClaimUse("CLM-001", "Cardiozen lowered LDL by 48%"),
                    new ClaimUse("CLM-001", "Cardiozen lowered LDL by 48%")),
                ContentModule.of("heading", ModuleType.BODY, "## not a header\n### nor this"),
                new ContentModule(
                    "isi",
                    ModuleType.ISI,
                    "Important Safety Information: prouvée 👍🏽.",
                    List.of(),
                    "PM-ISI-7",
                    "Important Safety Information: prouvée 👍🏽.")));

    String markup = ContentMarkup.render(version);
    Parsed parsed = ContentMarkup.parse(markup);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.modules())
        .containsExactlyElementsOf(
            version.modules().stream()
                .map(
                    m ->
                        new ModuleDraft(
                            m.id(), m.type(), m.text(), m.claims(), m.preApprovedModuleId()))
                .toList());
    assertThat(markup)
        .startsWith(
            "## efficacy\n[Cardiozen lowered LDL by 48%](claim:CLM-001). [Cardiozen lowered LDL"
                + " by 48%](claim:CLM-001), twice.")
        .contains("## isi [isi] from PM-ISI-7\n");
  }

  @Test
  void claimsGivenOutOfTextOrderAreAllWrittenAndReadBackInTextOrder() {
    // A goes after B (the claim before it), C takes the first free place
    ModuleDraft module =
        new ModuleDraft(
            "m",
            ModuleType.BODY,
            "First claim. Second claim. First claim.",
            List.of(
                new ClaimUse("B", "Second claim."),
                new ClaimUse("A", "First claim."),
                new ClaimUse("C", "First claim."),
                new ClaimUse("D", "Not in the text.")),
            null);

    String markup = ContentMarkup.render(List.of(module));

    assertThat(markup)
        .isEqualTo(
            "## m\n[First claim.](claim:C) [Second claim.](claim:B) [First claim.](claim:A)\n");
    assertThat(ContentMarkup.parse(markup).modules().get(0).claims())
        .containsExactly(
            new ClaimUse("C", "First claim."),
            new ClaimUse("B", "Second claim."),
            new ClaimUse("A", "First claim."));
  }

  @Test
  void theExampleRendersAsWritten() {
    assertThat(ContentMarkup.render(ContentMarkup.parse(EXAMPLE).modules())).isEqualTo(EXAMPLE);
  }
}
