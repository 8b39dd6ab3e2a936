package io.gxpflow.mlr.content;

/** Who a content item is for: health care professionals or patients (and the public). */
public enum Audience {
  HCP,
  PATIENT
}
