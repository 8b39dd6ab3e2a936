package io.gxpflow.mlr.diff;

import static io.gxpflow.mlr.diff.ModuleText.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gxpflow.mlr.diff.WordSegment.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The module diff of a new version against the last approved one and the pre-approved modules it
 * reuses. Most cases are checked on the plain-text form, which shows every module's change, review
 * flag and word diff in one line.
 */
class ModuleDifferTest {

  static final Map<String, String> NO_LIBRARY = Map.of();

  static final String ISI =
      "Important safety information: do not take with alcohol. Report side effects.";

  @Test
  void identicalVersionsLeaveNothingToReview() {
    List<ModuleText> version =
        List.of(of("headline", "Relief in 30 minutes."), of("isi", ISI), of("footer", "© 2026"));

    VersionDiff diff = ModuleDiffer.compare(version, version, NO_LIBRARY);

    assertThat(diff.firstVersion()).isFalse();
    assertThat(diff.modules())
        .extracting(ModuleDiff::change)
        .containsOnly(ModuleChange.UNCHANGED)
        .hasSize(3);
    assertThat(diff.modules()).noneMatch(ModuleDiff::reviewRequired);
    assertThat(diff.toReview()).isZero();
    assertThat(diff.counts()).containsEntry(ModuleChange.UNCHANGED, 3).hasSize(7);
    assertThat(diff.counts().entrySet())
        .filteredOn(count -> count.getKey() != ModuleChange.UNCHANGED)
        .allMatch(count -> count.getValue() == 0);
  }

  @Test
  void changedInsertedAndDeletedModulesEachInTheirPlace() {
    List<ModuleText> approved =
        List.of(
            of("headline", "Relief in 30 minutes."),
            of("efficacy", "Reduces pain by 50% in adults."),
            of("footnote", "Data on file."),
            of("isi", ISI));
    List<ModuleText> version =
        List.of(
            of("headline", "Relief in 30 minutes."),
            of("efficacy", "Reduces pain by 40% in adults."),
            of("dosing", "Take one tablet twice daily."),
            of("isi", ISI));

    VersionDiff diff = ModuleDiffer.compare(approved, version, NO_LIBRARY);

    assertThat(diff.plainText())
        .isEqualTo(
            """
            1 UNCHANGED headline approved: Relief in 30 minutes.
            2 CHANGED efficacy review: Reduces pain by [-50%-]{+40%+} in adults.
            - DELETED footnote review: [-Data on file.-]
            3 INSERTED dosing review: {+Take one tablet twice daily.+}
            4 UNCHANGED isi approved: <ISI>
            """
                .replace("<ISI>", ISI));
    assertThat(diff.toReview()).isEqualTo(3);
    assertThat(diff.counts())
        .containsEntry(ModuleChange.UNCHANGED, 2)
        .containsEntry(ModuleChange.CHANGED, 1)
        .containsEntry(ModuleChange.INSERTED, 1)
        .containsEntry(ModuleChange.DELETED, 1)
        .containsEntry(ModuleChange.MOVED, 0);

    ModuleDiff efficacy = diff.modules().get(1);
    assertThat(efficacy.position()).isEqualTo(2);
    assertThat(efficacy.previousPosition()).isEqualTo(2);
    assertThat(efficacy.previousModuleId()).isEqualTo("efficacy");
    assertThat(efficacy.words())
        .containsExactly(
            new WordSegment(Kind.EQUAL, "Reduces pain by "),
            new WordSegment(Kind.DELETED, "50%"),
            new WordSegment(Kind.INSERTED, "40%"),
            new WordSegment(Kind.EQUAL, " in adults."));
    ModuleDiff footnote = diff.modules().get(2);
    assertThat(footnote.position()).isNull();
    assertThat(footnote.previousPosition()).isEqualTo(3);
    ModuleDiff dosing = diff.modules().get(3);
    assertThat(dosing.previousModuleId()).isNull();
    assertThat(dosing.previousPosition()).isNull();
  }

