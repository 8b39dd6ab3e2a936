package io.gxpflow.mlr.content;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An approved claim of the claims library: its approved text, the variations approved with it, the
 * references that support it, the markets where it may be used and the product it is about.
 */
public record LibraryClaim(
    String id,
    String approvedText,
    List<String> variations,
    List<ClaimReference> references,
    Set<String> markets,
    String product) {

  public LibraryClaim {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(approvedText, "approvedText");
    Objects.requireNonNull(product, "product");
    variations = List.copyOf(variations);
    references = List.copyOf(references);
    markets = Markets.codes(markets);
  }
}
