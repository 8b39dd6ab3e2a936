package io.gxpflow.mlr.content;

import java.util.List;
import java.util.Objects;

/**
 * A module as an author submits it: like {@link ContentModule} but without the pre-approved text,
 * which the store takes from the pre-approved module named, never from the author.
 */
public record ModuleDraft(
    String id, ModuleType type, String text, List<ClaimUse> claims, String preApprovedModuleId) {

  public ModuleDraft {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    claims = List.copyOf(claims);
  }
}
