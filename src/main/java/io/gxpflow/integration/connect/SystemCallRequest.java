package io.gxpflow.integration.connect;

import org.camunda.connect.impl.AbstractConnectorRequest;

/** The model's inputs, plus the idempotency key of the step, which the model cannot set. */
class SystemCallRequest extends AbstractConnectorRequest<SystemCallResponse> {

  private String idempotencyKey;

  SystemCallRequest(SystemConnector connector) {
    super(connector);
  }

  String idempotencyKey() {
    return idempotencyKey;
  }

  void idempotencyKey(String key) {
    this.idempotencyKey = key;
  }
}