  @Test
  void aModuleTakenOutOfOrderIsMovedTheOthersStayInPlace() {
    List<ModuleText> approved =
        List.of(of("a", "Alpha."), of("isi", ISI), of("c", "Gamma."), of("d", "Delta."));
    List<ModuleText> version =
        List.of(of("a", "Alpha."), of("c", "Gamma."), of("d", "Delta."), of("isi", ISI));

    VersionDiff diff = ModuleDiffer.compare(approved, version, NO_LIBRARY);

    assertThat(diff.plainText())
        .isEqualTo(
            """
            1 UNCHANGED a approved: Alpha.
            2 UNCHANGED c approved: Gamma.
            3 UNCHANGED d approved: Delta.
            4 MOVED isi review: <ISI>
            """
                .replace("<ISI>", ISI));
    ModuleDiff isi = diff.modules().get(3);
    assertThat(isi.previousPosition()).isEqualTo(2);
    assertThat(isi.position()).isEqualTo(4);
    assertThat(isi.words()).isEmpty();
  }

  @Test
  void modulesInsertedAboveOthersDoNotMoveThem() {
    List<ModuleText> approved = List.of(of("a", "Alpha."), of("b", "Beta."));
    List<ModuleText> version =
        List.of(
            of("new", "New."), of("a", "Alpha."), of("also-new", "Also new."), of("b", "Beta."));

    VersionDiff diff = ModuleDiffer.compare(approved, version, NO_LIBRARY);

    assertThat(diff.modules())
        .extracting(ModuleDiff::change)
        .containsExactly(
            ModuleChange.INSERTED,
            ModuleChange.UNCHANGED,
            ModuleChange.INSERTED,
            ModuleChange.UNCHANGED);
  }

  @Test
  void twoSwappedModulesShowOneOfThemMoved() {
    List<ModuleText> approved = List.of(of("a", "Alpha."), of("b", "Beta."));
    List<ModuleText> version = List.of(of("b", "Beta."), of("a", "Alpha."));

    VersionDiff diff = ModuleDiffer.compare(approved, version, NO_LIBRARY);

    assertThat(diff.modules())
        .extracting(ModuleDiff::change)
        .containsExactlyInAnyOrder(ModuleChange.MOVED, ModuleChange.UNCHANGED);
    assertThat(ModuleDiffer.compare(approved, version, NO_LIBRARY)).isEqualTo(diff);
  }

  @Test
  void aMovedAndChangedModuleShowsBoth() {
    List<ModuleText> approved =
        List.of(of("a", "Alpha."), of("b", "Beta."), of("isi", "Do not take with alcohol."));
    List<ModuleText> version =
        List.of(
            of("isi", "Do not take with alcohol or grapefruit."),
            of("a", "Alpha."),
            of("b", "Beta."));

    VersionDiff diff = ModuleDiffer.compare(approved, version, NO_LIBRARY);

    assertThat(diff.plainText())
        .isEqualTo(
            """
            1 MOVED_AND_CHANGED isi review: Do not take with alcohol{+ or grapefruit+}.
            2 UNCHANGED a approved: Alpha.
            3 UNCHANGED b approved: Beta.
            """);
  }

  @Test
  void deletedModulesFollowTheModuleTheyFollowedBefore() {
    List<ModuleText> approved =
        List.of(of("gone-first", "First."), of("a", "Alpha."), of("gone", "Gone."));
    List<ModuleText> version = List.of(of("a", "Alpha."), of("b", "Beta."));

    VersionDiff diff = ModuleDiffer.compare(approved, version, NO_LIBRARY);

    assertThat(diff.plainText())
        .isEqualTo(
            """
            - DELETED gone-first review: [-First.-]
            1 UNCHANGED a approved: Alpha.
            - DELETED gone review: [-Gone.-]
            2 INSERTED b review: {+Beta.+}
            """);
  }

