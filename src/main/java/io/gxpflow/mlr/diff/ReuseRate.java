package io.gxpflow.mlr.diff;

/**
 * The reuse rate of a version: modules taken unchanged from pre-approved modules, out of all its
 * modules (deleted ones not counted), as a number from 0 to 1; 0 for a version without modules. The
 * counts are there so a KPI over many items adds counts instead of averaging rates.
 */
public record ReuseRate(
    int modules, int reusedUnchanged, int reusedChanged, int sourceNotFound, double rate) {

  static ReuseRate of(int modules, int reusedUnchanged, int reusedChanged, int sourceNotFound) {
    return new ReuseRate(
        modules,
        reusedUnchanged,
        reusedChanged,
        sourceNotFound,
        modules == 0 ? 0.0 : (double) reusedUnchanged / modules);
  }
}
