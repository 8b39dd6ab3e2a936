package io.gxpflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;

/**
 * Who may do what, per CONTRACT.md, as Camunda authorizations. This is the baseline the application
 * grants at every start (it only adds; an administrator's extra grants are kept).
 *
 * <ul>
 *   <li>Authors and reviewers: Tasklist, read the processes they work in, start the ones they own.
 *       Their tasks come through the engine's own candidate-group authorizations ({@code
 *       TASK_WORK}, see application.yaml); they read their process's history (comments and
 *       attachments of their tasks). {@code qa} may also reassign tasks, within each task's group.
 *   <li>{@code ops}: Cockpit, read everything a monitor needs, retry failed jobs; no task work.
 *   <li>{@code process-owners}: Cockpit read and deploy models (Camunda Modeler); no task work, no
 *       deletes.
 *   <li>{@code camunda-admin}: everything.
 *   <li>{@code systems} (technical clients): start the processes their events start; nothing else.
 * </ul>
 *
 * Tasklist filters are granted per group by {@link TasklistFilters}.
 */
public final class AccessPolicy {

  public static final String TASKLIST = "tasklist";
  public static final String COCKPIT = "cockpit";

  private AccessPolicy() {}

  public static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    for (GxpGroup group : GxpGroup.values()) {
      if (group.doesTaskWork()) {
        grants.add(Grant.of(group, Resources.APPLICATION, TASKLIST, ACCESS));
      }
    }
    for (GxpProcess process : GxpProcess.values()) {
      for (GxpGroup participant : process.participants()) {
        // READ_INSTANCE: the cases of their own process, read only, so Tasklist shows each task's
        // case (id, title, severity) on its card; other processes' cases stay invisible.
        // READ_HISTORY: Camunda's REST API finds a task's comments and attachments through the
        // task's history, so without it the people working a task could not comment on it
        if (process.starters().contains(participant)) {
          grants.add(
              Grant.of(
                  participant,
                  Resources.PROCESS_DEFINITION,
                  process.key(),
                  READ,
                  ProcessDefinitionPermissions.READ_INSTANCE,
                  ProcessDefinitionPermissions.READ_HISTORY,
                  ProcessDefinitionPermissions.CREATE_INSTANCE));
        } else {
          grants.add(
              Grant.of(
                  participant,
                  Resources.PROCESS_DEFINITION,
                  process.key(),
                  READ,
                  ProcessDefinitionPermissions.READ_INSTANCE,
                  ProcessDefinitionPermissions.READ_HISTORY));
        }
      }
      for (GxpGroup starter : process.starters()) {
        grants.add(Grant.of(starter, Resources.PROCESS_INSTANCE, ANY, CREATE));
      }
    }
    // QA leads oversee every open task (their "All open tasks" filter) and reassign them;
    // GxpTaskService keeps every assignment within the task's group, so seeing is not working
    grants.add(Grant.of(GxpGroup.QA, Resources.TASK, ANY, READ, TaskPermissions.TASK_ASSIGN));
    // people who work tasks read their colleagues' names: Tasklist prints assignees by name and
    // looks the new one up before a reassignment; profiles stay read-only (OwnUserReadOnly)
    for (GxpGroup group : GxpGroup.values()) {
      if (group.doesTaskWork()) {
        grants.add(Grant.of(group, Resources.USER, ANY, READ));
      }
    }
    grants.addAll(technicalClients());
    grants.addAll(operations());
    grants.addAll(processOwners());
    grants.addAll(administrators());
    return grants;
  }

  /**
   * The MES/QMS bridges start the processes their events start (BatchRecordCompleted,
   * DeviationReported).
   */
  private static List<Grant> technicalClients() {
    GxpGroup systems = GxpGroup.SYSTEMS;
    return List.of(
        Grant.of(
            systems,
            Resources.PROCESS_DEFINITION,
            GxpProcess.BATCH_RELEASE.key(),
            READ,
            ProcessDefinitionPermissions.CREATE_INSTANCE),
        Grant.of(
            systems,
            Resources.PROCESS_DEFINITION,
            GxpProcess.DEVIATION_CAPA.key(),
            READ,
            ProcessDefinitionPermissions.CREATE_INSTANCE),
        Grant.of(systems, Resources.PROCESS_INSTANCE, ANY, CREATE));
  }

  private static List<Grant> operations() {
    GxpGroup ops = GxpGroup.OPS;
    return List.of(
        Grant.of(ops, Resources.APPLICATION, COCKPIT, ACCESS),
        Grant.of(
            ops,
            Resources.PROCESS_DEFINITION,
            ANY,
            READ,
            ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.READ_HISTORY,
            ProcessDefinitionPermissions.RETRY_JOB),
        Grant.of(ops, Resources.PROCESS_INSTANCE, ANY, READ, ProcessInstancePermissions.RETRY_JOB),
        Grant.of(ops, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY),
        Grant.of(ops, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ),
        Grant.of(ops, Resources.DEPLOYMENT, ANY, READ),
        // see user tasks of an instance in Cockpit; completing or claiming them needs more than
        // READ
        Grant.of(ops, Resources.TASK, ANY, READ),
        Grant.of(ops, Resources.BATCH, ANY, READ, BatchPermissions.CREATE_BATCH_SET_JOB_RETRIES));
  }

  private static List<Grant> processOwners() {
    GxpGroup owners = GxpGroup.PROCESS_OWNERS;
    return List.of(
        Grant.of(owners, Resources.APPLICATION, COCKPIT, ACCESS),
        // deploying a model is a GxP change: create and read deployments, never delete them
        Grant.of(owners, Resources.DEPLOYMENT, ANY, CREATE, READ),
        Grant.of(
            owners,
            Resources.PROCESS_DEFINITION,
            ANY,
            READ,
            ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.READ_HISTORY),
        Grant.of(owners, Resources.PROCESS_INSTANCE, ANY, READ),
        Grant.of(owners, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY),
        Grant.of(owners, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ),
        Grant.of(owners, Resources.TASK, ANY, READ));
  }

  private static List<Grant> administrators() {
    return Arrays.stream(Resources.values())
        .map(resource -> Grant.of(GxpGroup.CAMUNDA_ADMIN, resource, ANY, ALL))
        .toList();
  }
}
