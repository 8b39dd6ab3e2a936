package io.gxpflow.mlr.precheck;

/**
 * Where in a module's text a finding is: {@code start} inclusive, {@code end} exclusive, in UTF-16
 * code units (Java's and JavaScript's string offsets, so Tasklist can highlight it as is).
 */
public record TextSpan(int start, int end) {

  public TextSpan {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("not a span: " + start + ".." + end);
    }
  }

  public static TextSpan wholeOf(String text) {
    return new TextSpan(0, text.length());
  }

  public String of(String text) {
    return text.substring(start, end);
  }
}
