package io.gxpflow.mlr.review;

import static io.gxpflow.compliance.variables.ProcessVariable.date;
import static io.gxpflow.compliance.variables.ProcessVariable.flag;
import static io.gxpflow.compliance.variables.ProcessVariable.integer;
import static io.gxpflow.compliance.variables.ProcessVariable.list;
import static io.gxpflow.compliance.variables.ProcessVariable.text;

import io.gxpflow.compliance.variables.ProcessVariable;
import java.util.Date;
import java.util.List;

/**
 * The variables of {@code mlr-review} that its Java code reads or writes: the one place their names
 * are spelled (docs/processes/mlr-review.md describes them). The content itself is in the content
 * tables; these are the facts the model routes on and the forms show.
 */
public final class MlrVariables {

  /** The message that starts a review of a version the submissions API stored. */
  public static final String CONTENT_SUBMITTED = "ContentSubmitted";

  /** The message that brings the next version of approved content to its running instance. */
  public static final String NEW_VERSION_SUBMITTED = "NewVersionSubmitted";

  /** The message that withdraws an item, at any time (correlated by the item id). */
  public static final String CONTENT_WITHDRAWN = "ContentWithdrawn";

  // the item and the version under review (the business key is the item id)
  public static final ProcessVariable<String> CONTENT_ID = text("contentId");
  public static final ProcessVariable<Integer> CONTENT_VERSION = integer("contentVersion");
  public static final ProcessVariable<String> CONTENT_TITLE = text("contentTitle");
  public static final ProcessVariable<String> PRODUCT = text("product");
  public static final ProcessVariable<List<String>> MARKETS = list("markets");
  public static final ProcessVariable<String> CHANNEL = text("channel");
  public static final ProcessVariable<List<String>> CHANNELS = list("channels");
  public static final ProcessVariable<String> AUDIENCE = text("audience");
  public static final ProcessVariable<String> CONTENT_HASH = text("contentHash");
  public static final ProcessVariable<String> AUTHOR = text("author");

  // the start form and the revision form: the content as markup (ContentMarkup)
  public static final ProcessVariable<String> CONTENT_TEXT = text("contentText");

  // pre-check
  public static final ProcessVariable<Integer> REVIEW_ROUND = integer("reviewRound");
  public static final ProcessVariable<Integer> PRECHECK_SCORE = integer("precheckScore");
  public static final ProcessVariable<Boolean> PRECHECK_BLOCKED = flag("precheckBlocked");
  public static final ProcessVariable<Integer> BLOCKING_FINDINGS = integer("blockingFindings");
  public static final ProcessVariable<Integer> FINDING_COUNT = integer("findingCount");
  public static final ProcessVariable<String> FINDINGS_SUMMARY = text("findingsSummary");
  public static final ProcessVariable<Integer> MODULES_TO_REVIEW = integer("modulesToReview");
  public static final ProcessVariable<Integer> MODULE_COUNT = integer("moduleCount");
  public static final ProcessVariable<Integer> REUSED_UNCHANGED = integer("reusedUnchangedModules");

  // triage and routing
  public static final ProcessVariable<Boolean> EXPEDITED = flag("expedited");
  public static final ProcessVariable<List<String>> REVIEWS_REQUIRED = list("reviewsRequired");
  public static final ProcessVariable<Integer> REVIEW_SLA_DAYS = integer("reviewSlaDays");
  public static final ProcessVariable<Date> REVIEW_DUE_AT = date("reviewDueAt");

  // the reviews
  public static final ProcessVariable<String> MEDICAL_DECISION = text("medicalDecision");
  public static final ProcessVariable<String> LEGAL_DECISION = text("legalDecision");
  public static final ProcessVariable<String> REGULATORY_DECISION = text("regulatoryDecision");
  public static final ProcessVariable<Integer> MANDATORY_COMMENTS = integer("mandatoryComments");
  public static final ProcessVariable<Boolean> REVISION_NEEDED = flag("revisionNeeded");
  public static final ProcessVariable<String> REVIEW_FEEDBACK = text("reviewFeedback");

  // consolidation and the round limit
  public static final ProcessVariable<String> CONSOLIDATED_FEEDBACK = text("consolidatedFeedback");
  public static final ProcessVariable<String> ROUND_LIMIT_DECISION = text("roundLimitDecision");
  public static final ProcessVariable<String> ROUND_LIMIT_REASON = text("roundLimitReason");

  // approval, release, distribution
  public static final ProcessVariable<String> APPROVAL_CODE = text("approvalCode");
  public static final ProcessVariable<String> EXPIRY_DATE = text("expiryDate");
  public static final ProcessVariable<Date> PERIODIC_REVIEW_AT = date("periodicReviewAt");
  public static final ProcessVariable<Date> EXPIRES_AT = date("expiresAt");
  public static final ProcessVariable<Boolean> PUBLISHED = flag("published");
  public static final ProcessVariable<String> CRM_DISTRIBUTION_ID = text("crmDistributionId");

  // periodic review, expiry and withdrawal
  public static final ProcessVariable<String> PERIODIC_REVIEW_DECISION =
      text("periodicReviewDecision");
  public static final ProcessVariable<String> WITHDRAWAL_REASON = text("withdrawalReason");

  private MlrVariables() {}
}
