package io.gxpflow.compliance.validation;

/** What kind of value a field takes, derived from the form-js component type. */
public enum FieldKind {
  /** {@code textfield}, {@code textarea}: a string. */
  TEXT,
  /** {@code number}: a number, or a numeric string when the field has {@code serializeToString}. */
  NUMBER,
  /** {@code checkbox}: true or false. */
  BOOLEAN,
  /** {@code radio}, {@code select}: one scalar value. */
  SINGLE_CHOICE,
  /** {@code checklist}, {@code taglist}: a list of scalar values. */
  MULTI_CHOICE,
  /** {@code datetime}: a date, time or date-time by subtype. */
  DATETIME,
  /** {@code expression}: computed by the form; any value is accepted. */
  COMPUTED,
  /** {@code filepicker}: a string (file reference). */
  FILE,
  /** {@code dynamiclist}: a list of objects, each checked against the list's item fields. */
  LIST,
  /** An unknown component with a key, or a field only the BPMN model declares: any value. */
  ANY
}
