package io.gxpflow.engine.expression;

import org.camunda.bpm.impl.juel.jakarta.el.ELException;

/**
 * An expression of a deployed model reached for something models may not touch; the engine fails
 * the step.
 */
public class ExpressionRefused extends ELException {

  public ExpressionRefused(String message) {
    super(message);
  }
}
