package io.gxpflow.mlr.precheck;

import java.util.List;

/**
 * The findings of one pre-check, item-level first, then in module and text order, and the score.
 */
public record PrecheckResult(List<Finding> findings, int score) {

  public PrecheckResult {
    findings = List.copyOf(findings);
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("a score is 0 to 100: " + score);
    }
  }

  /** Blocking findings return the item to its author before any review. */
  public boolean blocked() {
    return findings.stream().anyMatch(Finding::isBlocking);
  }
}
