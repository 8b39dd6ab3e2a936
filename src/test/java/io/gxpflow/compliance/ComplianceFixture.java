package io.gxpflow.compliance;

import io.gxpflow.support.Fixtures;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;

/**
 * A three-step deviation (assessment by investigators, QA approval, QA closure signature) with
 * forms, segregation-of-duties and signature properties, deployed under the contract key {@code
 * deviation-capa} so the demo users' authorizations apply.
 */
public final class ComplianceFixture {

  static final String[] RESOURCES = {
    "fixtures/compliance/deviation-capa.bpmn",
    "fixtures/compliance/assessment.form",
    "fixtures/compliance/approval.form",
    "fixtures/compliance/closure.form"
  };

  private ComplianceFixture() {}

  public static Deployment deploy(RepositoryService repositoryService) {
    return Fixtures.deploy(repositoryService, RESOURCES);
  }

  /**
   * A new case taken through assessment and QA approval to its closure signature step (not yet
   * claimed).
   */
  public static Task closureOfNewCase(
      RuntimeService runtimeService, TaskService taskService, String businessKey) {
    String processInstanceId =
        runtimeService.startProcessInstanceByKey("deviation-capa", businessKey).getId();
    Task assessment =
        taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    taskService.complete(
        assessment.getId(),
        Map.of("severity", "MINOR", "impact", "No product impact at all", "capaRequired", true));
    Task approval =
        taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    taskService.complete(approval.getId(), Map.of("approved", true));
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }
}
