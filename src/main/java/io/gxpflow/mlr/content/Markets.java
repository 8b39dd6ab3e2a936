package io.gxpflow.mlr.content;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Markets as ISO 3166 codes in upper case, as the DMN tables name them ("us" is "US"). */
final class Markets {

  private Markets() {}

  static Set<String> codes(Set<String> markets) {
    return markets.stream()
        .map(market -> market.trim().toUpperCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }
}
