package io.gxpflow.compliance.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event to append to the audit trail: what happened ({@link AuditEventTypes}), who did it (a
 * user id or {@link #SYSTEM}), to which process, instance and task, and the details (a JSON object:
 * strings, numbers, booleans, null, lists and maps; other values are stored as Jackson writes
 * them).
 *
 * <pre>{@code
 * AuditEvent.builder(AuditEventTypes.TASK_COMPLETED, userId)
 *     .businessKey(businessKey).processInstanceId(instanceId).processDefinitionKey("mlr-review").taskId(taskId)
 *     .detail("outcome", "approved")
 *     .build();
 * }</pre>
 *
 * Lengths are checked here, before the database would refuse them inside the caller's transaction.
 */
public record AuditEvent(
    String type,
    String actor,
    String businessKey,
    String processInstanceId,
    String processDefinitionKey,
    String taskId,
    Map<String, Object> details) {

  /** The actor of events no user caused: the engine, timers, scheduled work. */
  public static final String SYSTEM = "system";

  public AuditEvent {
    requireText("type", type, 64);
    requireText("actor", actor, 255);
    checkLength("businessKey", businessKey, 255);
    checkLength("processInstanceId", processInstanceId, 64);
    checkLength("processDefinitionKey", processDefinitionKey, 255);
    checkLength("taskId", taskId, 64);
    // a copy (null values are allowed, Map.copyOf would refuse them), so later changes by the
    // caller do not leak in
    Map<String, Object> copy = new LinkedHashMap<>();
    if (details != null) {
      details.forEach(
          (key, value) -> {
            if (key == null) {
              throw new IllegalArgumentException("details: keys must not be null");
            }
            copy.put(key, value);
          });
    }
    details = Collections.unmodifiableMap(copy);
  }

  public static Builder builder(String type, String actor) {
    return new Builder(type, actor);
  }

  /** An event about no particular process, e.g. a deployment or an authorization change. */
  public static AuditEvent of(String type, String actor, Map<String, Object> details) {
    return new AuditEvent(type, actor, null, null, null, null, details);
  }

  private static void requireText(String name, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    checkLength(name, value, maxLength);
  }

  private static void checkLength(String name, String value, int maxLength) {
    if (value != null && value.length() > maxLength) {
      throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
    }
  }

  public static final class Builder {

    private final String type;
    private final String actor;
    private String businessKey;
    private String processInstanceId;
    private String processDefinitionKey;
    private String taskId;
    private final Map<String, Object> details = new LinkedHashMap<>();

    private Builder(String type, String actor) {
      this.type = type;
      this.actor = actor;
    }

    public Builder businessKey(String businessKey) {
      this.businessKey = businessKey;
      return this;
    }

    public Builder processInstanceId(String processInstanceId) {
      this.processInstanceId = processInstanceId;
      return this;
    }

    public Builder processDefinitionKey(String processDefinitionKey) {
      this.processDefinitionKey = processDefinitionKey;
      return this;
    }

    public Builder taskId(String taskId) {
      this.taskId = taskId;
      return this;
    }

    public Builder detail(String key, Object value) {
      details.put(key, value);
      return this;
    }

    public Builder details(Map<String, ?> more) {
      details.putAll(more);
      return this;
    }

    public AuditEvent build() {
      return new AuditEvent(
          type, actor, businessKey, processInstanceId, processDefinitionKey, taskId, details);
    }
  }
}
