package io.gxpflow.integration.connect;

import java.util.Map;
import org.camunda.connect.impl.AbstractConnectorResponse;

/**
 * One response parameter, {@code response}: the JSON answer as maps, lists and plain values for
 * output mappings.
 */
class SystemCallResponse extends AbstractConnectorResponse {

  private final Object answer;

  SystemCallResponse(Object answer) {
    this.answer = answer;
  }

  @Override
  protected void collectResponseParameters(Map<String, Object> parameters) {
    parameters.put(SystemConnectors.RESPONSE, answer);
  }
}
