package io.gxpflow.mlr.content;

/**
 * What a module is for. {@link #ISI} marks the important safety information (fair balance): a type
 * rather than an id convention, so an author cannot lose it by renaming a module.
 */
public enum ModuleType {
  BODY,
  ISI
}
