package io.gxpflow.mlr.diff;

/** What happened to a module since the last approved version. */
public enum ModuleChange {
  /** Same text, same place among the modules that stayed. */
  UNCHANGED,
  /** Same place, other text: the word diff shows what changed. */
  CHANGED,
  /** Same text, other place among the modules that stayed. */
  MOVED,
  /**
   * Other place and other text. Kept apart from CHANGED: a move changes what a module is read with
   * (a claim next to other data, safety information further down), so the reviewer must see both.
   */
  MOVED_AND_CHANGED,
  /** Not in the last approved version. */
  INSERTED,
  /** In the last approved version, not in this one. */
  DELETED,
  /** First version of the item: there is no approved version to compare with. */
  NEW
}
