package io.gxpflow.engine.model;

/**
 * One broken GxP model rule: which file, which element (process, decision, task, event), which rule
 * and why.
 *
 * @param file file name of the model, e.g. {@code mlr-review.bpmn}
 * @param elementId id of the offending element (the {@code id} attribute as shown in Camunda
 *     Modeler)
 * @param ruleId stable rule id, one of the {@code ModelRules.*} constants
 * @param message what is wrong and how to fix it, for the person editing the model
 */
public record ModelRuleViolation(String file, String elementId, String ruleId, String message) {

  @Override
  public String toString() {
    return file + " [" + elementId + "] " + ruleId + ": " + message;
  }
}
