package io.gxpflow.compliance.signature;

import java.util.List;
import java.util.Map;

/**
 * What a signer sees before signing: the step, the meaning to confirm, who signs, and the fields of
 * the step's form with their current values (what the Tasklist signature plugin renders).
 */
public record SignatureStep(
    String taskId,
    String taskName,
    String meaning,
    String signerId,
    String signerName,
    List<Field> fields) {

  /**
   * One input of the step's Camunda Form; {@code valueLabels}: what the form shows for each of its
   * {@code values}, by the value as text.
   */
  public record Field(
      String key,
      String label,
      String type,
      boolean required,
      boolean readOnly,
      List<Object> values,
      Map<String, String> valueLabels,
      Object current) {}
}
