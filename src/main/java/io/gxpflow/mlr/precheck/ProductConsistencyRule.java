package io.gxpflow.mlr.precheck;

import io.gxpflow.mlr.content.ApprovedProduct;
import io.gxpflow.mlr.content.ContentModule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The item names its product consistently with the product's approved data: the product is known,
 * every amount the text states ({@code 500 mg}, {@code 0.5 g}, {@code 10 mL}) is an approved
 * strength or dose of it, and no other product of the table is named (a comparison or another
 * product needs its own review). Amounts per weight or volume ({@code 190 mg/dL}, {@code 5 mg/kg})
 * and percentages are results, not strengths, and are left to the reviewers.
 */
final class ProductConsistencyRule implements PrecheckRule {

  private static final Pattern AMOUNT =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}.,])(\\d+(?:[.,]\\d+)?)[\\s\\p{Z}]?(mg|mcg|\u00b5g|\u03bcg|g|ml|iu)(?![\\p{L}\\p{N}/])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  @Override
  public List<Finding> check(PrecheckContext context) {
    List<Finding> findings = new ArrayList<>();
    Optional<ApprovedProduct> product = context.products().find(context.content().product());
    if (product.isEmpty()) {
      findings.add(
          context.itemFinding(
              PrecheckRuleId.PRODUCT_UNKNOWN,
              "No approved product data for "
                  + context.content().product()
                  + ": strengths and doses cannot be checked"));
    }
    for (ContentModule module : context.content().modules()) {
      product.ifPresent(approved -> amounts(context, module, approved, findings));
      otherProducts(context, module, findings);
    }
    return findings;
  }

  private static void amounts(
      PrecheckContext context,
      ContentModule module,
      ApprovedProduct product,
      List<Finding> findings) {
    Set<Amount> approved = new HashSet<>();
    for (String value : concat(product.strengths(), product.doses())) {
      Matcher matcher = AMOUNT.matcher(value);
      while (matcher.find()) {
        approved.add(Amount.of(matcher));
      }
    }
    Matcher matcher = AMOUNT.matcher(module.text());
    while (matcher.find()) {
      if (!approved.contains(Amount.of(matcher))) {
        findings.add(
            context.finding(
                PrecheckRuleId.PRODUCT_AMOUNT_NOT_APPROVED,
                module,
                new TextSpan(matcher.start(), matcher.end()),
                "\u201c"
                    + matcher.group()
                    + "\u201d is no approved strength or dose of "
                    + product.name()
                    + " (strengths "
                    + String.join(", ", product.strengths())
                    + (product.doses().isEmpty()
                        ? ""
                        : "; doses " + String.join(", ", product.doses()))
                    + ")"));
      }
    }
  }

  private static void otherProducts(
      PrecheckContext context, ContentModule module, List<Finding> findings) {
    String own = context.content().product();
    Optional<ApprovedProduct> ownProduct = context.products().find(own);
    for (ApprovedProduct other : context.products().products()) {
      if (other.name().equalsIgnoreCase(own)) {
        continue;
      }
      for (String name : List.of(other.name(), other.genericName())) {
        boolean sharedGeneric =
            ownProduct.map(p -> p.genericName().equalsIgnoreCase(name)).orElse(false);
        if (sharedGeneric) {
          continue;
        }
        for (TextSpan span : Texts.findWholeWords(Texts.wholeWords(name), module.text())) {
          findings.add(
              context.finding(
                  PrecheckRuleId.PRODUCT_OTHER_NAMED,
                  module,
                  span,
                  "\u201c"
                      + span.of(module.text())
                      + "\u201d is another product than "
                      + own
                      + ": a comparison or mention needs its own claim and review"));
        }
      }
    }
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  /** An amount in one unit per kind: masses in mg, volumes in mL, international units. */
  record Amount(BigDecimal value, String unit) {

    static Amount of(Matcher matcher) {
      BigDecimal value = new BigDecimal(matcher.group(1).replace(',', '.'));
      String unit = matcher.group(2).toLowerCase(Locale.ROOT);
      return switch (unit) {
        case "g" -> new Amount(value.multiply(BigDecimal.valueOf(1000)), "mg");
        case "mcg", "\u00b5g", "\u03bcg" ->
            new Amount(value.divide(BigDecimal.valueOf(1000)), "mg");
        default -> new Amount(value, unit);
      };
    }

    Amount {
      // 500 and 500.0 are the same amount
      value = value.stripTrailingZeros();
    }
  }
}
