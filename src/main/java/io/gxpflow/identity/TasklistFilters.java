package io.gxpflow.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.stereotype.Component;

/**
 * One Tasklist filter per working group ("queue"): the group's open tasks, claimed ones included, oldest first.
 * Only that group may read it, so a reviewer who logs in sees their own queue and nobody else's. Created once;
 * an administrator's later edits to a filter are kept.
 */
@Component
public class TasklistFilters {

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationGrants grants;

  public TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationGrants grants) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.grants = grants;
  }

  /**
   * Process variables shown on each task card, so a reviewer tells one case from the next in the list: the record
   * id and title, and the deviation's severity. A process adds its own record id here (e.g. batchNumber).
   */
  static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", "deviationId", "label", "Deviation"),
      Map.of("name", "title", "label", "Title"),
      Map.of("name", "severity", "label", "Severity"));

  public static String filterName(GxpGroup group) {
    return group.displayName() + " queue";
  }

  void ensureQueues() {
    for (GxpGroup group : GxpGroup.values()) {
      if (group.doesTaskWork()) {
        Filter filter = existing(group);
        if (filter == null) {
          filter = create(group);
        }
        grants.ensure(new Grant(group.id(), Resources.FILTER, filter.getId(), List.of(Permissions.READ)));
      }
    }
  }

  private Filter existing(GxpGroup group) {
    return filterService.createTaskFilterQuery().filterName(filterName(group)).singleResult();
  }

  private Filter create(GxpGroup group) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", "Open tasks for " + group.displayName() + " (" + group.id() + ")");
    properties.put("priority", -10 + group.ordinal());
    properties.put("refresh", true);
    properties.put("gxpGroup", group.id());
    properties.put("variables", CARD_VARIABLES);
    Filter filter = filterService.newTaskFilter(filterName(group))
        .setQuery(taskService.createTaskQuery()
            .taskCandidateGroup(group.id())
            .includeAssignedTasks()
            .orderByTaskCreateTime().asc())
        .setProperties(properties);
    return filterService.saveFilter(filter);
  }
}
