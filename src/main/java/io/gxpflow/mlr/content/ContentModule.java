package io.gxpflow.mlr.content;

import java.util.List;
import java.util.Objects;

/**
 * One module of a content version: its text and the claims it makes. A module taken from a
 * pre-approved module names it ({@code preApprovedModuleId}) and carries that module's approved
 * text, so a change to it can be seen; both are null for a module written for this item.
 */
public record ContentModule(
    String id,
    ModuleType type,
    String text,
    List<ClaimUse> claims,
    String preApprovedModuleId,
    String preApprovedText) {

  public ContentModule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    claims = List.copyOf(claims);
    if ((preApprovedModuleId == null) != (preApprovedText == null)) {
      throw new IllegalArgumentException(
          "module " + id + ": a pre-approved module comes with its approved text");
    }
  }

  /** A module written for this item, not taken from a pre-approved one. */
  public static ContentModule of(String id, ModuleType type, String text, ClaimUse... claims) {
    return new ContentModule(id, type, text, List.of(claims), null, null);
  }

  public boolean isPreApproved() {
    return preApprovedModuleId != null;
  }
}
