package io.gxpflow.mlr.precheck;

import io.gxpflow.mlr.content.ApprovedProducts;
import io.gxpflow.mlr.content.ClaimsLibrary;
import io.gxpflow.mlr.content.ContentModule;
import io.gxpflow.mlr.content.ContentVersion;
import java.time.LocalDate;

/** What every rule looks at: the content version, the library, the products, today, parameters. */
record PrecheckContext(
    ContentVersion content,
    ClaimsLibrary library,
    ApprovedProducts products,
    LocalDate today,
    PrecheckParameters parameters) {

  /** A finding in a module, with the rule's severity from the parameters. */
  Finding finding(PrecheckRuleId rule, ContentModule module, TextSpan span, String message) {
    return new Finding(rule, parameters.weight(rule).severity(), module.id(), span, message);
  }

  /** A finding about the item as a whole. */
  Finding itemFinding(PrecheckRuleId rule, String message) {
    return new Finding(rule, parameters.weight(rule).severity(), null, null, message);
  }
}
