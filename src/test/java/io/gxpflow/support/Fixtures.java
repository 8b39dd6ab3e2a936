package io.gxpflow.support;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.core.io.ClassPathResource;

/**
 * Deploys test models from {@code src/test/resources/fixtures} and removes them again, instances
 * included.
 */
public final class Fixtures {

  private Fixtures() {}

  public static Deployment deploy(
      RepositoryService repositoryService, String... classpathResources) {
    var builder = repositoryService.createDeployment().name("test-fixtures").source("test");
    for (String resource : classpathResources) {
      builder.addClasspathResource(new ClassPathResource(resource).getPath());
    }
    return builder.deploy();
  }

  public static void undeploy(RepositoryService repositoryService, Deployment deployment) {
    if (deployment != null) {
      repositoryService.deleteDeployment(deployment.getId(), true, true);
    }
  }
}
