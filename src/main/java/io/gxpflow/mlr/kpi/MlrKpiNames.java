package io.gxpflow.mlr.kpi;

import io.gxpflow.compliance.variables.ProcessVariable;
import io.gxpflow.identity.GxpProcess;
import io.gxpflow.mlr.review.MlrVariables;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names in {@code bpmn/mlr-review.bpmn} the MLR KPIs read, in one place: the variables the
 * process writes ({@link MlrVariables}) and the ids of the activities whose history tells when an
 * item was submitted, returned, reviewed and signed.
 */
final class MlrKpiNames {

  static final String PROCESS_KEY = GxpProcess.MLR_REVIEW.key();

  /** The review round, 1 for the first; read as it stood when the approval was signed. */
  static final ProcessVariable<Integer> REVIEW_ROUND = MlrVariables.REVIEW_ROUND;

  /** Modules of the version under review, set by the pre-check. */
  static final ProcessVariable<Integer> MODULE_COUNT = MlrVariables.MODULE_COUNT;

  /** Modules taken unchanged from pre-approved ones, set by the pre-check. */
  static final ProcessVariable<Integer> REUSED_UNCHANGED = MlrVariables.REUSED_UNCHANGED;

  /** When the reviews of the current round are due, set by the routing of each round. */
  static final ProcessVariable<Date> REVIEW_DUE_AT = MlrVariables.REVIEW_DUE_AT;

  /** The signature step, meaning "Approved for distribution": its completion is the approval. */
  static final String APPROVE = "Task_Approve";

  /** The author's revision: after a blocking pre-check or a review round that needs changes. */
  static final String REVISE = "Task_Revise";

  /** The coordinator's periodic review before expiry: renewing starts a new review cycle. */
  static final String PERIODIC_REVIEW = "Task_PeriodicReview";

  /** The next version of approved content arriving from the author: a new review cycle too. */
  static final String NEW_VERSION = "Event_NewVersionSubmitted";

  /** The review tasks, by the group name the report uses, in the order the report lists them. */
  static final Map<String, String> REVIEWS = reviews();

  private static Map<String, String> reviews() {
    Map<String, String> reviews = new LinkedHashMap<>();
    reviews.put("medical", "Task_MedicalReview");
    reviews.put("legal", "Task_LegalReview");
    reviews.put("regulatory", "Task_RegulatoryReview");
    return Collections.unmodifiableMap(reviews);
  }

  private MlrKpiNames() {}
}
