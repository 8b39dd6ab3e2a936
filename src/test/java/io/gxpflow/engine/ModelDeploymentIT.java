package io.gxpflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.support.IntegrationTest;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Start-up deployment of {@code bpmn/} and {@code forms/}, here from a fixture folder laid out like
 * the project: forms travel in the same deployment as the models, so a {@code
 * formRefBinding="deployment"} resolves.
 */
@IntegrationTest
class ModelDeploymentIT {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;

  /** The application's own start-up deployment of bpmn/ and forms/, which the tests leave alone. */
  Set<String> startupDeployments;

  @BeforeEach
  void rememberStartupDeployments() {
    startupDeployments = new HashSet<>(ids());
  }

  @AfterEach
  void removeDeployments() {
    ids().stream()
        .filter(id -> !startupDeployments.contains(id))
        .forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  private List<String> ids() {
    return repositoryService
        .createDeploymentQuery()
        .deploymentName(ModelDeployment.DEPLOYMENT_NAME)
        .list()
        .stream()
        .map(Deployment::getId)
        .toList();
  }

  @Test
  void deploysModelsAndFormsTogetherAndOnlyWhenSomethingChanged() throws Exception {
    ModelDeployment deployment = deploymentOf("fixtures/models/");

    deployment.afterSingletonsInstantiated();
    deployment.afterSingletonsInstantiated();

    var deployments =
        repositoryService
            .createDeploymentQuery()
            .deploymentName(ModelDeployment.DEPLOYMENT_NAME)
            .list()
            .stream()
            .filter(d -> !startupDeployments.contains(d.getId()))
            .toList();
    assertThat(deployments).hasSize(1);
    assertThat(deployments.get(0).getSource()).isEqualTo(ModelDeployment.DEPLOYMENT_SOURCE);
    assertThat(repositoryService.getDeploymentResources(deployments.get(0).getId()))
        .extracting(Resource::getName)
        .containsExactlyInAnyOrder(
            "bpmn/model-deployment-check.bpmn", "forms/model-deployment-check.form");

    String instance = runtimeService.startProcessInstanceByKey("model-deployment-check").getId();
    String taskId =
        taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    try (InputStream form = formService.getDeployedTaskForm(taskId)) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
          .contains("\"model-deployment-check-form\"");
    }
  }

  @Test
  void noModelsMeansNoDeployment() throws Exception {
    deploymentOf("fixtures/access/").afterSingletonsInstantiated();

    assertThat(ids()).containsExactlyInAnyOrderElementsOf(startupDeployments);
  }

  /**
   * A ModelDeployment that sees {@code folder} as the classpath root, where the app sees its jar.
   */
  private ModelDeployment deploymentOf(String folder) throws Exception {
    URL root = new ClassPathResource(folder).getURL();
    ClassLoader classpath = new URLClassLoader(new URL[] {root}, null);
    return new ModelDeployment(
        repositoryService, new PathMatchingResourcePatternResolver(classpath));
  }
}
