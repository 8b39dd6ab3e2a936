package io.gxpflow.mlr.diff;

import io.gxpflow.mlr.diff.WordSegment.Kind;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The word diff inside one module: the shortest edit between the two texts' tokens ({@link
 * WordTokenizer}, {@link Myers}), made readable for a reviewer, and its plain-text form for the
 * audit trail and tests.
 *
 * <p>Readability: a shortest edit keeps every common token, so "quick brown" → "slow red" would
 * come out as two changes around a kept space. A kept run between two changes that is no longer
 * than the larger side of the change on its left and of the one on its right is folded into them
 * (the semantic clean-up of diff-match-patch): "[-quick brown-]{+slow red+}". A longer kept run, a
 * word like " tablet ", stays kept.
 *
 * <p>Texts are compared in Unicode NFC: "é" typed as one character or as e and a combining accent
 * is the same text to the reader and here.
 */
public final class WordDiff {

  private WordDiff() {}

  /** The segments that turn {@code oldText} into {@code newText} (both NFC). */
  public static List<WordSegment> between(String oldText, String newText) {
    List<String> oldTokens = WordTokenizer.tokens(nfc(oldText));
    List<String> newTokens = WordTokenizer.tokens(nfc(newText));
    Map<String, Integer> numbers = new HashMap<>();
    int[] a = numbered(oldTokens, numbers);
    int[] b = numbered(newTokens, numbers);

    List<Run> runs = new ArrayList<>();
    int i = 0;
    int j = 0;
    for (Myers.Op op : Myers.diff(a, b)) {
      switch (op) {
        case EQUAL -> {
          add(runs, oldTokens.get(i++), "", "");
          j++;
        }
        case DELETE -> add(runs, null, oldTokens.get(i++), "");
        case INSERT -> add(runs, null, "", newTokens.get(j++));
      }
    }

    List<WordSegment> segments = new ArrayList<>();
    for (Run run : fold(runs)) {
      if (run.kept != null) {
        segments.add(new WordSegment(Kind.EQUAL, run.kept.toString()));
      } else {
        if (!run.deleted.isEmpty()) {
          segments.add(new WordSegment(Kind.DELETED, run.deleted.toString()));
        }
        if (!run.inserted.isEmpty()) {
          segments.add(new WordSegment(Kind.INSERTED, run.inserted.toString()));
        }
      }
    }
    return List.copyOf(segments);
  }

  /**
   * The plain-text form, as in {@code git diff --word-diff}: kept text as it is, "[-deleted-]" and
   * "{+inserted+}". Markers inside the text itself are not escaped: it is for people and tests, the
   * segments are the record.
   */
  public static String render(List<WordSegment> segments) {
    StringBuilder text = new StringBuilder();
    for (WordSegment segment : segments) {
      switch (segment.kind()) {
        case EQUAL -> text.append(segment.text());
        case DELETED -> text.append("[-").append(segment.text()).append("-]");
        case INSERTED -> text.append("{+").append(segment.text()).append("+}");
      }
    }
    return text.toString();
  }

  static String nfc(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  private static int[] numbered(List<String> tokens, Map<String, Integer> numbers) {
    int[] numbered = new int[tokens.size()];
    for (int k = 0; k < tokens.size(); k++) {
      numbered[k] = numbers.computeIfAbsent(tokens.get(k), token -> numbers.size());
    }
    return numbered;
  }

  /** Appends one token to the last run when it is of the same kind, else as a new run. */
  private static void add(List<Run> runs, String kept, String deleted, String inserted) {
    Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
    if (kept != null) {
      if (last != null && last.kept != null) {
        last.kept.append(kept);
      } else {
        runs.add(Run.kept(kept));
      }
      return;
    }
    if (last != null && last.kept == null) {
      last.deleted.append(deleted);
      last.inserted.append(inserted);
      return;
    }
    runs.add(Run.change(deleted, inserted));
  }

  /**
   * Folds each short kept run between two changes into them (see the class comment). A fold makes a
   * larger change, which may now swallow the kept run before it too: the stack looks back until it
   * does not.
   */
  private static List<Run> fold(List<Run> runs) {
    List<Run> folded = new ArrayList<>();
    for (Run run : runs) {
      Run current = run;
      while (current.kept == null && folded.size() >= 2) {
        Run between = folded.get(folded.size() - 1);
        Run before = folded.get(folded.size() - 2);
        if (between.kept == null
            || before.kept != null
            || between.size() > before.size()
            || between.size() > current.size()) {
          break;
        }
        folded.remove(folded.size() - 1);
        folded.remove(folded.size() - 1);
        before.deleted.append(between.kept).append(current.deleted);
        before.inserted.append(between.kept).append(current.inserted);
        current = before;
      }
      folded.add(current);
    }
    return folded;
  }

  /** A kept run ({@code kept} set) or a change (what was deleted and what was inserted). */
  private static final class Run {
    final StringBuilder kept;
    final StringBuilder deleted;
    final StringBuilder inserted;

    private Run(StringBuilder kept, StringBuilder deleted, StringBuilder inserted) {
      this.kept = kept;
      this.deleted = deleted;
      this.inserted = inserted;
    }

    static Run kept(String text) {
      return new Run(new StringBuilder(text), null, null);
    }

    static Run change(String deleted, String inserted) {
      return new Run(null, new StringBuilder(deleted), new StringBuilder(inserted));
    }

    /** Code points: of the kept text, or of the larger side of a change. */
    int size() {
      return kept != null ? length(kept) : Math.max(length(deleted), length(inserted));
    }

    private static int length(StringBuilder text) {
      return text.codePointCount(0, text.length());
    }
  }
}