  @Test
  void aModuleRecreatedUnderANewIdWithTheSameTextIsRecognisedByItsText() {
    List<ModuleText> approved = List.of(of("headline", "Relief in 30 minutes."), of("isi-1", ISI));
    List<ModuleText> version = List.of(of("headline", "Relief in 30 minutes."), of("isi-2", ISI));

    VersionDiff diff = ModuleDiffer.compare(approved, version, NO_LIBRARY);

    assertThat(diff.plainText())
        .isEqualTo(
            """
            1 UNCHANGED headline approved: Relief in 30 minutes.
            2 UNCHANGED isi-2 (was isi-1) approved: <ISI>
            """
                .replace("<ISI>", ISI));
    ModuleDiff isi = diff.modules().get(1);
    assertThat(isi.matchedByText()).isTrue();
    assertThat(isi.previousModuleId()).isEqualTo("isi-1");
    assertThat(diff.modules().get(0).matchedByText()).isFalse();
  }

  @Test
  void aRecreatedModuleWhoseTextAlsoChangedIsDeletedAndInserted() {
    List<ModuleText> approved = List.of(of("isi-1", "Do not take with alcohol."));
    List<ModuleText> version = List.of(of("isi-2", "Do not take with alcohol or grapefruit."));

    VersionDiff diff = ModuleDiffer.compare(approved, version, NO_LIBRARY);

    assertThat(diff.modules())
        .extracting(ModuleDiff::change)
        .containsExactly(ModuleChange.DELETED, ModuleChange.INSERTED);
  }

  @Test
  void matchingByTextTakesOnlyModulesWhoseIdIsGoneAndPairsEqualTextsInOrder() {
    List<ModuleText> approved =
        List.of(of("a", "Same."), of("old-1", "Twin."), of("old-2", "Twin."));
    List<ModuleText> version =
        List.of(of("a", "Changed."), of("b", "Same."), of("new-1", "Twin."), of("new-2", "Twin."));

    VersionDiff diff = ModuleDiffer.compare(approved, version, NO_LIBRARY);

    assertThat(diff.plainText())
        .isEqualTo(
            """
            1 CHANGED a review: [-Same-]{+Changed+}.
            2 INSERTED b review: {+Same.+}
            3 UNCHANGED new-1 (was old-1) approved: Twin.
            4 UNCHANGED new-2 (was old-2) approved: Twin.
            """);
  }

  @Test
  void theFirstVersionHasOnlyNewModules() {
    Map<String, String> library = Map.of("lib-isi", ISI);
    List<ModuleText> version =
        List.of(of("headline", "Relief in 30 minutes."), new ModuleText("isi", ISI, "lib-isi"));

    VersionDiff diff = ModuleDiffer.firstVersion(version, library);

    assertThat(diff.firstVersion()).isTrue();
    assertThat(diff.plainText())
        .isEqualTo(
            """
            1 NEW headline review: {+Relief in 30 minutes.+}
            2 NEW isi reuse lib-isi UNCHANGED approved: {+<ISI>+}
            """
                .replace("<ISI>", ISI));
    assertThat(diff.counts()).containsEntry(ModuleChange.NEW, 2);
    assertThat(diff.toReview()).isEqualTo(1);
    assertThat(diff.reuse()).isEqualTo(new ReuseRate(2, 1, 0, 0, 0.5));
  }

  @Test
  void emptyVersions() {
    VersionDiff nothing = ModuleDiffer.compare(List.of(), List.of(), NO_LIBRARY);
    assertThat(nothing.modules()).isEmpty();
    assertThat(nothing.toReview()).isZero();
    assertThat(nothing.counts().values()).containsOnly(0);
    assertThat(nothing.reuse()).isEqualTo(new ReuseRate(0, 0, 0, 0, 0.0));
    assertThat(nothing.plainText()).isEmpty();

    assertThat(ModuleDiffer.firstVersion(List.of(), NO_LIBRARY).modules()).isEmpty();

    VersionDiff emptied =
        ModuleDiffer.compare(List.of(of("a", "Alpha."), of("b", "Beta.")), List.of(), NO_LIBRARY);
    assertThat(emptied.modules())
        .extracting(ModuleDiff::change)
        .containsExactly(ModuleChange.DELETED, ModuleChange.DELETED);
    assertThat(emptied.toReview()).isEqualTo(2);
    assertThat(emptied.reuse().modules()).isZero();

    VersionDiff filled = ModuleDiffer.compare(List.of(), List.of(of("a", "Alpha.")), NO_LIBRARY);
    assertThat(filled.firstVersion()).isFalse();
    assertThat(filled.modules())
        .extracting(ModuleDiff::change)
        .containsExactly(ModuleChange.INSERTED);
  }

