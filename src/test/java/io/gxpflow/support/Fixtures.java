package io.gxpflow.support;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.core.io.ClassPathResource;

/**
 * Deploys test models from {@code src/test/resources/fixtures} and removes them again, instances
 * included; removes an instance a test is done with.
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

  /**
   * Removes a running instance a test is done with (listeners and IO mappings skipped). The job
   * executor may be working on it at that moment, and a deletion racing it fails on the engine's
   * optimistic lock: then it is tried again, a few times.
   */
  public static void deleteInstance(RuntimeService runtimeService, String instanceId) {
    for (int attempt = 1; ; attempt++) {
      try {
        runtimeService.deleteProcessInstance(instanceId, "test done", true, true);
        return;
      } catch (OptimisticLockingException raced) {
        if (attempt == 20) {
          throw raced;
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw raced;
        }
      }
    }
  }

  public static void undeploy(RepositoryService repositoryService, Deployment deployment) {
    if (deployment != null) {
      repositoryService.deleteDeployment(deployment.getId(), true, true);
    }
  }
}
