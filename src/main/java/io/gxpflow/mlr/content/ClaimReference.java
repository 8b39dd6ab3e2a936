package io.gxpflow.mlr.content;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The source that supports a claim (a publication, the SmPC, data on file), where in it, and the
 * last day it may be cited ({@code expiresOn}, inclusive; null when it does not expire).
 */
public record ClaimReference(String source, String anchor, LocalDate expiresOn) {

  public ClaimReference {
    Objects.requireNonNull(source, "source");
  }

  public boolean expiredOn(LocalDate today) {
    return expiresOn != null && expiresOn.isBefore(today);
  }
}
