package io.gxpflow.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every model the application deploys (all .bpmn and .dmn files under bpmn/, as the pom puts them
 * on the classpath) must follow {@link ModelRules}, with forms from {@code forms/}. One dynamic
 * test per file, so a report names the file; no model yet means no dynamic test, which is fine.
 */
class ProjectModelsFollowRulesTest {

  @TestFactory
  Stream<DynamicTest> everyProjectModelFollowsTheGxpRules() throws IOException {
    Path base = projectBaseDir();
    Path models = base.resolve("bpmn");
    assertThat(models).as("models folder of the project").isDirectory();
    ModelRules rules = new ModelRules(base.resolve("forms"));

    return modelFiles(models).stream()
        .map(
            model ->
                DynamicTest.dynamicTest(
                    models.relativize(model).toString(),
                    model.toUri(),
                    () -> assertFollowsRules(rules, model)));
  }

  private static void assertFollowsRules(ModelRules rules, Path model) {
    List<ModelRuleViolation> violations = rules.check(model);
    if (!violations.isEmpty()) {
      fail(
          violations.size()
              + " GxP model rule violation(s) in "
              + model
              + ":\n"
              + violations.stream().map(v -> "  - " + v).collect(Collectors.joining("\n")));
    }
  }

  private static List<Path> modelFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              f ->
                  f.getFileName().toString().endsWith(".bpmn")
                      || f.getFileName().toString().endsWith(".dmn"))
          .sorted()
          .toList();
    }
  }

  /** Surefire sets {@code basedir}; from an IDE the working directory is the project directory. */
  private static Path projectBaseDir() {
    String basedir = System.getProperty("basedir");
    return (basedir == null || basedir.isBlank() ? Path.of("") : Path.of(basedir)).toAbsolutePath();
  }
}
