package io.gxpflow.mlr.content;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A content version as an author submits it, before the store gives it its item id (for a first
 * version) and version number.
 */
public record ContentDraft(
    String title,
    String product,
    Set<String> markets,
    Channel channel,
    Audience audience,
    List<ModuleDraft> modules) {

  public ContentDraft {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(audience, "audience");
    markets = Markets.codes(markets);
    modules = List.copyOf(modules);
  }
}
