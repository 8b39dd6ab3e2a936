package io.gxpflow.integration.connect;

import io.gxpflow.integration.IdempotencyKeys;
import org.camunda.bpm.engine.impl.core.variable.mapping.IoMapping;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.connect.plugin.impl.ServiceTaskConnectorActivityBehavior;
import org.camunda.connect.spi.ConnectorRequest;

/**
 * Camunda Connect's service task behaviour (input mapping, call, output mapping, BPMN error
 * propagation) with two differences: the connector is this application's instance, not one looked
 * up in Connect's JVM-wide registry, and a write gets the step's idempotency key, the same one the
 * project's delegates send.
 */
class SystemConnectorBehavior extends ServiceTaskConnectorActivityBehavior {

  SystemConnectorBehavior(SystemConnector connector, IoMapping ioMapping) {
    super(connector.getId(), ioMapping);
    this.connectorInstance = connector;
  }

  @Override
  protected void applyInputParameters(ActivityExecution execution, ConnectorRequest<?> request) {
    super.applyInputParameters(execution, request);
    Object round = request.getRequestParameter(SystemConnectors.IDEMPOTENCY_ROUND);
    ((SystemCallRequest) request)
        .idempotencyKey(
            round == null ? IdempotencyKeys.of(execution) : IdempotencyKeys.of(execution, round));
  }
}
