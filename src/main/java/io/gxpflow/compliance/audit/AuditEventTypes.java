package io.gxpflow.compliance.audit;

/**
 * Event types of the audit trail ({@code gxp_audit_event.event_type}, at most 64 characters).
 * Stored as text: a constant may be added, never renamed, or older events no longer match their
 * type.
 */
public final class AuditEventTypes {

  public static final String PROCESS_STARTED = "PROCESS_STARTED";
  public static final String PROCESS_ENDED = "PROCESS_ENDED";
  public static final String PROCESS_CANCELLED = "PROCESS_CANCELLED";
  // the business key given to a running instance (a deviation gets its QMS id after the start):
  // links the instance's earlier events to the key, as the trail is append-only
  public static final String BUSINESS_KEY_SET = "BUSINESS_KEY_SET";
  public static final String TASK_CREATED = "TASK_CREATED";
  public static final String TASK_ASSIGNED = "TASK_ASSIGNED";
  public static final String TASK_CLAIMED = "TASK_CLAIMED";
  public static final String TASK_COMPLETED = "TASK_COMPLETED";
  public static final String SIGNATURE = "SIGNATURE";
  public static final String SIGNATURE_FAILED = "SIGNATURE_FAILED";
  public static final String SIGNING_LOCKED = "SIGNING_LOCKED";
  public static final String SOD_VIOLATION = "SOD_VIOLATION";
  public static final String DECISION_EVALUATED = "DECISION_EVALUATED";
  public static final String SYSTEM_CALL = "SYSTEM_CALL";
  public static final String DEPLOYMENT = "DEPLOYMENT";
  public static final String AUTHORIZATION_CHANGED = "AUTHORIZATION_CHANGED";
  public static final String INCIDENT_CREATED = "INCIDENT_CREATED";
  public static final String INCIDENT_RESOLVED = "INCIDENT_RESOLVED";
  public static final String DUE_DATE_CHANGED = "DUE_DATE_CHANGED";
  public static final String DEADLINE_MISSED = "DEADLINE_MISSED";
  public static final String BATCH_MESSAGE_SENT = "BATCH_MESSAGE_SENT";
  public static final String RELEASE_CHECKS_JUDGED = "RELEASE_CHECKS_JUDGED";
  public static final String CHANGE_REQUESTED = "CHANGE_REQUESTED";
  // mlr-review: content versions, their pre-check, reviewers' module comments, the claims library
  public static final String MLR_CONTENT_SUBMITTED = "MLR_CONTENT_SUBMITTED";
  public static final String MLR_CONTENT_STATUS_CHANGED = "MLR_CONTENT_STATUS_CHANGED";
  public static final String MLR_PRECHECK_COMPLETED = "MLR_PRECHECK_COMPLETED";
  public static final String MLR_MODULE_COMMENT_ADDED = "MLR_MODULE_COMMENT_ADDED";
  public static final String MLR_CLAIM_ADDED = "MLR_CLAIM_ADDED";
  public static final String MLR_CLAIM_WITHDRAWN = "MLR_CLAIM_WITHDRAWN";
  // the people working a task: who said what when, which file (name, size, SHA-256) was attached
  public static final String COMMENT_ADDED = "COMMENT_ADDED";
  // who read a GxP record (its page, JSON or PDF copy): inspectors ask who looked at what
  public static final String RECORD_READ = "RECORD_READ";
  public static final String ATTACHMENT_ADDED = "ATTACHMENT_ADDED";
  // handing a task back, and out of office: a task assigned to someone away goes to their deputy
  public static final String TASK_UNCLAIMED = "TASK_UNCLAIMED";
  public static final String TASK_FORWARDED_TO_DEPUTY = "TASK_FORWARDED_TO_DEPUTY";
  public static final String DEPUTY_NOT_APPLICABLE = "DEPUTY_NOT_APPLICABLE";
  public static final String DEPUTY_SET = "DEPUTY_SET";
  public static final String DEPUTY_CLEARED = "DEPUTY_CLEARED";
  // identity changes (engine identity store; Keycloak audits its own later)
  public static final String USER_CREATED = "USER_CREATED";
  public static final String USER_UPDATED = "USER_UPDATED";
  public static final String USER_DELETED = "USER_DELETED";
  public static final String USER_UNLOCKED = "USER_UNLOCKED";
  public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
  public static final String GROUP_CREATED = "GROUP_CREATED";
  public static final String GROUP_UPDATED = "GROUP_UPDATED";
  public static final String GROUP_DELETED = "GROUP_DELETED";
  public static final String MEMBERSHIP_CREATED = "MEMBERSHIP_CREATED";
  public static final String MEMBERSHIP_DELETED = "MEMBERSHIP_DELETED";
  public static final String TENANT_CHANGED = "TENANT_CHANGED";
  // a client locked out of one account for a while after too many wrong passwords (11.300(d))
  public static final String LOGIN_THROTTLED = "LOGIN_THROTTLED";

  private AuditEventTypes() {}
}
