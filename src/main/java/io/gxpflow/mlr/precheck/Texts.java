package io.gxpflow.mlr.precheck;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the pre-check compares and finds words in text written by people: unicode (NFC, any kind of
 * space, upper and lower case in every script), offsets in the text as written.
 */
final class Texts {

  /** Any run of spaces, including no-break and other unicode spaces. */
  static final String SPACE = "[\\s\\p{Z}]+";

  /** A letter, a combining mark or a digit: what continues a word ("cure" is not in "curé"). */
  private static final String WORD_CHAR = "[\\p{L}\\p{M}\\p{N}_]";

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private Texts() {}

  /** For equality of claim texts: NFC, spaces collapsed and trimmed, lower case. */
  static String normalized(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC)
        .replaceAll(SPACE, " ")
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  /** Spaces collapsed and trimmed, case kept: a change of layout only is no change of text. */
  static String spacesCollapsed(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll(SPACE, " ").trim();
  }

  /**
   * A phrase as whole words, any case; a space or hyphen in the phrase matches any spaces or
   * hyphens ("no side effects" finds "No side-effects"), an apostrophe either apostrophe.
   */
  static Pattern wholeWords(String phrase) {
    return Pattern.compile(
        "(?<!"
            + WORD_CHAR
            + ")"
            + flexible(phrase, "[\\s\\p{Z}\\-\u2010\u2011]+")
            + "(?!"
            + WORD_CHAR
            + ")",
        FLAGS);
  }

  /** Every place a phrase stands as whole words in a text. */
  static List<TextSpan> findWholeWords(Pattern phrase, String text) {
    Composed composed = Composed.of(text);
    List<TextSpan> spans = new ArrayList<>();
    Matcher matcher = phrase.matcher(composed.text);
    while (matcher.find()) {
      spans.add(composed.original(matcher.start(), matcher.end()));
    }
    return spans;
  }

  /** Where a text quoted from a module (a claim's words) is in it, any case and spacing. */
  static Optional<TextSpan> find(String text, String quoted) {
    if (quoted.isBlank()) {
      return Optional.empty();
    }
    Composed composed = Composed.of(text);
    Matcher matcher = Pattern.compile(flexible(quoted, SPACE), FLAGS).matcher(composed.text);
    return matcher.find()
        ? Optional.of(composed.original(matcher.start(), matcher.end()))
        : Optional.empty();
  }

  private static String flexible(String phrase, String separator) {
    String[] words =
        Normalizer.normalize(phrase, Normalizer.Form.NFC)
            .trim()
            .split("[\\s\\p{Z}\\-\u2010\u2011]+");
    List<String> quoted = new ArrayList<>();
    for (String word : words) {
      List<String> parts = new ArrayList<>();
      for (String part : word.split("['\u2019]", -1)) {
        parts.add(Pattern.quote(part));
      }
      quoted.add(String.join("['\u2019]", parts));
    }
    return String.join(separator, quoted);
  }

  /**
   * A text in NFC (phrases are), with the way back to offsets in the text as written: a letter
   * typed as "e" and a combining accent is matched as "é", and its span still covers both.
   */
  private static final class Composed {
    final String text;
    private final int[] start;
    private final int[] end;

    private Composed(String text, int[] start, int[] end) {
      this.text = text;
      this.start = start;
      this.end = end;
    }

    static Composed of(String written) {
      StringBuilder text = new StringBuilder();
      int[] start = new int[written.length() * 3 + 1];
      int[] end = new int[written.length() * 3 + 1];
      int i = 0;
      while (i < written.length()) {
        // a cluster: one code point and the combining marks after it, composed on its own
        int next = i + Character.charCount(written.codePointAt(i));
        while (next < written.length()
            && Character.getType(written.codePointAt(next)) == Character.NON_SPACING_MARK) {
          next += Character.charCount(written.codePointAt(next));
        }
        String cluster = Normalizer.normalize(written.substring(i, next), Normalizer.Form.NFC);
        for (int k = 0; k < cluster.length(); k++) {
          start[text.length()] = i;
          end[text.length()] = next;
          text.append(cluster.charAt(k));
        }
        i = next;
      }
      return new Composed(text.toString(), start, end);
    }

    TextSpan original(int from, int to) {
      int originalStart = from < text.length() ? start[from] : end[from - 1];
      int originalEnd = to == 0 ? 0 : end[to - 1];
      return new TextSpan(originalStart, Math.max(originalStart, originalEnd));
    }
  }
}
