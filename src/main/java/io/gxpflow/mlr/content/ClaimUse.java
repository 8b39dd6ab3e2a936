package io.gxpflow.mlr.content;

import java.util.Objects;

/** A claim a module makes: the library claim it stands on and the words the module uses. */
public record ClaimUse(String claimId, String textUsed) {

  public ClaimUse {
    Objects.requireNonNull(claimId, "claimId");
    Objects.requireNonNull(textUsed, "textUsed");
  }
}
