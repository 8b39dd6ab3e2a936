package io.gxpflow.mlr.diff;

/**
 * One module of a content version as the diff needs it: its id (unique within the version), its
 * text, and the id of the pre-approved module it was taken from, or null (a blank id too). The
 * content model of mlr-review maps its modules onto this.
 */
public record ModuleText(String moduleId, String text, String sourceModuleId) {

  public ModuleText {
    if (moduleId == null || moduleId.isBlank()) {
      throw new IllegalArgumentException("a module needs an id");
    }
    if (text == null) {
      throw new IllegalArgumentException("module " + moduleId + " has no text");
    }
    // an empty source from a form field is no source
    if (sourceModuleId != null && sourceModuleId.isBlank()) {
      sourceModuleId = null;
    }
  }

  /** A module written for this item, not taken from a pre-approved one. */
  public static ModuleText of(String moduleId, String text) {
    return new ModuleText(moduleId, text, null);
  }
}
