package io.gxpflow.compliance.tasks;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Completes a signature step once its signature is checked: the one way a signed task completes.
 */
public interface SignedCompletion {

  /**
   * Completes the task with the signer's input, in the caller's transaction, after the compliance
   * checks.
   */
  void completeWithSignature(String taskId, Map<String, Object> variables, String signatureId);

  /**
   * The engine's task service, which the compliance engine plugin replaced with one that offers
   * this.
   */
  static SignedCompletion of(ProcessEngine engine) {
    if (engine.getTaskService() instanceof SignedCompletion completion) {
      return completion;
    }
    throw new IllegalStateException(
        "The engine's task service is not the compliance layer's: is "
            + "ComplianceEnginePlugin applied?");
  }
}