  @Test
  void reusedModulesAgainstTheirPreApprovedTextAndTheReuseRate() {
    Map<String, String> library =
        Map.of(
            "lib-isi", ISI,
            "lib-pi", "Full prescribing information at example.com/pi.",
            "lib-claim", "Reduces pain by 50% in adults.");
    List<ModuleText> approved = List.of(of("headline", "Relief in 30 minutes."));
    List<ModuleText> version =
        List.of(
            of("headline", "Relief in 30 minutes."),
            new ModuleText("claim", "Reduces pain by 40% in adults.", "lib-claim"),
            new ModuleText("isi", ISI, "lib-isi"),
            new ModuleText("pi", "Full prescribing information at example.com/pi.", "lib-pi"),
            new ModuleText("retired", "Old approved text.", "lib-retired"));

    VersionDiff diff = ModuleDiffer.compare(approved, version, library);

    assertThat(diff.plainText())
        .isEqualTo(
            """
            1 UNCHANGED headline approved: Relief in 30 minutes.
            2 INSERTED claim reuse lib-claim CHANGED review: {+Reduces pain by 40% in adults.+}
              against lib-claim: Reduces pain by [-50%-]{+40%+} in adults.
            3 INSERTED isi reuse lib-isi UNCHANGED approved: {+<ISI>+}
            4 INSERTED pi reuse lib-pi UNCHANGED approved: {+Full prescribing information at example.com/pi.+}
            5 INSERTED retired reuse lib-retired SOURCE_NOT_FOUND review: {+Old approved text.+}
            """
                .replace("<ISI>", ISI));
    assertThat(diff.reuse()).isEqualTo(new ReuseRate(5, 2, 1, 1, 0.4));
    assertThat(diff.toReview()).isEqualTo(2);
    assertThat(diff.modules().get(0).reuse()).isEqualTo(ReuseCheck.NOT_REUSED);
  }

  @Test
  void aBlankSourceIsNoSource() {
    VersionDiff diff =
        ModuleDiffer.firstVersion(List.of(new ModuleText("a", "Alpha.", " ")), NO_LIBRARY);

    assertThat(diff.modules().get(0).reuse()).isEqualTo(ReuseCheck.NOT_REUSED);
    assertThat(diff.reuse()).isEqualTo(new ReuseRate(1, 0, 0, 0, 0.0));
  }

  @Test
  void aChangedReuseTheLastVersionApprovedAsItIsNeedsNoNewReview() {
    Map<String, String> library = Map.of("lib-claim", "Reduces pain by 50% in adults.");
    ModuleText edited = new ModuleText("claim", "Reduces pain by 40% in adults.", "lib-claim");

    VersionDiff diff = ModuleDiffer.compare(List.of(edited), List.of(edited), library);

    assertThat(diff.modules().get(0).change()).isEqualTo(ModuleChange.UNCHANGED);
    assertThat(diff.modules().get(0).reuse().status()).isEqualTo(ReuseStatus.CHANGED);
    assertThat(diff.modules().get(0).reviewRequired()).isFalse();
    assertThat(diff.reuse().rate()).isZero();
  }

  @Test
  void anUnchangedReuseEditedSinceTheLastVersionIsBackToItsApprovedText() {
    Map<String, String> library = Map.of("lib-isi", ISI);
    List<ModuleText> approved = List.of(new ModuleText("isi", ISI + " Edited.", "lib-isi"));
    List<ModuleText> version = List.of(new ModuleText("isi", ISI, "lib-isi"));

    ModuleDiff isi = ModuleDiffer.compare(approved, version, library).modules().get(0);

    assertThat(isi.change()).isEqualTo(ModuleChange.CHANGED);
    assertThat(isi.reuse().status()).isEqualTo(ReuseStatus.UNCHANGED);
    assertThat(isi.reviewRequired()).isFalse();
  }

