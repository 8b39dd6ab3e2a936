package io.gxpflow.mlr.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gxpflow.compliance.CanonicalJson;
import io.gxpflow.mlr.content.ContentVersion;
import java.util.Map;
import java.util.TreeSet;

/**
 * The SHA-256 of a content version (what a signature on it covers): the project's canonical JSON
 * ({@link CanonicalJson}) of the {@link ContentVersion} record, with its markets as a sorted list
 * (a set has no order of its own, and the hash must not depend on one).
 */
public final class ContentHash {

  private ContentHash() {}

  public static String of(ContentVersion version) {
    try {
      Map<String, Object> tree = CanonicalJson.readObject(CanonicalJson.write(version));
      tree.put("markets", new TreeSet<>(version.markets()).stream().toList());
      return CanonicalJson.sha256(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a content version is always JSON", e);
    }
  }
}
