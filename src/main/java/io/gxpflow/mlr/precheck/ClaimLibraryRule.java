package io.gxpflow.mlr.precheck;

import io.gxpflow.mlr.content.ClaimReference;
import io.gxpflow.mlr.content.ClaimUse;
import io.gxpflow.mlr.content.ContentModule;
import io.gxpflow.mlr.content.LibraryClaim;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every claim stands on a claim of the library: for this product, in its approved words or an
 * approved variation (spacing and case aside), with references that have not expired and allowed in
 * every market of the item. The span is where the module uses the claim's words, the whole module
 * when they are not found in it.
 */
final class ClaimLibraryRule implements PrecheckRule {

  @Override
  public List<Finding> check(PrecheckContext context) {
    List<Finding> findings = new ArrayList<>();
    for (ContentModule module : context.content().modules()) {
      for (ClaimUse use : module.claims()) {
        TextSpan span =
            Texts.find(module.text(), use.textUsed()).orElse(TextSpan.wholeOf(module.text()));
        Optional<LibraryClaim> found = context.library().find(use.claimId());
        if (found.isEmpty()) {
          findings.add(
              context.finding(
                  PrecheckRuleId.CLAIM_NOT_IN_LIBRARY,
                  module,
                  span,
                  "Claim " + use.claimId() + " is not in the claims library"));
          continue;
        }
        check(context, module, use, span, found.get(), findings);
      }
    }
    return findings;
  }

  private static void check(
      PrecheckContext context,
      ContentModule module,
      ClaimUse use,
      TextSpan span,
      LibraryClaim claim,
      List<Finding> findings) {
    if (!claim.product().equalsIgnoreCase(context.content().product())) {
      findings.add(
          context.finding(
              PrecheckRuleId.CLAIM_OTHER_PRODUCT,
              module,
              span,
              "Claim "
                  + claim.id()
                  + " is approved for "
                  + claim.product()
                  + ", not for "
                  + context.content().product()));
    }
    if (!approvedWords(claim, use.textUsed())) {
      findings.add(
          context.finding(
              PrecheckRuleId.CLAIM_TEXT_NOT_APPROVED,
              module,
              span,
              "The words of claim "
                  + claim.id()
                  + " are neither its approved text nor an approved variation; approved: \u201c"
                  + claim.approvedText()
                  + "\u201d"));
    }
    for (ClaimReference reference : claim.references()) {
      if (reference.expiredOn(context.today())) {
        findings.add(
            context.finding(
                PrecheckRuleId.CLAIM_REFERENCE_EXPIRED,
                module,
                span,
                "Reference "
                    + reference.source()
                    + (reference.anchor() == null ? "" : ", " + reference.anchor())
                    + " of claim "
                    + claim.id()
                    + " expired on "
                    + reference.expiresOn()));
      }
    }
    TreeSet<String> notAllowed = new TreeSet<>(context.content().markets());
    notAllowed.removeAll(claim.markets());
    if (!notAllowed.isEmpty()) {
      findings.add(
          context.finding(
              PrecheckRuleId.CLAIM_MARKET_NOT_ALLOWED,
              module,
              span,
              "Claim "
                  + claim.id()
                  + " may not be used in "
                  + String.join(", ", notAllowed)
                  + " (allowed in "
                  + String.join(", ", new TreeSet<>(claim.markets()))
                  + ")"));
    }
  }

  private static boolean approvedWords(LibraryClaim claim, String used) {
    String words = Texts.normalized(used);
    return Texts.normalized(claim.approvedText()).equals(words)
        || claim.variations().stream().map(Texts::normalized).anyMatch(words::equals);
  }
}
