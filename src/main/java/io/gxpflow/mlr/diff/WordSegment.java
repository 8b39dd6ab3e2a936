package io.gxpflow.mlr.diff;

/**
 * A run of text in a word diff: kept, inserted or deleted. The EQUAL and DELETED segments in order
 * give the old text, the EQUAL and INSERTED ones the new text; a change is its DELETED segment
 * followed by its INSERTED one.
 */
public record WordSegment(Kind kind, String text) {

  public enum Kind {
    EQUAL,
    INSERTED,
    DELETED
  }
}
