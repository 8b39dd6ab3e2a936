package io.gxpflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.ProbeUsers;
import io.gxpflow.support.WebappSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Log in to the real Tasklist, Cockpit and Admin as each demo user, as the login page does. */
@IntegrationTest
class WebappAccessIT {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired TasklistFilters tasklistFilters;

  @ParameterizedTest
  @EnumSource(GxpGroup.class)
  void eachDemoUserReachesExactlyTheWebappsOfTheirGroup(GxpGroup group) {
    String user = group.demoUserId();
    boolean admin = group == GxpGroup.CAMUNDA_ADMIN;
    boolean monitors = group == GxpGroup.OPS || group == GxpGroup.PROCESS_OWNERS || admin;

    assertThat(new WebappSession(port).login(user, user, "tasklist"))
        .isEqualTo(group.doesTaskWork() || admin ? 200 : 403);
    assertThat(new WebappSession(port).login(user, user, "cockpit"))
        .isEqualTo(monitors ? 200 : 403);
    assertThat(new WebappSession(port).login(user, user, "admin")).isEqualTo(admin ? 200 : 403);
  }

  /**
   * A database from before batch-release has queues showing a deviation's variables only: at the
   * next start the queues show every process's cards, and an administrator's other changes stay.
   */
  @Test
  void existingQueuesGetTheCardsOfProcessesAddedSince() {
    Filter queue =
        filterService
            .createTaskFilterQuery()
            .filterName(TasklistFilters.filterName(GxpGroup.QP))
            .singleResult();
    Map<String, Object> old = new LinkedHashMap<>(queue.getProperties());
    old.put("variables", List.of(Map.of("name", "deviationId", "label", "Deviation")));
    old.put("color", "#aa0000");
    filterService.saveFilter(queue.setProperties(old));

    tasklistFilters.ensureQueues();

    Map<String, Object> now = filterService.getFilter(queue.getId()).getProperties();
    assertThat(now.get("variables")).isEqualTo(tasklistFilters.cardVariables());
    assertThat(now.get("color")).isEqualTo("#aa0000");
  }

  @Test
  void wrongPasswordDoesNotOpenTasklist() {
    String probe =
        ProbeUsers.create(
            identityService, "wrong-password-webapp-probe", "right", "mlr-coordinators");

    assertThat(new WebappSession(port).login(probe, "wrong", "tasklist")).isEqualTo(401);
  }

  @Test
  void reviewerSeesTheirGroupQueueWithItsTasksAndNoOtherQueue() {
    Deployment deployment = Fixtures.deploy(repositoryService, "fixtures/access/mlr-review.bpmn");
    try {
      runtimeService.startProcessInstanceByKey("mlr-review", "MLR-2026-0100");
      WebappSession tasklist = new WebappSession(port);
      assertThat(tasklist.login("mark", "mark", "tasklist")).isEqualTo(200);

      JsonNode filters =
          tasklist.getJson(
              "/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=true");

      assertThat(filterNames(filters))
          .containsExactlyInAnyOrder("MLR medical reviewers queue", "My tasks");
      JsonNode queue = named(filters, "MLR medical reviewers queue");
      // Tasklist lists filters by priority and opens the first: the queue, then My tasks
      assertThat(queue.path("properties").path("priority").asInt())
          .isLessThan(named(filters, "My tasks").path("properties").path("priority").asInt());
      assertThat(queue.path("itemCount").asLong()).isEqualTo(1);
      // each card names its case, with the variables of every process: a deviation's record id,
      // title and severity, a batch release's batch, product and review depth
      assertThat(queue.path("properties").path("variables").findValuesAsText("name"))
          .containsExactlyInAnyOrder(
              "deviationId", "title", "severity", "batchNumber", "productName", "reviewDepth");
      JsonNode tasks =
          tasklist.getJson(
              "/camunda/api/engine/engine/default/filter/" + queue.path("id").asText() + "/list");
      assertThat(tasks.findValuesAsText("name")).containsExactly("Medical review");
    } finally {
      Fixtures.undeploy(repositoryService, deployment);
    }
  }

  @Test
  void everyWorkingGroupHasExactlyItsOwnQueueAndMyTasks() {
    Arrays.stream(GxpGroup.values())
        .filter(GxpGroup::doesTaskWork)
        .forEach(
            group -> {
              WebappSession tasklist = new WebappSession(port);
              assertThat(tasklist.login(group.demoUserId(), group.demoUserId(), "tasklist"))
                  .isEqualTo(200);
              assertThat(
                      filterNames(
                          tasklist.getJson(
                              "/camunda/api/engine/engine/default/filter?resourceType=Task")))
                  .as(group.id())
                  .containsExactlyInAnyOrderElementsOf(
                      group == GxpGroup.QA
                          ? List.of(
                              TasklistFilters.filterName(group),
                              TasklistFilters.MY_TASKS,
                              TasklistFilters.ALL_OPEN_TASKS)
                          : List.of(TasklistFilters.filterName(group), TasklistFilters.MY_TASKS));
            });
  }

  private static JsonNode named(JsonNode filters, String name) {
    for (JsonNode filter : filters) {
      if (name.equals(filter.path("name").asText())) {
        return filter;
      }
    }
    throw new AssertionError("no filter " + name);
  }

  /** The filters' own names (not those of the variables a filter shows on its cards). */
  private static List<String> filterNames(JsonNode filters) {
    List<String> names = new ArrayList<>();
    filters.forEach(filter -> names.add(filter.path("name").asText()));
    return names;
  }
}
