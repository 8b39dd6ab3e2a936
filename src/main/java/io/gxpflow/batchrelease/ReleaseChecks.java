package io.gxpflow.batchrelease;

import static io.gxpflow.batchrelease.BatchReleaseVariables.*;

import io.gxpflow.compliance.EngineContext;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.variables.ProcessVariable;
import io.gxpflow.integration.BusinessRejection;
import io.gxpflow.integration.SystemCallDelegate;
import io.gxpflow.integration.mes.MesPort;
import io.gxpflow.integration.mes.MesPort.BatchRecordSummary;
import io.gxpflow.integration.qms.QmsPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The release checks of {@code batch-release}. Each check runs in its own branch of the parallel
 * gateway and writes only its own variable ({@code mesBatchRecordCheck}, {@code qcResultsCheck},
 * {@code qualityEventsCheck}), so no two branches write the same one; after the join {@code
 * ${batchReleaseMergeChecks}} puts them into {@code releaseChecks} in a fixed order. The judging is
 * {@link ReleaseCheckJudge}'s.
 */
@Configuration(proxyBeanMethods = false)
public class ReleaseChecks {

  static final List<ProcessVariable<Map<String, Object>>> RESULTS =
      List.of(MES_BATCH_RECORD_CHECK, QC_RESULTS_CHECK, QUALITY_EVENTS_CHECK);

  /** {@code ${batchReleaseCheckMes}}: the electronic batch record; also the product's name. */
  @Bean
  public SystemCallDelegate batchReleaseCheckMes(MesPort mes) {
    return execution ->
        MES_BATCH_RECORD_CHECK.set(
            execution,
            judged(
                ReleaseCheckJudge.MES_BATCH_RECORD,
                () -> {
                  BatchRecordSummary record = mes.batchRecord(BATCH_NUMBER.from(execution));
                  if (record.product() != null && record.product().name() != null) {
                    PRODUCT_NAME.set(execution, record.product().name());
                  }
                  return ReleaseCheckJudge.batchRecord(record);
                }));
  }

  /** {@code ${batchReleaseCheckQc}}: QC testing complete, no out-of-specification result. */
  @Bean
  public SystemCallDelegate batchReleaseCheckQc(QmsPort qms) {
    return execution ->
        QC_RESULTS_CHECK.set(
            execution,
            judged(
                ReleaseCheckJudge.QC_RESULTS,
                () -> ReleaseCheckJudge.qcResults(qms.qcResults(BATCH_NUMBER.from(execution)))));
  }

  /** {@code ${batchReleaseCheckQms}}: open deviations and change controls of the batch. */
  @Bean
  public SystemCallDelegate batchReleaseCheckQms(QmsPort qms) {
    return execution ->
        QUALITY_EVENTS_CHECK.set(
            execution,
            judged(
                ReleaseCheckJudge.QMS_QUALITY_EVENTS,
                () ->
                    ReleaseCheckJudge.qualityEvents(
                        qms.batchQualityEvents(BATCH_NUMBER.from(execution)))));
  }

  /**
   * {@code ${batchReleaseMergeChecks}}, after the join: {@code releaseChecks} in the fixed order,
   * the inputs of the review-depth table, the summary the forms show, {@code openDeviations} as the
   * QMS reports them plus those announced by message and not closed; a new round also clears the
   * previous round's review and decision, so nobody certifies on answers given to older checks.
   */
  @Bean
  public ExecutionListener batchReleaseMergeChecks(AuditTrail auditTrail) {
    return execution -> {
      List<Map<String, Object>> checks = new ArrayList<>();
      for (ProcessVariable<Map<String, Object>> result : RESULTS) {
        checks.add(result.from(execution));
        execution.removeVariable(result.name());
      }
      RELEASE_CHECKS.set(execution, checks);
      ReleaseCheckJudge.Summary summary = ReleaseCheckJudge.summarize(checks);
      NOT_COMPLIANT_COUNT.set(execution, summary.notCompliant());
      ERROR_COUNT.set(execution, summary.errors());
      HIGHEST_SEVERITY.set(execution, summary.highestSeverity());
      ALL_CHECKS_COMPLIANT.set(execution, summary.allCompliant());
      RELEASE_CHECKS_SUMMARY.set(execution, summary.text());
      CHECK_ROUND.set(execution, CHECK_ROUND.from(execution, 0) + 1);
      QA_REVIEW_ACCEPTABLE.set(execution, null);
      QA_REVIEW_COMMENT.set(execution, null);
      RELEASE_DECISION.set(execution, null);
      RELEASE_JUSTIFICATION.set(execution, null);
      // the QMS is the truth for what it reports; a deviation announced by BatchHoldRequested
      // stays open until its DeviationClosed, even if the QMS does not list it (yet)
      Set<String> open = new LinkedHashSet<>(ReleaseCheckJudge.openDeviations(checks.get(2)));
      open.addAll(ANNOUNCED_DEVIATIONS.from(execution, List.of()));
      OPEN_DEVIATIONS.set(execution, new ArrayList<>(open));
      if (open.isEmpty()) {
        // the hold period is over: a later hold is a new one for the MES
        ON_HOLD.set(execution, false);
      }
      // what the checks answered is part of the batch's GxP record for its whole retention, not
      // only in Camunda's history, which cleanup removes
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("round", CHECK_ROUND.from(execution));
      details.put("allCompliant", summary.allCompliant());
      details.put("checks", checks);
      details.put("openDeviations", new ArrayList<>(open));
      // the MES's name of the product, for the batch's record (the start has only its code)
      details.put("productName", PRODUCT_NAME.from(execution));
      auditTrail.record(
          EngineContext.currentExecutionEvent(AuditEventTypes.RELEASE_CHECKS_JUDGED, details));
    };
  }

  /**
   * {@code ${batchReleaseRecheckQms}}, just before QP certification: the QMS read again, the truth
   * on open deviations; one found opens the hold (the conditional boundary event of the
   * disposition).
   */
  @Bean
  public SystemCallDelegate batchReleaseRecheckQms(QmsPort qms) {
    return execution ->
        addOpenDeviations(
            execution,
            ReleaseCheckJudge.openDeviations(
                ReleaseCheckJudge.qualityEvents(
                    qms.batchQualityEvents(BATCH_NUMBER.from(execution)))));
  }

  /**
   * Adds to {@code openDeviations}, written only when it changes: every write is a variable event
   * the hold's conditional events evaluate.
   */
  static void addOpenDeviations(DelegateExecution execution, List<String> found) {
    List<String> open = OPEN_DEVIATIONS.from(execution, List.of());
    Set<String> merged = new LinkedHashSet<>(open);
    merged.addAll(found);
    if (merged.size() != open.size()) {
      OPEN_DEVIATIONS.set(execution, new ArrayList<>(merged));
    }
  }

  /**
   * A business rejection ("batch unknown") is an answer that cannot be judged: ERROR. Anything else
   * thrown is a technical failure: retried, then an incident.
   */
  private static Map<String, Object> judged(String check, Supplier<Map<String, Object>> call) {
    try {
      return call.get();
    } catch (BusinessRejection rejection) {
      return ReleaseCheckJudge.rejected(check, rejection.getMessage());
    }
  }
}
