package io.gxpflow.integration.connect;

import static io.gxpflow.integration.ExternalSystem.CRM;
import static io.gxpflow.integration.ExternalSystem.MES;
import static io.gxpflow.integration.ExternalSystem.QMS;

import io.gxpflow.integration.ExternalSystem;
import io.gxpflow.integration.contract.CrmOperations;
import io.gxpflow.integration.contract.MesOperations;
import io.gxpflow.integration.contract.QmsOperations;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;

/**
 * What a connector may call: the documented operations of MES, QMS and CRM (docs/integration; names
 * from {@code integration.contract}, as the clients and the simulators use them), each with its
 * fixed method and path, the inputs that fill the path and the fields of its JSON body. A model
 * names an operation, never a URL, so it reaches nothing the project's own clients could not.
 */
enum SystemOperation {
  MES_BATCH_RECORD(
      MES, MesOperations.BATCH_RECORD, HttpMethod.GET, "/batches/{batchNumber}/record"),
  MES_SET_STATUS(
      MES,
      MesOperations.SET_STATUS,
      HttpMethod.PUT,
      "/batches/{batchNumber}/status",
      "status",
      "reason"),
  QMS_CREATE_DEVIATION(
      QMS,
      QmsOperations.CREATE_DEVIATION,
      HttpMethod.POST,
      "/deviations",
      "title",
      "description",
      "site",
      "product",
      "batchNumbers",
      "category",
      "occurredAt"),
  QMS_UPDATE_DEVIATION(
      QMS,
      QmsOperations.UPDATE_DEVIATION,
      HttpMethod.PATCH,
      "/deviations/{deviationId}",
      "classification",
      "status"),
  QMS_CLOSE_DEVIATION(
      QMS,
      QmsOperations.CLOSE_DEVIATION,
      HttpMethod.POST,
      "/deviations/{deviationId}/close",
      "closureSummary"),
  QMS_CREATE_CAPA(
      QMS,
      QmsOperations.CREATE_CAPA,
      HttpMethod.POST,
      "/deviations/{deviationId}/capas",
      "title",
      "description",
      "owner"),
  QMS_UPDATE_CAPA(QMS, QmsOperations.UPDATE_CAPA, HttpMethod.PATCH, "/capas/{capaId}", "actions"),
  QMS_CLOSE_CAPA(
      QMS,
      QmsOperations.CLOSE_CAPA,
      HttpMethod.POST,
      "/capas/{capaId}/close",
      "effectivenessCheck"),
  QMS_BATCH_QUALITY_EVENTS(
      QMS,
      QmsOperations.BATCH_QUALITY_EVENTS,
      HttpMethod.GET,
      "/batches/{batchNumber}/quality-events"),
  QMS_QC_RESULTS(
      QMS, QmsOperations.QC_RESULTS, HttpMethod.GET, "/batches/{batchNumber}/qc-results"),
  CRM_PUBLISH_CONTENT(
      CRM,
      CrmOperations.PUBLISH_CONTENT,
      HttpMethod.POST,
      "/content",
      "contentId",
      "version",
      "title",
      "channels",
      "markets",
      "expiryDate"),
  CRM_WITHDRAW_CONTENT(
      CRM,
      CrmOperations.WITHDRAW_CONTENT,
      HttpMethod.POST,
      "/content/{contentId}/withdrawal",
      "reason"),
  CRM_PUBLISH_SUPPLY(
      CRM,
      CrmOperations.PUBLISH_SUPPLY,
      HttpMethod.PUT,
      "/products/{productCode}/markets/{market}/supply",
      "status",
      "batchNumber",
      "quantity");

  private final ExternalSystem system;
  private final String operationName;
  private final HttpMethod method;
  private final String path;
  private final Set<String> pathVariables;
  private final Set<String> bodyFields;

  SystemOperation(
      ExternalSystem system,
      String operationName,
      HttpMethod method,
      String path,
      String... bodyFields) {
    this.system = system;
    this.operationName = operationName;
    this.method = method;
    this.path = path;
    Set<String> variables = new LinkedHashSet<>();
    Matcher variable = Pattern.compile("\\{(\\w+)}").matcher(path);
    while (variable.find()) {
      variables.add(variable.group(1));
    }
    this.pathVariables = Set.copyOf(variables);
    this.bodyFields = Set.of(bodyFields);
  }

  static Optional<SystemOperation> find(ExternalSystem system, String operationName) {
    return Arrays.stream(values())
        .filter(
            operation ->
                operation.system == system && operation.operationName.equals(operationName))
        .findFirst();
  }

  static List<String> namesOf(ExternalSystem system) {
    return Arrays.stream(values())
        .filter(operation -> operation.system == system)
        .map(SystemOperation::operationName)
        .toList();
  }

  ExternalSystem system() {
    return system;
  }

  /** The name SystemCalls, the audit trail and the simulators' faults API know the operation by. */
  String operationName() {
    return operationName;
  }

  HttpMethod method() {
    return method;
  }

  String path() {
    return path;
  }

  Set<String> pathVariables() {
    return pathVariables;
  }

  Set<String> bodyFields() {
    return bodyFields;
  }

  /** Every write carries an Idempotency-Key; reads do not. */
  boolean isWrite() {
    return method != HttpMethod.GET;
  }
}
