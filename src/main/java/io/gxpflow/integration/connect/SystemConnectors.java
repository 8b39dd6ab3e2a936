package io.gxpflow.integration.connect;

import io.gxpflow.integration.ExternalSystem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The connectors a model may use, one per system ({@code gxp-mes}, {@code gxp-qms}, {@code
 * gxp-crm}), and what their inputs may be. The deployment check and the connector at run time ask
 * the same question here, so a model that deploys is a model that runs, and one that could reach
 * anything else never deploys.
 */
public final class SystemConnectors {

  /**
   * The input naming the operation, written literally in the model (a reviewer sees what is
   * called).
   */
  public static final String OPERATION = "operation";

  /**
   * Optional input of a write the model runs again in a later round: part of the idempotency key.
   */
  public static final String IDEMPOTENCY_ROUND = "idempotencyRound";

  /** The response parameter: the system's JSON answer as maps, lists and plain values. */
  public static final String RESPONSE = "response";

  private static final Map<String, ExternalSystem> IDS =
      Map.of(
          "gxp-mes", ExternalSystem.MES,
          "gxp-qms", ExternalSystem.QMS,
          "gxp-crm", ExternalSystem.CRM);

  private SystemConnectors() {}

  /**
   * An input parameter as the model declares it; {@code literal} is null for an expression, a list
   * or a map.
   */
  public record DeclaredInput(String name, String literal) {}

  public static Set<String> ids() {
    return new TreeSet<>(IDS.keySet());
  }

  public static Optional<ExternalSystem> systemOf(String connectorId) {
    return Optional.ofNullable(IDS.get(connectorId));
  }

  /** Why a connector with these inputs may not be deployed (or run); empty when it may. */
  public static List<String> refusals(String connectorId, List<DeclaredInput> inputs) {
    ExternalSystem system = IDS.get(connectorId);
    if (system == null) {
      return List.of(
          "connector '"
              + connectorId
              + "' is not allowed: models call other systems only through "
              + "GxP Flow's connectors "
              + ids()
              + " (audited, retried, idempotent)");
    }
    List<String> reasons = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    Set<String> twice = new LinkedHashSet<>();
    DeclaredInput operationInput = null;
    for (DeclaredInput input : inputs) {
      if (!names.add(input.name())) {
        twice.add(input.name());
      }
      if (OPERATION.equals(input.name())) {
        operationInput = input;
      }
    }
    twice.forEach(name -> reasons.add("the input '" + name + "' is given twice"));
    if (operationInput == null) {
      reasons.add(
          connectorId
              + " needs the input '"
              + OPERATION
              + "', one of "
              + SystemOperation.namesOf(system));
      return reasons;
    }
    if (operationInput.literal() == null) {
      reasons.add(
          "the input '"
              + OPERATION
              + "' names the operation literally, not as an expression, list or map");
      return reasons;
    }
    Optional<SystemOperation> found = SystemOperation.find(system, operationInput.literal().trim());
    if (found.isEmpty()) {
      reasons.add(
          "the "
              + system
              + " connector has no operation '"
              + operationInput.literal().trim()
              + "'; its "
              + "operations: "
              + SystemOperation.namesOf(system));
      return reasons;
    }
    SystemOperation operation = found.get();
    Set<String> allowed = inputsOf(operation);
    names.stream()
        .filter(name -> !allowed.contains(name))
        .forEach(
            name ->
                reasons.add(
                    "the input '"
                        + name
                        + "' is not one of "
                        + system
                        + " "
                        + operation.operationName()
                        + "'s: "
                        + new TreeSet<>(allowed)));
    operation.pathVariables().stream()
        .filter(variable -> !names.contains(variable))
        .sorted()
        .forEach(
            variable ->
                reasons.add(
                    system
                        + " "
                        + operation.operationName()
                        + " needs the input '"
                        + variable
                        + "'"));
    return reasons;
  }

  static Set<String> inputsOf(SystemOperation operation) {
    Set<String> inputs = new HashSet<>(operation.pathVariables());
    inputs.addAll(operation.bodyFields());
    inputs.add(OPERATION);
    if (operation.isWrite()) {
      inputs.add(IDEMPOTENCY_ROUND);
    }
    return inputs;
  }
}
