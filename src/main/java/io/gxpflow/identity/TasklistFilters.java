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
 * One Tasklist filter per working group ("queue"): the group's open tasks, claimed ones included,
 * oldest first. Only that group may read it, so a reviewer who logs in sees their own queue and
 * nobody else's. Besides it every person who works tasks has <em>My tasks</em>: the tasks assigned
 * to them, from any group, soonest due first (listed after the queue). Created once; an
 * administrator's later edits to a filter are kept.
 */
@Component
public class TasklistFilters {

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationGrants grants;
  private final List<TaskCard> cards;

  public TasklistFilters(
      FilterService filterService,
      TaskService taskService,
      AuthorizationGrants grants,
      List<TaskCard> cards) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.grants = grants;
    this.cards = cards;
  }

  /** Every process's card variables, once each, in Tasklist's format. */
  List<Map<String, String>> cardVariables() {
    return cards.stream()
        .flatMap(card -> card.variables().stream())
        .map(variable -> Map.of("name", variable.name(), "label", variable.label()))
        .distinct()
        .toList();
  }

  public static String filterName(GxpGroup group) {
    return group.displayName() + " queue";
  }

  /** Every person's own tasks, whatever group they came from (a CAPA action given to them). */
  public static final String MY_TASKS = "My tasks";

  /**
   * QA's oversight: every open task of every group, the next due first, so a QA lead sees overdue
   * work and reassigns it (QA reads all tasks, AccessPolicy).
   */
  public static final String ALL_OPEN_TASKS = "All open tasks";

  void ensureQueues() {
    Filter mine = filterService.createTaskFilterQuery().filterName(MY_TASKS).singleResult();
    if (mine == null) {
      mine = createMyTasks();
    }
    showCurrentCards(mine);
    Filter all = filterService.createTaskFilterQuery().filterName(ALL_OPEN_TASKS).singleResult();
    if (all == null) {
      all = createAllOpenTasks();
    }
    showCurrentCards(all);
    grants.ensure(
        new Grant(GxpGroup.QA.id(), Resources.FILTER, all.getId(), List.of(Permissions.READ)));
    for (GxpGroup group : GxpGroup.values()) {
      if (group.doesTaskWork()) {
        Filter filter = existing(group);
        if (filter == null) {
          filter = create(group);
        }
        showCurrentCards(filter);
        grants.ensure(
            new Grant(group.id(), Resources.FILTER, filter.getId(), List.of(Permissions.READ)));
        grants.ensure(
            new Grant(group.id(), Resources.FILTER, mine.getId(), List.of(Permissions.READ)));
      }
    }
  }

  /**
   * Assigned to the user looking at it: {@code ${currentUser()}} is evaluated by the engine when
   * the filter runs (a stored query; the expression is Camunda's own, not a deployed model's).
   */
  private Filter createMyTasks() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", "Tasks assigned to me, from any group");
    properties.put("priority", 0);
    properties.put("refresh", true);
    properties.put("variables", cardVariables());
    Filter filter =
        filterService
            .newTaskFilter(MY_TASKS)
            .setQuery(
                taskService
                    .createTaskQuery()
                    .taskAssigneeExpression("${currentUser()}")
                    .orderByDueDate()
                    .asc()
                    .orderByTaskCreateTime()
                    .asc())
            .setProperties(properties);
    return filterService.saveFilter(filter);
  }

  /**
   * A filter created by an earlier version shows the card variables of the processes it knew: a
   * process added since (batch-release after deviation-capa) gets its cards on existing databases
   * too. Only the card variables are brought up to date; whatever else an administrator changed
   * stays.
   */
  private void showCurrentCards(Filter filter) {
    Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
    List<Map<String, String>> cards = cardVariables();
    if (!cards.equals(properties.get("variables"))) {
      properties.put("variables", cards);
      filterService.saveFilter(filter.setProperties(properties));
    }
  }

  private Filter createAllOpenTasks() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", "Every open task of every group, the next due first (QA)");
    properties.put("priority", 10);
    properties.put("refresh", true);
    properties.put("variables", cardVariables());
    Filter filter =
        filterService
            .newTaskFilter(ALL_OPEN_TASKS)
            .setQuery(taskService.createTaskQuery().orderByDueDate().asc())
            .setProperties(properties);
    return filterService.saveFilter(filter);
  }

  private Filter existing(GxpGroup group) {
    return filterService.createTaskFilterQuery().filterName(filterName(group)).singleResult();
  }

  private Filter create(GxpGroup group) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(
        "description", "Open tasks for " + group.displayName() + " (" + group.id() + ")");
    properties.put("priority", -10 + group.ordinal());
    properties.put("refresh", true);
    properties.put("gxpGroup", group.id());
    properties.put("variables", cardVariables());
    Filter filter =
        filterService
            .newTaskFilter(filterName(group))
            .setQuery(
                taskService
                    .createTaskQuery()
                    .taskCandidateGroup(group.id())
                    .includeAssignedTasks()
                    .orderByTaskCreateTime()
                    .asc())
            .setProperties(properties);
    return filterService.saveFilter(filter);
  }
}
