package io.gxpflow.mlr.diff;

import java.util.List;

/**
 * A module against the pre-approved module it was taken from: the source's id (null when not
 * reused), the status, and for a CHANGED reuse the word diff from the approved text to this one
 * (else empty).
 */
public record ReuseCheck(String sourceModuleId, ReuseStatus status, List<WordSegment> words) {

  public ReuseCheck {
    words = List.copyOf(words);
  }

  static final ReuseCheck NOT_REUSED = new ReuseCheck(null, ReuseStatus.NOT_REUSED, List.of());
}
