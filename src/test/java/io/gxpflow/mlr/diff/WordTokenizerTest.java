package io.gxpflow.mlr.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WordTokenizerTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Die Behandlung führt selten zu Übelkeit; Straße.",
        "L'efficacité a été démontrée chez l'adulte — 3,5 mg/kg.",
        "本剤は東京で承認されました。アセトアミノフェン500mgを服用",
        "Ask your doctor 👍🏽 👨‍👩‍👧 🇩🇪🇫🇷 ❤️",
        "  two spaces\nand a line\tand a tab  ",
        ""
      })
  void tokensGiveBackTheTextExactly(String text) {
    assertThat(String.join("", WordTokenizer.tokens(text))).isEqualTo(text);
  }

  @Test
  void wordsAndWhatIsBetweenThemAreTokens() {
    assertThat(WordTokenizer.tokens("Die Behandlung führt zu Übelkeit."))
        .containsExactly("Die", " ", "Behandlung", " ", "führt", " ", "zu", " ", "Übelkeit", ".");
    assertThat(WordTokenizer.tokens("L'efficacité: 3.5 mg, 1,000 doses"))
        .containsExactly(
            "L'efficacité", ":", " ", "3.5", " ", "mg", ",", " ", "1,000", " ", "doses");
  }

  @Test
  void aCombiningAccentStaysWithItsLetter() {
    String decomposed = "e\u0301te\u0301 cafe\u0301";

    assertThat(WordTokenizer.tokens(decomposed))
        .containsExactly("e\u0301te\u0301", " ", "cafe\u0301");
  }

  @Test
  void chineseAndJapaneseAreCutIntoCharacters() {
    assertThat(WordTokenizer.tokens("東京に住む")).containsExactly("東", "京", "に", "住", "む");
    assertThat(WordTokenizer.tokens("中文句子")).containsExactly("中", "文", "句", "子");
    // Latin letters and digits next to Japanese stay a word
    assertThat(WordTokenizer.tokens("錠500mgを")).containsExactly("錠", "500mg", "を");
  }

  @Test
  void anEmojiIsNeverCutInTwo() {
    assertThat(WordTokenizer.tokens("ok 👍🏽 👨‍👩‍👧 🇩🇪🇫🇷"))
        .containsExactly("ok", " ", "👍🏽", " ", "👨‍👩‍👧", " ", "🇩🇪", "🇫🇷");
  }

  @Test
  void thaiVowelSignsStayWithTheirConsonant() {
    assertThat(WordTokenizer.tokens("สวัสดี")).containsExactly("ส", "วั", "ส", "ดี");
  }
}
