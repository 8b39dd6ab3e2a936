package io.gxpflow.integration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A service task that calls an external system: a business rejection ("deviation unknown") becomes
 * the BPMN error {@code <SYSTEM>_<CODE>} the model may catch; a technical failure stays an
 * exception, so the job is retried and ends as an incident. With {@code
 * enable-exceptions-after-unhandled-bpmn-error} an uncaught BPMN error is an incident too, never a
 * silently ended path.
 */
@FunctionalInterface
public interface SystemCallDelegate extends JavaDelegate {

  void call(DelegateExecution execution);

  @Override
  default void execute(DelegateExecution execution) {
    try {
      call(execution);
    } catch (BusinessRejection rejection) {
      throw rejection.toBpmnError();
    }
  }
}
