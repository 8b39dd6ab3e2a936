package io.gxpflow.mlr.diff;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * "Review only what changed" for one content version.
 *
 * @param firstVersion no approved version to compare with: every module is NEW
 * @param modules the modules in this version's order, each DELETED one right after the module it
 *     followed in the last approved version
 * @param counts how many modules of each {@link ModuleChange}, every kind present, in the enum's
 *     order
 * @param toReview how many modules the reviewers must decide on
 * @param reuse the reuse rate
 */
public record VersionDiff(
    boolean firstVersion,
    List<ModuleDiff> modules,
    Map<ModuleChange, Integer> counts,
    int toReview,
    ReuseRate reuse) {

  public VersionDiff {
    modules = List.copyOf(modules);
    Map<ModuleChange, Integer> ordered = new EnumMap<>(ModuleChange.class);
    ordered.putAll(counts);
    counts = Collections.unmodifiableMap(ordered);
  }

  /**
   * A line per module for the audit trail and tests: place (or "-" when deleted), change, id (and
   * the previous id when recognised by text), the reuse when there is one, then the text with the
   * changes marked as {@link WordDiff#render} does; a new or inserted module is all "{+…+}", a
   * deleted one all "[-…-]".
   */
  public String plainText() {
    StringBuilder text = new StringBuilder();
    for (ModuleDiff module : modules) {
      text.append(module.position() == null ? "-" : module.position().toString())
          .append(' ')
          .append(module.change())
          .append(' ')
          .append(module.moduleId());
      if (module.matchedByText()) {
        text.append(" (was ").append(module.previousModuleId()).append(')');
      }
      if (module.reuse().status() != ReuseStatus.NOT_REUSED) {
        text.append(" reuse ")
            .append(module.reuse().sourceModuleId())
            .append(' ')
            .append(module.reuse().status());
      }
      text.append(module.reviewRequired() ? " review: " : " approved: ");
      switch (module.change()) {
        case CHANGED, MOVED_AND_CHANGED -> text.append(WordDiff.render(module.words()));
        case INSERTED, NEW -> text.append("{+").append(module.text()).append("+}");
        case DELETED -> text.append("[-").append(module.text()).append("-]");
        case UNCHANGED, MOVED -> text.append(module.text());
      }
      text.append('\n');
      if (module.reuse().status() == ReuseStatus.CHANGED) {
        text.append("  against ")
            .append(module.reuse().sourceModuleId())
            .append(": ")
            .append(WordDiff.render(module.reuse().words()))
            .append('\n');
      }
    }
    return text.toString();
  }
}
