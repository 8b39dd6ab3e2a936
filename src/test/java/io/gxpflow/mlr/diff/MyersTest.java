package io.gxpflow.mlr.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.mlr.diff.Myers.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The edit script is a valid one and a shortest one, checked against the textbook LCS table. */
class MyersTest {

  @Test
  void scriptTurnsTheFirstSequenceIntoTheSecondKeepingALongestCommonSubsequence() {
    Random random = new Random(14);
    for (int round = 0; round < 2000; round++) {
      int[] a = random(random, random.nextInt(12), 1 + random.nextInt(4));
      int[] b = random(random, random.nextInt(12), 1 + random.nextInt(4));

      List<Op> script = Myers.diff(a, b);

      assertThat(apply(script, a, b)).as("round %d", round).containsExactly(box(b));
      assertThat(script.stream().filter(op -> op == Op.EQUAL).count())
          .as("round %d", round)
          .isEqualTo(lcsLength(a, b));
    }
  }

  @Test
  void emptyAndDisjointSequences() {
    assertThat(Myers.diff(new int[0], new int[0])).isEmpty();
    assertThat(Myers.diff(new int[] {1, 2}, new int[0])).containsExactly(Op.DELETE, Op.DELETE);
    assertThat(Myers.diff(new int[0], new int[] {1})).containsExactly(Op.INSERT);
    assertThat(Myers.diff(new int[] {1, 2}, new int[] {3, 4}))
        .containsExactly(Op.DELETE, Op.DELETE, Op.INSERT, Op.INSERT);
  }

  @Test
  void longSequencesWithManyDifferences() {
    Random random = new Random(7);
    int[] a = random(random, 5_000, 50);
    int[] b = random(random, 5_000, 50);

    List<Op> script = Myers.diff(a, b);

    assertThat(apply(script, a, b)).containsExactly(box(b));
  }

  /** Replays the script on {@code a}, checking each kept element is the same in both. */
  private static List<Integer> apply(List<Op> script, int[] a, int[] b) {
    List<Integer> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    for (Op op : script) {
      switch (op) {
        case EQUAL -> {
          assertThat(a[i]).isEqualTo(b[j]);
          out.add(a[i++]);
          j++;
        }
        case DELETE -> i++;
        case INSERT -> out.add(b[j++]);
      }
    }
    assertThat(i).isEqualTo(a.length);
    assertThat(j).isEqualTo(b.length);
    return out;
  }

  private static long lcsLength(int[] a, int[] b) {
    int[][] table = new int[a.length + 1][b.length + 1];
    for (int i = 1; i <= a.length; i++) {
      for (int j = 1; j <= b.length; j++) {
        table[i][j] =
            a[i - 1] == b[j - 1]
                ? table[i - 1][j - 1] + 1
                : Math.max(table[i - 1][j], table[i][j - 1]);
      }
    }
    return table[a.length][b.length];
  }

  private static int[] random(Random random, int length, int alphabet) {
    int[] values = new int[length];
    for (int i = 0; i < length; i++) {
      values[i] = random.nextInt(alphabet);
    }
    return values;
  }

  private static Integer[] box(int[] values) {
    Integer[] boxed = new Integer[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return boxed;
  }
}
