package io.gxpflow.mlr.content;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One version of a promotional content item as submitted for review: immutable, the modules in
 * their order. {@code itemId} is the business key (e.g. {@code MLR-2026-0042}); markets are ISO
 * 3166 country codes.
 */
public record ContentVersion(
    String itemId,
    int version,
    String title,
    String product,
    Set<String> markets,
    Channel channel,
    Audience audience,
    List<ContentModule> modules) {

  public ContentVersion {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(audience, "audience");
    markets = Markets.codes(markets);
    modules = List.copyOf(modules);
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1: " + version);
    }
  }
}
