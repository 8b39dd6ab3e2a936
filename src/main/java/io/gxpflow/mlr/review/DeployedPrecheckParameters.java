package io.gxpflow.mlr.review;

import io.gxpflow.mlr.precheck.DmnPrecheckParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * The pre-check's parameters as last deployed (a process owner's change in Modeler applies to the
 * next pre-check without a release), read again only when a newer version of one of the three
 * tables is deployed.
 */
final class DeployedPrecheckParameters {

  private static final List<String> TABLES =
      List.of(
          DmnPrecheckParameters.PHRASES,
          DmnPrecheckParameters.FAIR_BALANCE,
          DmnPrecheckParameters.WEIGHTS);

  private final AtomicReference<Loaded> loaded = new AtomicReference<>();

  DmnPrecheckParameters current(RepositoryService repository) {
    List<DecisionDefinition> definitions =
        TABLES.stream()
            .map(
                key ->
                    repository
                        .createDecisionDefinitionQuery()
                        .decisionDefinitionKey(key)
                        .latestVersion()
                        .singleResult())
            .toList();
    if (definitions.contains(null)) {
      throw new IllegalStateException("the pre-check tables " + TABLES + " are not all deployed");
    }
    List<String> ids = definitions.stream().map(DecisionDefinition::getId).toList();
    Loaded now = loaded.get();
    if (now == null || !now.ids().equals(ids)) {
      now = new Loaded(ids, read(repository, ids));
      loaded.set(now);
    }
    return now.parameters();
  }

  private static DmnPrecheckParameters read(RepositoryService repository, List<String> ids) {
    try (InputStream phrases = repository.getDecisionModel(ids.get(0));
        InputStream fairBalance = repository.getDecisionModel(ids.get(1));
        InputStream weights = repository.getDecisionModel(ids.get(2))) {
      return new DmnPrecheckParameters(phrases, fairBalance, weights);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Loaded(List<String> ids, DmnPrecheckParameters parameters) {}
}