  @Test
  void canonicallyEqualTextIsUnchanged() {
    List<ModuleText> approved =
        List.of(of("fr", "L'efficacite\u0301 a e\u0301te\u0301 de\u0301montre\u0301e."));
    List<ModuleText> version = List.of(of("fr", "L'efficacité a été démontrée."));

    VersionDiff diff = ModuleDiffer.compare(approved, version, NO_LIBRARY);

    assertThat(diff.modules().get(0).change()).isEqualTo(ModuleChange.UNCHANGED);
  }

  @Test
  void unicodeModulesInGermanFrenchJapaneseAndEmoji() {
    List<ModuleText> approved =
        List.of(
            of("de", "Die Behandlung führt selten zu Übelkeit."),
            of("fr", "L'efficacité a été démontrée chez l'adulte."),
            of("ja", "本剤は東京で承認されました。"),
            of("social", "Frag deinen Arzt 👍🏽 🇩🇪"));
    List<ModuleText> version =
        List.of(
            of("de", "Die Behandlung führt häufig zu Übelkeit."),
            of("fr", "L'efficacité a été démontrée chez l'enfant."),
            of("ja", "本剤は大阪で承認されました。"),
            of("social", "Frag deinen Arzt 👍🏿 🇩🇪"));

    VersionDiff diff = ModuleDiffer.compare(approved, version, NO_LIBRARY);

    assertThat(diff.plainText())
        .isEqualTo(
            """
            1 CHANGED de review: Die Behandlung führt [-selten-]{+häufig+} zu Übelkeit.
            2 CHANGED fr review: L'efficacité a été démontrée chez [-l'adulte-]{+l'enfant+}.
            3 CHANGED ja review: 本剤は[-東京-]{+大阪+}で承認されました。
            4 CHANGED social review: Frag deinen Arzt [-👍🏽-]{+👍🏿+} 🇩🇪
            """);
  }

  @Test
  void aLargeModuleOfThousandsOfWords() {
    StringBuilder approvedText = new StringBuilder();
    StringBuilder newText = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      String word = "word" + (i * 7919 % 1000);
      approvedText.append(word).append(i % 20 == 19 ? ". " : " ");
      newText.append(i == 2500 ? "CHANGED" : word).append(i % 20 == 19 ? ". " : " ");
    }
    List<ModuleText> approved = new ArrayList<>();
    List<ModuleText> version = new ArrayList<>();
    for (int m = 0; m < 30; m++) {
      approved.add(of("m" + m, "Module " + m + "."));
      version.add(of("m" + m, "Module " + m + "."));
    }
    approved.add(of("study", approvedText.toString()));
    version.add(of("study", newText.toString()));

    VersionDiff diff = ModuleDiffer.compare(approved, version, NO_LIBRARY);

    ModuleDiff study = diff.modules().get(30);
    assertThat(study.change()).isEqualTo(ModuleChange.CHANGED);
    assertThat(study.words())
        .filteredOn(segment -> segment.kind() != Kind.EQUAL)
        .containsExactly(
            new WordSegment(Kind.DELETED, "word" + (2500 * 7919 % 1000)),
            new WordSegment(Kind.INSERTED, "CHANGED"));
    assertThat(diff.toReview()).isEqualTo(1);
  }

  @Test
  void aVersionWithAModuleIdTwiceIsRefused() {
    List<ModuleText> twice = List.of(of("a", "Alpha."), of("a", "Again."));

    assertThatThrownBy(() -> ModuleDiffer.compare(List.of(), twice, NO_LIBRARY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("module a twice");
    assertThatThrownBy(() -> ModuleDiffer.compare(twice, List.of(), NO_LIBRARY))
        .hasMessageContaining("last approved version");
    assertThatThrownBy(() -> ModuleDiffer.compare(null, List.of(), NO_LIBRARY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ModuleDiffer.firstVersion(List.of(), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> of(" ", "text")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> of("a", null)).isInstanceOf(IllegalArgumentException.class);
  }
}
