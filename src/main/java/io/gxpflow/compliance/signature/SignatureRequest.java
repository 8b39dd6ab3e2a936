package io.gxpflow.compliance.signature;

import java.util.Map;

/**
 * What a signer sends: their password again, the meaning they confirm, and the task's input
 * (validated like any completion). {@code toString} never shows the password.
 */
public record SignatureRequest(String password, String meaning, Map<String, Object> variables) {

  @Override
  public String toString() {
    return "SignatureRequest[meaning="
        + meaning
        + ", variables="
        + (variables == null ? "{}" : variables.keySet())
        + "]";
  }
}
