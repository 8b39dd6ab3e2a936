package io.gxpflow.integration.connect;

/**
 * A connector's inputs do not make a call GxP Flow allows (an id with a slash, an object that is no
 * plain value): nothing is sent; the job fails and ends as an incident naming the input, like any
 * failed step.
 */
public class ConnectorInputRefused extends RuntimeException {

  public ConnectorInputRefused(String message) {
    super(message);
  }
}
