package io.gxpflow.compliance.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;

/**
 * What a KPI service reads from Camunda's history (level full) about every instance of every
 * version of one process definition, in the one shape the KPIs of every process share: the
 * instances, their process-scope variables (last value, or every update), and the historic activity
 * instances of named activities, each grouped by process instance id.
 *
 * <p>Never one query per instance: one query for the instances; the variable queries batched by
 * {@value #BATCH_SIZE} process instances; the activity queries one per deployed version of the
 * definition (Camunda's activity instance query has no filter by a list of instances). Only values
 * of the process instance itself count, not task-local ones or those local to a sub-scope.
 *
 * <p>Reads as whoever calls it: the KPI services call it through {@code RunAsSystem}, in one
 * transaction.
 */
public final class ProcessHistory {

  public static final int BATCH_SIZE = 500;

  private final HistoryService history;
  private final List<HistoricProcessInstance> instances;

  private ProcessHistory(HistoryService history, List<HistoricProcessInstance> instances) {
    this.history = history;
    this.instances = List.copyOf(instances);
  }

  /** The historic process instances of every version of the definition {@code processKey}. */
  public static ProcessHistory of(HistoryService history, String processKey) {
    return new ProcessHistory(
        history,
        history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).list());
  }

  public List<HistoricProcessInstance> instances() {
    return instances;
  }

  /**
   * The value of each of the named process-scope variables, by process instance id, then by name;
   * an instance without any of them is not in the map.
   */
  public Map<String, Map<String, Object>> variables(String... names) {
    Map<String, Map<String, Object>> variables = new HashMap<>();
    for (String[] ids : batches()) {
      for (HistoricVariableInstance variable :
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceIdIn(ids)
              .variableNameIn(names)
              .disableBinaryFetching()
              .disableCustomObjectDeserialization()
              .list()) {
        if (processScope(
            variable.getProcessInstanceId(), variable.getExecutionId(), variable.getTaskId())) {
          variables
              .computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
              .put(variable.getName(), variable.getValue());
        }
      }
    }
    return variables;
  }

  /**
   * Every value the process-scope variable {@code name} took (its initial value included), by
   * process instance id, in the order they occurred: a variable keeps only its last value, its
   * history keeps each.
   */
  public Map<String, List<HistoricVariableUpdate>> updates(String name) {
    Map<String, List<HistoricVariableUpdate>> updates = new HashMap<>();
    for (String[] ids : batches()) {
      for (HistoricDetail detail :
          history
              .createHistoricDetailQuery()
              .variableUpdates()
              .processInstanceIdIn(ids)
              .variableNameLike(name)
              .disableBinaryFetching()
              .disableCustomObjectDeserialization()
              .orderPartiallyByOccurrence()
              .asc()
              .list()) {
        // variableNameLike treats _ and % as wildcards: keep the exact name only
        if (detail instanceof HistoricVariableUpdate update
            && name.equals(update.getVariableName())
            && processScope(
                update.getProcessInstanceId(), update.getExecutionId(), update.getTaskId())) {
          updates
              .computeIfAbsent(update.getProcessInstanceId(), id -> new ArrayList<>())
              .add(update);
        }
      }
    }
    return updates;
  }

  /**
   * Every historic instance of the activity {@code activityId} (running, completed or cancelled),
   * by process instance id, in the order they started.
   */
  public Map<String, List<HistoricActivityInstance>> activities(String activityId) {
    Set<String> definitions = new LinkedHashSet<>();
    instances.forEach(instance -> definitions.add(instance.getProcessDefinitionId()));
    Map<String, List<HistoricActivityInstance>> activities = new HashMap<>();
    for (String definition : definitions) {
      for (HistoricActivityInstance activity :
          history
              .createHistoricActivityInstanceQuery()
              .processDefinitionId(definition)
              .activityId(activityId)
              .orderByHistoricActivityInstanceStartTime()
              .asc()
              .orderPartiallyByOccurrence()
              .asc()
              .list()) {
        activities
            .computeIfAbsent(activity.getProcessInstanceId(), id -> new ArrayList<>())
            .add(activity);
      }
    }
    return activities;
  }

  /** The ids of the instances, {@value #BATCH_SIZE} at a time. */
  private List<String[]> batches() {
    List<String[]> batches = new ArrayList<>();
    for (int from = 0; from < instances.size(); from += BATCH_SIZE) {
      batches.add(
          instances.subList(from, Math.min(from + BATCH_SIZE, instances.size())).stream()
              .map(HistoricProcessInstance::getId)
              .toArray(String[]::new));
    }
    return batches;
  }

  /** A variable of the process instance itself: not task-local, not local to a sub-scope. */
  private static boolean processScope(String processInstanceId, String executionId, String taskId) {
    return taskId == null && processInstanceId != null && processInstanceId.equals(executionId);
  }

  // typed reads of a history value: a value of another type counts as absent

  public static String string(Object value) {
    return value instanceof String text ? text : null;
  }

  public static Boolean bool(Object value) {
    return value instanceof Boolean flag ? flag : null;
  }

  public static Integer integer(Object value) {
    return value instanceof Number number ? Integer.valueOf(number.intValue()) : null;
  }

  /** A {@code java.util.Date} variable as an instant; null for anything else. */
  public static Instant instant(Object value) {
    return value instanceof Date date ? date.toInstant() : null;
  }
}
