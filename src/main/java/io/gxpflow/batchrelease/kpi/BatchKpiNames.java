package io.gxpflow.batchrelease.kpi;

import io.gxpflow.batchrelease.BatchReleaseVariables;
import io.gxpflow.compliance.variables.ProcessVariable;
import io.gxpflow.identity.GxpProcess;

/**
 * The names in {@code bpmn/batch-release.bpmn} the batch KPIs read, in one place: variables the
 * process writes, and the ids of the activities whose history tells when a batch was decided and
 * how long it was on hold. The variables are the process's own ({@link BatchReleaseVariables}).
 */
final class BatchKpiNames {

  static final String PROCESS_KEY = GxpProcess.BATCH_RELEASE.key();

  /** ISO-8601 date-time text from the MES event (a {@code Date} is read too). */
  static final ProcessVariable<String> BATCH_RECORD_COMPLETED_AT =
      BatchReleaseVariables.BATCH_RECORD_COMPLETED_AT;

  /** {@code NONE}, {@code EXCEPTIONS_ONLY} or {@code FULL}, from the review depth decision. */
  static final ProcessVariable<String> REVIEW_DEPTH = BatchReleaseVariables.REVIEW_DEPTH;

  /** {@code RELEASE} or {@code REJECT}, the QP's decision. */
  static final ProcessVariable<String> RELEASE_DECISION = BatchReleaseVariables.RELEASE_DECISION;

  /** The wait while a deviation for the batch is open; may occur several times per batch. */
  static final String ON_HOLD_ACTIVITY = "OnHold";

  /** QP certification: its completion is the decision. */
  static final String QP_CERTIFICATION = "Task_QpCertification";

  static final String END_RELEASED = "EndEvent_Released";
  static final String END_REJECTED = "EndEvent_Rejected";

  static final String RELEASE = "RELEASE";
  static final String REJECT = "REJECT";
  static final String NO_REVIEW = "NONE";

  private BatchKpiNames() {}
}
