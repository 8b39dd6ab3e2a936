package io.gxpflow.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the project's models ({@code bpmn/*.bpmn}, {@code bpmn/*.dmn}) and Camunda Forms ({@code
 * forms/*.form}) as ONE deployment at start-up.
 *
 * <p>Why not the starter's auto-deployment: it does not pick up {@code .form} files, it scans the
 * whole classpath (test models included), and names resources by absolute file path. One deployment
 * matters because user tasks use {@code camunda:formRefBinding="deployment"}: a form is looked up
 * in the deployment of its model, so forms and models must always be deployed together. Duplicate
 * filtering compares the whole set with the last deployment of the same name, so a restart without
 * changes deploys nothing and any change deploys everything.
 */
@Component
public class ModelDeployment implements SmartInitializingSingleton {

  public static final String DEPLOYMENT_NAME = "gxp-flow";
  public static final String DEPLOYMENT_SOURCE = "gxp-flow start-up";
  static final String[] PATTERNS = {
    "classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.dmn", "classpath*:forms/**/*.form"
  };

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);

  private final RepositoryService repositoryService;
  private final ResourcePatternResolver resources;

  public ModelDeployment(RepositoryService repositoryService, ResourcePatternResolver resources) {
    this.repositoryService = repositoryService;
    this.resources = resources;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<Resource> found = modelResources();
    if (found.isEmpty()) {
      LOG.info("No models in bpmn/ or forms/: nothing to deploy");
      return;
    }
    DeploymentBuilder builder =
        repositoryService
            .createDeployment()
            .name(DEPLOYMENT_NAME)
            .source(DEPLOYMENT_SOURCE)
            .enableDuplicateFiltering(false);
    for (Resource resource : found) {
      try (InputStream in = resource.getInputStream()) {
        builder.addInputStream(resourceName(resource), in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read model " + resource, e);
      }
    }
    Deployment deployment = builder.deploy();
    LOG.info(
        "Models deployed as '{}' (deployment {}): {} resources",
        DEPLOYMENT_NAME,
        deployment.getId(),
        found.size());
  }

  List<Resource> modelResources() {
    List<Resource> found = new ArrayList<>();
    for (String pattern : PATTERNS) {
      try {
        found.addAll(List.of(resources.getResources(pattern)));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot scan " + pattern, e);
      }
    }
    found.sort(Comparator.comparing(ModelDeployment::resourceName));
    return found;
  }

  /**
   * "bpmn/deviation-capa.bpmn", "forms/assessment.form": the path a Modeler user sees in the
   * repository.
   */
  static String resourceName(Resource resource) {
    try {
      String url = resource.getURL().toString();
      int folder = Math.max(url.lastIndexOf("/bpmn/"), url.lastIndexOf("/forms/"));
      return folder >= 0 ? url.substring(folder + 1) : resource.getFilename();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
