package io.gxpflow.integration;

import org.camunda.bpm.engine.delegate.BpmnError;

/**
 * The system understood the call and said no (a 404, 409 or 422 with a business code: "batch
 * unknown"). Not retried: the delegate turns it into a {@link BpmnError} with code {@code
 * <SYSTEM>_<CODE>} that the model can catch (e.g. {@code MES_BATCH_UNKNOWN}); see docs/integration.
 */
public class BusinessRejection extends RuntimeException {

  private final ExternalSystem system;
  private final String code;

  public BusinessRejection(ExternalSystem system, String operation, String code, String detail) {
    super(
        system
            + " "
            + operation
            + " rejected: "
            + code
            + (detail == null ? "" : " (" + detail + ")"));
    this.system = system;
    this.code = code;
  }

  /** The BPMN error code the models catch. */
  public String bpmnErrorCode() {
    return system.name() + "_" + code;
  }

  public BpmnError toBpmnError() {
    return new BpmnError(bpmnErrorCode(), getMessage());
  }
}
