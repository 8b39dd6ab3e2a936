package io.gxpflow.mlr.precheck;

/**
 * How much a finding weighs: a BLOCKING finding returns the item to its author before any review;
 * MAJOR and MINOR go to the coordinator and the reviewers. {@link #factor()} scales the rule's
 * weight in the score.
 */
public enum Severity {
  BLOCKING(2.0),
  MAJOR(1.0),
  MINOR(0.5);

  private final double factor;

  Severity(double factor) {
    this.factor = factor;
  }

  public double factor() {
    return factor;
  }

  /** The stricter of two. */
  public Severity max(Severity other) {
    return compareTo(other) <= 0 ? this : other;
  }
}
