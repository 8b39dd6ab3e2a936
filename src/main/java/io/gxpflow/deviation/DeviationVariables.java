package io.gxpflow.deviation;

import static io.gxpflow.compliance.variables.ProcessVariable.date;
import static io.gxpflow.compliance.variables.ProcessVariable.flag;
import static io.gxpflow.compliance.variables.ProcessVariable.integer;
import static io.gxpflow.compliance.variables.ProcessVariable.list;
import static io.gxpflow.compliance.variables.ProcessVariable.map;
import static io.gxpflow.compliance.variables.ProcessVariable.text;

import io.gxpflow.compliance.variables.ProcessVariable;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The variables of {@code deviation-capa} that its Java code reads or writes, with their types: the
 * one place their names are spelled (docs/processes/deviation-capa.md describes them). {@code
 * DeviationVariablesTest} checks that each one is used by the model or its forms.
 */
public final class DeviationVariables {

  // the report (start form or DeviationReported event)
  public static final ProcessVariable<String> TITLE = text("title");
  public static final ProcessVariable<String> DESCRIPTION = text("description");
  public static final ProcessVariable<String> SITE = text("site");
  public static final ProcessVariable<String> PRODUCT = text("product");
  public static final ProcessVariable<String> CATEGORY = text("category");
  public static final ProcessVariable<Object> OCCURRED_AT =
      new ProcessVariable<>("occurredAt", Object.class);
  public static final ProcessVariable<String> AFFECTED_BATCHES = text("affectedBatches");

  // intake
  public static final ProcessVariable<String> DEVIATION_ID = text("deviationId");
  public static final ProcessVariable<Date> REPORTED_AT = date("reportedAt");
  public static final ProcessVariable<List<String>> AFFECTED_BATCH_NUMBERS =
      list("affectedBatchNumbers");
  public static final ProcessVariable<List<String>> HELD_BATCH_NUMBERS = list("heldBatchNumbers");
  public static final ProcessVariable<String> BATCH_NUMBER = text("batchNumber");
  public static final ProcessVariable<Integer> CLASSIFICATION_RETURNS =
      integer("classificationReturns");
  public static final ProcessVariable<Boolean> BATCH_IMPACT = flag("batchImpact");
  public static final ProcessVariable<Boolean> CLOSE_WITHOUT_INVESTIGATION =
      flag("closeWithoutInvestigation");
  public static final ProcessVariable<Boolean> CAPA_REQUIRED = flag("capaRequired");
  public static final ProcessVariable<Boolean> DEVIATION_CLOSED = flag("deviationClosed");
  public static final ProcessVariable<Boolean> DEVIATION_CANCELLED = flag("deviationCancelled");

  // classification and due dates
  public static final ProcessVariable<String> SEVERITY = text("severity");
  public static final ProcessVariable<Map<String, Object>> DUE_DAYS = map("dueDays");
  public static final ProcessVariable<Date> INVESTIGATION_DUE_DATE = date("investigationDueDate");
  public static final ProcessVariable<Date> CLOSURE_DUE_DATE = date("closureDueDate");
  public static final ProcessVariable<Integer> EFFECTIVENESS_CHECK_DAYS =
      integer("effectivenessCheckDays");

  // CAPA
  public static final ProcessVariable<Integer> CAPA_ROUND = integer("capaRound");
  public static final ProcessVariable<String> CAPA_ID = text("capaId");
  public static final ProcessVariable<String> CAPA_TITLE = text("capaTitle");
  public static final ProcessVariable<String> FINDINGS = text("findings");
  public static final ProcessVariable<List<Map<String, Object>>> CAPA_ACTION_LIST =
      list("capaActionList");
  public static final ProcessVariable<Map<String, Object>> CAPA_ACTION = map("capaAction");
  public static final ProcessVariable<Integer> ACTION_NUMBER = integer("actionNumber");
  public static final ProcessVariable<String> ACTION_EVIDENCE = text("actionEvidence");
  public static final ProcessVariable<String> EFFECTIVENESS_RESULT = text("effectivenessResult");
  public static final ProcessVariable<String> EFFECTIVENESS_SUMMARY = text("effectivenessSummary");

  // closure
  public static final ProcessVariable<String> CLOSURE_SUMMARY = text("closureSummary");
  public static final ProcessVariable<Date> DEVIATION_CLOSED_AT = date("deviationClosedAt");

  // requests raised on a running deviation (an extension's are local to its event subprocess)
  public static final ProcessVariable<String> REQUESTED_DUE_DATE = text("requestedDueDate");
  public static final ProcessVariable<String> EXTENSION_REASON = text("extensionReason");
  public static final ProcessVariable<String> EXTENSION_REQUESTED_BY = text("extensionRequestedBy");
  public static final ProcessVariable<String> EXTENSION_DECISION = text("extensionDecision");
  public static final ProcessVariable<String> EXTENSION_COMMENT = text("extensionComment");
  public static final ProcessVariable<String> CANCELLATION_TYPE = text("cancellationType");
  public static final ProcessVariable<String> CANCELLATION_REASON = text("cancellationReason");
  public static final ProcessVariable<String> CANCELLATION_REQUESTED_BY =
      text("cancellationRequestedBy");

  /**
   * What the owner of CAPA action {@code number} entered when done ({@code round}, {@code
   * evidence}, {@code completedBy}, {@code completedAt}); merged into {@link #CAPA_ACTION_LIST}
   * once every action is done.
   */
  public static ProcessVariable<Map<String, Object>> actionDone(int number) {
    return map("capaActionDone" + number);
  }

  private DeviationVariables() {}
}
