package io.gxpflow.integration;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The Idempotency-Key of a write: the process instance and the activity (and the loop counter
 * inside a multi-instance), so every retry of the same step sends the same key and the system
 * applies it once. Activity instance ids are not used: a retried async job gets a new one.
 */
public final class IdempotencyKeys {

  private IdempotencyKeys() {}

  public static String of(DelegateExecution execution) {
    String key = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId();
    Object loopCounter = execution.getVariableLocal("loopCounter");
    return loopCounter == null ? key : key + "#" + loopCounter;
  }

  /**
   * For a step the model runs again in a later round (a new CAPA plan after a failed effectiveness
   * check): the round is part of the key, so the new round's write is applied rather than answered
   * with the old one.
   */
  public static String of(DelegateExecution execution, Object round) {
    return of(execution) + "@" + round;
  }
}
