package io.gxpflow.integration.connect;

import io.gxpflow.integration.BusinessRejection;
import io.gxpflow.integration.ExternalSystem;
import io.gxpflow.integration.SystemCalls;
import io.gxpflow.integration.connect.SystemConnectors.DeclaredInput;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.connect.impl.AbstractConnector;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The connector of one system: checks the request against {@link SystemOperation} and {@link
 * SystemConnectors}, and makes the call through {@link SystemCalls} (base URL, API key, timeouts,
 * audit). A business rejection becomes the BPMN error {@code <SYSTEM>_<CODE>}, as in the project's
 * delegates; any other failure is thrown on, so the job is retried and ends as an incident.
 */
class SystemConnector extends AbstractConnector<SystemCallRequest, SystemCallResponse> {

  /**
   * Ids as the systems issue them (B-2026-0045, DEV-2026-0007, CH): no slash, no dot segment, no
   * query.
   */
  private static final Pattern PATH_VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");

  private static final int MAX_DEPTH = 16;

  private final ExternalSystem system;
  private final SystemCalls calls;

  SystemConnector(String connectorId, ExternalSystem system, SystemCalls calls) {
    super(connectorId);
    this.system = system;
    this.calls = calls;
  }

  @Override
  public SystemCallRequest createRequest() {
    return new SystemCallRequest(this);
  }

  @Override
  public SystemCallResponse execute(SystemCallRequest request) {
    Map<String, Object> parameters = request.getRequestParameters();
    List<DeclaredInput> declared =
        parameters.entrySet().stream()
            .map(
                entry ->
                    new DeclaredInput(
                        entry.getKey(), entry.getValue() instanceof String text ? text : null))
            .toList();
    List<String> refusals = SystemConnectors.refusals(getId(), declared);
    if (!refusals.isEmpty()) {
      throw new ConnectorInputRefused(getId() + ": " + String.join("; ", refusals));
    }
    SystemOperation operation =
        SystemOperation.find(system, ((String) parameters.get(SystemConnectors.OPERATION)).trim())
            .orElseThrow();
    Map<String, String> path = pathValues(operation, parameters);
    Map<String, Object> body = body(operation, parameters);
    String key = operation.isWrite() ? request.idempotencyKey() : null;
    if (operation.isWrite() && key == null) {
      throw new ConnectorInputRefused(
          getId() + ": a write runs only as a step of a process (idempotency key)");
    }
    try {
      return new SystemCallResponse(
          calls.call(
              system,
              operation.operationName(),
              key,
              client -> send(client, operation, path, body, key)));
    } catch (BusinessRejection rejection) {
      throw rejection.toBpmnError();
    }
  }

  private static Object send(
      RestClient client,
      SystemOperation operation,
      Map<String, String> path,
      Map<String, Object> body,
      String key) {
    RestClient.RequestBodySpec request =
        client
            .method(operation.method())
            .uri(operation.path(), path)
            .accept(MediaType.APPLICATION_JSON);
    if (operation.isWrite()) {
      request
          .header(SystemCalls.IDEMPOTENCY_KEY_HEADER, key)
          .contentType(MediaType.APPLICATION_JSON)
          .body(body);
    }
    return request.retrieve().body(Object.class);
  }

  private Map<String, String> pathValues(
      SystemOperation operation, Map<String, Object> parameters) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String variable : operation.pathVariables()) {
      Object value = parameters.get(variable);
      String text =
          value instanceof String || value instanceof Number ? value.toString().trim() : null;
      if (text == null || !PATH_VALUE.matcher(text).matches()) {
        throw new ConnectorInputRefused(
            getId()
                + ": the input '"
                + variable
                + "' must be an id of letters, digits "
                + "and . _ : - (starting with a letter or digit), got "
                + (value == null ? "nothing" : "'" + value + "'"));
      }
      values.put(variable, text);
    }
    return values;
  }

  private Map<String, Object> body(SystemOperation operation, Map<String, Object> parameters) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (String field : operation.bodyFields()) {
      if (parameters.containsKey(field)) {
        body.put(field, json(field, parameters.get(field), 0));
      }
    }
    return body;
  }

  /**
   * Only plain values go into a request: no object of the case is ever serialized by its getters.
   */
  private Object json(String field, Object value, int depth) {
    if (depth > MAX_DEPTH) {
      throw new ConnectorInputRefused(
          getId() + ": the input '" + field + "' is nested deeper than " + MAX_DEPTH);
    }
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Number) {
      return value;
    }
    if (value instanceof Date date) {
      return date.toInstant().toString();
    }
    if (value instanceof TemporalAccessor time) {
      return time.toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, entry) -> copy.put(String.valueOf(key), json(field, entry, depth + 1)));
      return copy;
    }
    if (value instanceof Collection<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(entry -> copy.add(json(field, entry, depth + 1)));
      return copy;
    }
    throw new ConnectorInputRefused(
        getId()
            + ": the input '"
            + field
            + "' must be text, a number, true/false, a "
            + "date, a list or a map");
  }
}
