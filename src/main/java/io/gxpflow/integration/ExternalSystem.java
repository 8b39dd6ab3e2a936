package io.gxpflow.integration;

/**
 * The company systems GxP Flow calls; their names prefix the BPMN error codes of business
 * rejections.
 */
public enum ExternalSystem {
  MES,
  QMS,
  CRM
}
