package io.gxpflow.mlr.diff;

import java.lang.Character.UnicodeScript;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a module's text into the tokens the word diff compares: words, and the whitespace or
 * punctuation between them, which together give back the text exactly.
 *
 * <ul>
 *   <li>Words are the JDK's word boundaries ({@link BreakIterator}, root locale so the server's
 *       locale changes nothing): "führt", "L'efficacité", "3.5", "1,000" and "500mg" are one token
 *       each.
 *   <li>A token never ends inside a user-perceived character (Unicode extended grapheme cluster,
 *       regex {@code \X}): an accent typed as a combining mark, an emoji with skin tone, a ZWJ
 *       family or a flag stay whole. The JDK 17 word iterator cuts 👍🏽 and 🇩🇪 in two; the
 *       grapheme boundaries repair that.
 *   <li>Scripts written without spaces (Chinese, Japanese; Thai, Lao, Khmer, Myanmar) have no word
 *       boundaries the JDK can find without a dictionary: there every character is a token, so a
 *       changed 東京 → 大阪 shows two characters, not the whole sentence.
 * </ul>
 */
final class WordTokenizer {

  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  private static final Set<UnicodeScript> WITHOUT_SPACES =
      Set.of(
          UnicodeScript.HAN,
          UnicodeScript.HIRAGANA,
          UnicodeScript.KATAKANA,
          UnicodeScript.THAI,
          UnicodeScript.LAO,
          UnicodeScript.KHMER,
          UnicodeScript.MYANMAR);

  private WordTokenizer() {}

  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    if (text.isEmpty()) {
      return tokens;
    }
    boolean[] graphemeBoundary = new boolean[text.length() + 1];
    Matcher grapheme = GRAPHEME.matcher(text);
    while (grapheme.find()) {
      graphemeBoundary[grapheme.start()] = true;
    }
    graphemeBoundary[text.length()] = true;

    BreakIterator words = BreakIterator.getWordInstance(Locale.ROOT);
    words.setText(text);
    int start = 0;
    for (int end = words.next(); end != BreakIterator.DONE; end = words.next()) {
      if (graphemeBoundary[end]) {
        add(tokens, text.substring(start, end));
        start = end;
      }
    }
    return tokens;
  }

  private static void add(List<String> tokens, String word) {
    if (!writtenWithoutSpaces(word)) {
      tokens.add(word);
      return;
    }
    Matcher grapheme = GRAPHEME.matcher(word);
    while (grapheme.find()) {
      tokens.add(grapheme.group());
    }
  }

  private static boolean writtenWithoutSpaces(String word) {
    return word.codePoints().anyMatch(c -> WITHOUT_SPACES.contains(UnicodeScript.of(c)));
  }
}
