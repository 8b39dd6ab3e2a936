package io.gxpflow.mlr.diff;

import java.util.List;

/**
 * One module of the review: what happened to it since the last approved version, against its
 * pre-approved source, and whether the reviewers must decide on it.
 *
 * @param moduleId the id in this version; for a DELETED module the id it had
 * @param previousModuleId the id in the last approved version; differs from {@code moduleId} only
 *     when the module was recognised by its text ({@code matchedByText}); null when INSERTED or NEW
 * @param matchedByText re-created under a new id with exactly the text of a removed module
 * @param position 1-based place in this version; null when DELETED
 * @param previousPosition 1-based place in the last approved version; null when INSERTED or NEW
 * @param text the text in this version (NFC); for a DELETED module the text that was approved
 * @param words for CHANGED and MOVED_AND_CHANGED the word diff from the approved text; else empty
 * @param reuse the comparison with the pre-approved module it names
 * @param reviewRequired false only for a text already approved for its place: UNCHANGED, or an
 *     unchanged reuse of a pre-approved module
 */
public record ModuleDiff(
    String moduleId,
    ModuleChange change,
    String previousModuleId,
    boolean matchedByText,
    Integer position,
    Integer previousPosition,
    String text,
    List<WordSegment> words,
    ReuseCheck reuse,
    boolean reviewRequired) {

  public ModuleDiff {
    words = List.copyOf(words);
  }
}
