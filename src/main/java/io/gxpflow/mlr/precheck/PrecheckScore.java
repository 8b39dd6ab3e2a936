package io.gxpflow.mlr.precheck;

import java.util.List;

/**
 * The score of a pre-check, 0 to 100: {@code 100 - sum(weight(rule) x factor(severity))} over the
 * findings, rounded down and not below 0; weights from the weights table, factors BLOCKING 2, MAJOR
 * 1, MINOR 0.5 ({@link Severity#factor()}). No finding scores 100.
 */
final class PrecheckScore {

  private PrecheckScore() {}

  static int of(List<Finding> findings, PrecheckParameters parameters) {
    double penalty = 0;
    for (Finding finding : findings) {
      penalty += parameters.weight(finding.rule()).weight() * finding.severity().factor();
    }
    return (int) Math.max(0, Math.floor(100 - penalty));
  }
}
