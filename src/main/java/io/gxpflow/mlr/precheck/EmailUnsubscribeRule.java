package io.gxpflow.mlr.precheck;

import io.gxpflow.mlr.content.Channel;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Channel rule: an email carries an unsubscribe link (ePrivacy, CAN-SPAM). A link is an address
 * with "unsubscribe" or "opt-out" in it, a link whose label says unsubscribe ({@code
 * [Unsubscribe](…)}, {@code <a …>Unsubscribe</a>}), or the mail tool's unsubscribe placeholder
 * ({@code {{unsubscribe_url}}}, {@code %%unsubscribe%%}).
 */
final class EmailUnsubscribeRule implements PrecheckRule {

  private static final Pattern UNSUBSCRIBE_LINK =
      Pattern.compile(
          "https?://\\S*(unsubscribe|opt-?out)\\S*"
              + "|\\[[^\\]]*unsubscribe[^\\]]*]\\([^)\\s]+\\)"
              + "|<a\\s[^>]*href=[^>]+>[^<]*unsubscribe[^<]*</a>"
              + "|\\{\\{\\s*unsubscribe\\w*\\s*}}"
              + "|%%\\s*unsubscribe\\w*\\s*%%",
          Pattern.CASE_INSENSITIVE);

  @Override
  public List<Finding> check(PrecheckContext context) {
    if (context.content().channel() != Channel.EMAIL
        || context.content().modules().stream()
            .anyMatch(module -> UNSUBSCRIBE_LINK.matcher(module.text()).find())) {
      return List.of();
    }
    return List.of(
        context.itemFinding(
            PrecheckRuleId.EMAIL_UNSUBSCRIBE_MISSING,
            "An email needs an unsubscribe link (an address, a labelled link or the "
                + "{{unsubscribe_url}} placeholder)"));
  }
}
