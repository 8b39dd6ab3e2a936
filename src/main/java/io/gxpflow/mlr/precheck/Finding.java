package io.gxpflow.mlr.precheck;

import java.util.Objects;

/**
 * One finding of the pre-check, for a person: which rule, how severe, where (the module and the
 * span of its text; both null for a finding about the item as a whole, such as missing safety
 * information) and what is wrong.
 */
public record Finding(
    PrecheckRuleId rule, Severity severity, String moduleId, TextSpan span, String message) {

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    if ((moduleId == null) != (span == null)) {
      throw new IllegalArgumentException("a finding in a module has a span, one on the item none");
    }
  }

  public boolean isBlocking() {
    return severity == Severity.BLOCKING;
  }
}
