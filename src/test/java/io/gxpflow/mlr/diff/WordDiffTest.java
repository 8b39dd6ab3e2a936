package io.gxpflow.mlr.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.mlr.diff.WordSegment.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordDiffTest {

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Reduces pain by 50% in adults.              | Reduces pain by 40% in adults.               | Reduces pain by [-50%-]{+40%+} in adults.
          Dose: 250 mg twice daily                    | Dose: 500 mg twice daily                     | Dose: [-250-]{+500+} mg twice daily
          Die Behandlung führt selten zu Übelkeit.    | Die Behandlung führt häufig zu Übelkeit.     | Die Behandlung führt [-selten-]{+häufig+} zu Übelkeit.
          L'efficacité a été démontrée chez l'adulte. | L'efficacité a été démontrée chez l'enfant.  | L'efficacité a été démontrée chez [-l'adulte-]{+l'enfant+}.
          本剤は東京で承認されました。                     | 本剤は大阪で承認されました。                      | 本剤は[-東京-]{+大阪+}で承認されました。
          Ask your doctor 👍🏽                         | Ask your doctor 👍🏿                          | Ask your doctor [-👍🏽-]{+👍🏿+}
          Family 👨‍👩‍👧, flag 🇩🇪                        | Family 👨‍👩‍👦, flag 🇫🇷                         | Family [-👨‍👩‍👧-]{+👨‍👩‍👦+}, flag [-🇩🇪-]{+🇫🇷+}
          Talk to your doctor.                        | Talk to your doctor or pharmacist.           | Talk to your doctor{+ or pharmacist+}.
          Talk to your doctor or pharmacist.          | Talk to your doctor.                         | Talk to your doctor[- or pharmacist-].
          """)
  void marksTheChangedWordsOnly(String oldText, String newText, String rendered) {
    assertThat(WordDiff.render(WordDiff.between(oldText, newText))).isEqualTo(rendered);
  }

  @Test
  void aChangeIsItsDeletionFollowedByItsInsertion() {
    assertThat(WordDiff.between("Take one tablet daily.", "Take two tablets daily."))
        .containsExactly(
            new WordSegment(Kind.EQUAL, "Take "),
            new WordSegment(Kind.DELETED, "one tablet"),
            new WordSegment(Kind.INSERTED, "two tablets"),
            new WordSegment(Kind.EQUAL, " daily."));
  }

  @Test
  void aShortKeptRunBetweenTwoChangesFoldsIntoThemALongerOneStays() {
    assertThat(WordDiff.render(WordDiff.between("the quick brown fox", "the slow red fox")))
        .isEqualTo("the [-quick brown-]{+slow red+} fox");
    assertThat(
            WordDiff.render(
                WordDiff.between(
                    "Take one tablet with water daily.", "Take two tablets with water weekly.")))
        .isEqualTo("Take [-one tablet-]{+two tablets+} with water [-daily-]{+weekly+}.");
  }

  @Test
  void canonicallyEqualTextsAreEqual() {
    String composed = "L'efficacit\u00e9 d\u00e9montr\u00e9e";
    String decomposed = "L'efficacite\u0301 de\u0301montre\u0301e";

    assertThat(WordDiff.between(decomposed, composed))
        .containsExactly(new WordSegment(Kind.EQUAL, composed));
  }

  @Test
  void emptyTexts() {
    assertThat(WordDiff.between("", "")).isEmpty();
    assertThat(WordDiff.between("", "New text")).containsExactly(inserted("New text"));
    assertThat(WordDiff.between("Old text", "")).containsExactly(deleted("Old text"));
    assertThat(WordDiff.render(WordDiff.between("Same", "Same"))).isEqualTo("Same");
  }

  @Test
  void theSegmentsGiveBackBothTexts() {
    Random random = new Random(42);
    String[] words = {"Aspirin", "reduces", "pain", " ", " ", ",", ".", "東", "京", "👍🏽", "été"};
    for (int round = 0; round < 500; round++) {
      String oldText = randomText(random, words, random.nextInt(30));
      String newText = randomText(random, words, random.nextInt(30));

      List<WordSegment> segments = WordDiff.between(oldText, newText);

      assertThat(side(segments, Kind.DELETED)).as("old, round %d", round).isEqualTo(oldText);
      assertThat(side(segments, Kind.INSERTED)).as("new, round %d", round).isEqualTo(newText);
      assertThat(segments).noneMatch(segment -> segment.text().isEmpty());
    }
  }

  @Test
  void aLargeModuleWithScatteredEditsShowsEachEdit() {
    Random random = new Random(3);
    List<String> oldWords = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      oldWords.add("w" + random.nextInt(500));
    }
    List<String> newWords = new ArrayList<>(oldWords);
    for (int i = 100; i < 4000; i += 200) {
      newWords.set(i, "CHANGED" + i); // 20 changed words, far apart
    }
    newWords.add(2000, "INSERTED");
    String oldText = String.join(" ", oldWords);
    String newText = String.join(" ", newWords);

    List<WordSegment> segments = WordDiff.between(oldText, newText);

    assertThat(side(segments, Kind.DELETED)).isEqualTo(oldText);
    assertThat(side(segments, Kind.INSERTED)).isEqualTo(newText);
    assertThat(segments.stream().filter(s -> s.kind() == Kind.INSERTED))
        .hasSize(21)
        .anyMatch(s -> s.text().equals("INSERTED "));
    assertThat(segments.stream().filter(s -> s.kind() == Kind.DELETED)).hasSize(20);
  }

  @Test
  void aLargeModuleRewrittenFromEndToEndIsOneDeletionAndOneInsertion() {
    Random random = new Random(5);
    String oldText = randomText(random, "alpha beta gamma delta epsilon".split(" "), 3000, " ");
    String newText = randomText(random, "one two three four five six".split(" "), 3000, " ");

    assertThat(WordDiff.between(oldText, newText))
        .containsExactly(deleted(oldText), inserted(newText));
  }

  private static String side(List<WordSegment> segments, Kind side) {
    return segments.stream()
        .filter(segment -> segment.kind() == Kind.EQUAL || segment.kind() == side)
        .map(WordSegment::text)
        .collect(Collectors.joining());
  }

  private static String randomText(Random random, String[] words, int length) {
    return randomText(random, words, length, "");
  }

  private static String randomText(Random random, String[] words, int length, String between) {
    List<String> picked = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      picked.add(words[random.nextInt(words.length)]);
    }
    return String.join(between, picked);
  }

  private static WordSegment inserted(String text) {
    return new WordSegment(Kind.INSERTED, text);
  }

  private static WordSegment deleted(String text) {
    return new WordSegment(Kind.DELETED, text);
  }
}
