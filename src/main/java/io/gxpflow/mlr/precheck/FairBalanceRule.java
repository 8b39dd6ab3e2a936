package io.gxpflow.mlr.precheck;

import io.gxpflow.mlr.content.ContentVersion;
import io.gxpflow.mlr.content.ModuleType;
import java.util.List;
import java.util.TreeSet;

/**
 * Fair balance: where a market of the item requires it for the item's audience and channel, a
 * module of type {@link ModuleType#ISI} with text in it carries the important safety information.
 */
final class FairBalanceRule implements PrecheckRule {

  @Override
  public List<Finding> check(PrecheckContext context) {
    ContentVersion content = context.content();
    List<String> requiring =
        new TreeSet<>(content.markets())
            .stream()
                .filter(
                    market ->
                        context
                            .parameters()
                            .safetyInformationRequired(
                                market, content.audience(), content.channel()))
                .toList();
    boolean present =
        content.modules().stream()
            .anyMatch(module -> module.type() == ModuleType.ISI && !module.text().isBlank());
    if (requiring.isEmpty() || present) {
      return List.of();
    }
    return List.of(
        context.itemFinding(
            PrecheckRuleId.FAIR_BALANCE_MISSING,
            "Important safety information is required for "
                + content.audience()
                + " "
                + content.channel().code()
                + " content in "
                + String.join(", ", requiring)
                + ": add the ISI module"));
  }
}
