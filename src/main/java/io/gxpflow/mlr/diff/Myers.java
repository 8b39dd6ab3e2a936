package io.gxpflow.mlr.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shortest edit script between two sequences (E. Myers, "An O(ND) Difference Algorithm", 1986,
 * in its linear-space form): time O((N+M)·D), memory O(N+M), so a module of a few thousand words
 * rewritten from end to end still fits. The elements are ints (token or module numbers), compared
 * by value. Follows the bisection of Neil Fraser's diff-match-patch, without its deadline.
 */
final class Myers {

  /** One step of the script: keep an element of both, delete one of {@code a}, insert one of b. */
  enum Op {
    EQUAL,
    DELETE,
    INSERT
  }

  private final int[] a;
  private final int[] b;
  private final List<Op> script;

  private Myers(int[] a, int[] b) {
    this.a = a;
    this.b = b;
    this.script = new ArrayList<>(a.length + b.length);
  }

  /** The script turning {@code a} into {@code b}: one op per element, in order. */
  static List<Op> diff(int[] a, int[] b) {
    Myers myers = new Myers(a, b);
    myers.diff(0, a.length, 0, b.length);
    return myers.script;
  }

  private void diff(int aStart, int aEnd, int bStart, int bEnd) {
    // common prefix and suffix first: most edits are small, and this keeps the bisection short
    int prefix = 0;
    while (aStart + prefix < aEnd
        && bStart + prefix < bEnd
        && a[aStart + prefix] == b[bStart + prefix]) {
      prefix++;
    }
    int suffix = 0;
    while (aEnd - suffix > aStart + prefix
        && bEnd - suffix > bStart + prefix
        && a[aEnd - suffix - 1] == b[bEnd - suffix - 1]) {
      suffix++;
    }
    repeat(Op.EQUAL, prefix);
    int aFrom = aStart + prefix;
    int aTo = aEnd - suffix;
    int bFrom = bStart + prefix;
    int bTo = bEnd - suffix;
    if (aFrom == aTo) {
      repeat(Op.INSERT, bTo - bFrom);
    } else if (bFrom == bTo) {
      repeat(Op.DELETE, aTo - aFrom);
    } else {
      bisect(aFrom, aTo, bFrom, bTo);
    }
    repeat(Op.EQUAL, suffix);
  }

  /**
   * Finds the middle snake of a shortest path, walking from both ends at once, and diffs the two
   * halves on either side of it.
   */
  private void bisect(int aFrom, int aTo, int bFrom, int bTo) {
    int n = aTo - aFrom;
    int m = bTo - bFrom;
    int maxD = (n + m + 1) / 2;
    int offset = maxD;
    int length = 2 * maxD + 2;
    int[] forward = new int[length];
    int[] backward = new int[length];
    Arrays.fill(forward, -1);
    Arrays.fill(backward, -1);
    forward[offset + 1] = 0;
    backward[offset + 1] = 0;
    int delta = n - m;
    // with an odd delta the paths overlap while walking forward, else while walking backward
    boolean front = delta % 2 != 0;
    int k1Start = 0;
    int k1End = 0;
    int k2Start = 0;
    int k2End = 0;
    for (int d = 0; d < maxD; d++) {
      for (int k1 = -d + k1Start; k1 <= d - k1End; k1 += 2) {
        int k1Offset = offset + k1;
        int x1 =
            k1 == -d || (k1 != d && forward[k1Offset - 1] < forward[k1Offset + 1])
                ? forward[k1Offset + 1]
                : forward[k1Offset - 1] + 1;
        int y1 = x1 - k1;
        while (x1 < n && y1 < m && a[aFrom + x1] == b[bFrom + y1]) {
          x1++;
          y1++;
        }
        forward[k1Offset] = x1;
        if (x1 > n) {
          k1End += 2; // ran off the right of the grid
        } else if (y1 > m) {
          k1Start += 2; // ran off the bottom of the grid
        } else if (front) {
          int k2Offset = offset + delta - k1;
          if (k2Offset >= 0 && k2Offset < length && backward[k2Offset] != -1) {
            if (x1 >= n - backward[k2Offset]) {
              split(aFrom, aTo, bFrom, bTo, x1, y1);
              return;
            }
          }
        }
      }
      for (int k2 = -d + k2Start; k2 <= d - k2End; k2 += 2) {
        int k2Offset = offset + k2;
        int x2 =
            k2 == -d || (k2 != d && backward[k2Offset - 1] < backward[k2Offset + 1])
                ? backward[k2Offset + 1]
                : backward[k2Offset - 1] + 1;
        int y2 = x2 - k2;
        while (x2 < n && y2 < m && a[aTo - x2 - 1] == b[bTo - y2 - 1]) {
          x2++;
          y2++;
        }
        backward[k2Offset] = x2;
        if (x2 > n) {
          k2End += 2;
        } else if (y2 > m) {
          k2Start += 2;
        } else if (!front) {
          int k1Offset = offset + delta - k2;
          if (k1Offset >= 0 && k1Offset < length && forward[k1Offset] != -1) {
            int x1 = forward[k1Offset];
            int y1 = offset + x1 - k1Offset;
            if (x1 >= n - x2) {
              split(aFrom, aTo, bFrom, bTo, x1, y1);
              return;
            }
          }
        }
      }
    }
    // nothing in common at all
    repeat(Op.DELETE, n);
    repeat(Op.INSERT, m);
  }

  private void split(int aFrom, int aTo, int bFrom, int bTo, int x, int y) {
    diff(aFrom, aFrom + x, bFrom, bFrom + y);
    diff(aFrom + x, aTo, bFrom + y, bTo);
  }

  private void repeat(Op op, int times) {
    for (int i = 0; i < times; i++) {
      script.add(op);
    }
  }
}
