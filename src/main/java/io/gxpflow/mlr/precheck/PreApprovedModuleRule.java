package io.gxpflow.mlr.precheck;

import io.gxpflow.mlr.content.ContentModule;
import java.util.ArrayList;
import java.util.List;

/**
 * A module taken from a pre-approved module keeps its approved text (a change of spacing aside): a
 * changed one is no longer pre-approved and is reviewed like new text. The span is the changed part
 * of the module's text.
 */
final class PreApprovedModuleRule implements PrecheckRule {

  @Override
  public List<Finding> check(PrecheckContext context) {
    List<Finding> findings = new ArrayList<>();
    for (ContentModule module : context.content().modules()) {
      if (!module.isPreApproved()
          || Texts.spacesCollapsed(module.text())
              .equals(Texts.spacesCollapsed(module.preApprovedText()))) {
        continue;
      }
      TextSpan changed = changedPart(module.preApprovedText(), module.text());
      findings.add(
          context.finding(
              PrecheckRuleId.PRE_APPROVED_MODULE_CHANGED,
              module,
              changed,
              "Module "
                  + module.id()
                  + " was taken from pre-approved module "
                  + module.preApprovedModuleId()
                  + " and changed here: it is reviewed as new text"));
    }
    return findings;
  }

  /**
   * The part of the new text between what it shares with the approved one at start and end; for a
   * deletion, the word or words at the gap.
   */
  static TextSpan changedPart(String approved, String text) {
    int prefix = 0;
    int shortest = Math.min(approved.length(), text.length());
    while (prefix < shortest && approved.charAt(prefix) == text.charAt(prefix)) {
      prefix++;
    }
    // never split a surrogate pair: an emoji or a rare character is changed as a whole
    if (prefix > 0 && Character.isHighSurrogate(text.charAt(prefix - 1))) {
      prefix--;
    }
    int suffix = 0;
    while (suffix < shortest - prefix
        && approved.charAt(approved.length() - 1 - suffix)
            == text.charAt(text.length() - 1 - suffix)) {
      suffix++;
    }
    if (suffix > 0 && Character.isLowSurrogate(text.charAt(text.length() - suffix))) {
      suffix--;
    }
    int start = prefix;
    int end = text.length() - suffix;
    if (start == end) {
      // only deleted: show the words around the gap, there is nothing of the change itself to show
      while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
        start--;
      }
      while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
        end++;
      }
    }
    return start == end ? TextSpan.wholeOf(text) : new TextSpan(start, end);
  }
}
