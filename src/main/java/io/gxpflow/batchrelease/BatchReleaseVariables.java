package io.gxpflow.batchrelease;

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
 * The variables of {@code batch-release} that its Java code reads or writes, with their types: the
 * one place their names are spelled (docs/processes/batch-release.md describes them). {@code
 * BatchReleaseVariablesTest} checks that each one is used by the model or its forms, or documented.
 */
public final class BatchReleaseVariables {

  // the BatchRecordCompleted event
  public static final ProcessVariable<String> BATCH_NUMBER = text("batchNumber");
  public static final ProcessVariable<String> PRODUCT_CODE = text("productCode");
  public static final ProcessVariable<String> SITE = text("site");
  public static final ProcessVariable<List<String>> INTENDED_MARKETS = list("intendedMarkets");
  public static final ProcessVariable<String> BATCH_RECORD_COMPLETED_AT =
      text("batchRecordCompletedAt");
  public static final ProcessVariable<String> MES_EVENT_ID = text("mesEventId");

  // intake
  public static final ProcessVariable<Date> RELEASE_TARGET_DATE = date("releaseTargetDate");
  public static final ProcessVariable<Integer> CHECK_ROUND = integer("checkRound");

  // the release checks: one result per check while the branches run, merged after the join
  public static final ProcessVariable<String> PRODUCT_NAME = text("productName");
  public static final ProcessVariable<Map<String, Object>> MES_BATCH_RECORD_CHECK =
      map("mesBatchRecordCheck");
  public static final ProcessVariable<Map<String, Object>> QC_RESULTS_CHECK = map("qcResultsCheck");
  public static final ProcessVariable<Map<String, Object>> QUALITY_EVENTS_CHECK =
      map("qualityEventsCheck");
  public static final ProcessVariable<List<Map<String, Object>>> RELEASE_CHECKS =
      list("releaseChecks");
  public static final ProcessVariable<String> RELEASE_CHECKS_SUMMARY = text("releaseChecksSummary");
  public static final ProcessVariable<Integer> NOT_COMPLIANT_COUNT = integer("notCompliantCount");
  public static final ProcessVariable<Integer> ERROR_COUNT = integer("errorCount");
  public static final ProcessVariable<String> HIGHEST_SEVERITY = text("highestSeverity");
  public static final ProcessVariable<Boolean> ALL_CHECKS_COMPLIANT = flag("allChecksCompliant");
  public static final ProcessVariable<String> REVIEW_DEPTH = text("reviewDepth");

  // hold
  public static final ProcessVariable<String> DEVIATION_ID = text("deviationId");
  public static final ProcessVariable<List<String>> OPEN_DEVIATIONS = list("openDeviations");
  public static final ProcessVariable<List<String>> ANNOUNCED_DEVIATIONS =
      list("announcedDeviations");
  public static final ProcessVariable<List<String>> CLOSED_DEVIATIONS = list("closedDeviations");
  public static final ProcessVariable<Boolean> ON_HOLD = flag("onHold");
  public static final ProcessVariable<Integer> HOLD_COUNT = integer("holdCount");

  // QA review and QP certification
  public static final ProcessVariable<Boolean> QA_REVIEW_ACCEPTABLE = flag("qaReviewAcceptable");
  public static final ProcessVariable<String> QA_REVIEW_COMMENT = text("qaReviewComment");
  public static final ProcessVariable<String> RELEASE_DECISION = text("releaseDecision");
  public static final ProcessVariable<String> RELEASE_JUSTIFICATION = text("releaseJustification");

  // after the decision
  public static final ProcessVariable<String> MARKET = text("market");
  public static final ProcessVariable<String> REJECTION_DEVIATION_INSTANCE =
      text("rejectionDeviationInstance");

  private BatchReleaseVariables() {}
}
