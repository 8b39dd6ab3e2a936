package io.gxpflow.batchrelease;

import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.compliance.variables.ProcessVariable;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The variables batch-release's Java code declares are the ones its model, decision and forms use,
 * and the code spells no variable name elsewhere.
 */
class BatchReleaseVariablesTest {

  /**
   * A name as the model and forms write it: an expression, an attribute value, a form key, a JSON
   * string.
   */
  private static Pattern used(String name) {
    return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])");
  }

  @Test
  void everyDeclaredVariableIsUsedByTheModelOrItsFormsOrDocumentedAsSetByCode() throws IOException {
    String modelsAndForms = read(Path.of("bpmn")) + read(Path.of("forms"));
    // a variable only the code sets and reads (checkRound) is in the process documentation's
    // variable table
    String documented = Files.readString(Path.of("docs/processes/batch-release.md"));
    List<String> unused =
        declared().stream()
            .map(ProcessVariable::name)
            .filter(
                name ->
                    !used(name).matcher(modelsAndForms).find()
                        && !documented.contains("| `" + name + "` |"))
            .toList();
    assertThat(unused)
        .as("declared in BatchReleaseVariables but in no model, form or variable table")
        .isEmpty();
  }

  @Test
  void theProcessCodeReadsAndWritesVariablesOnlyThroughBatchReleaseVariables() throws IOException {
    Pattern literalAccess = Pattern.compile("(get|set)Variables?(Local)?\\(\\s*\"");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/gxpflow/batchrelease"))) {
      List<String> offenders =
          files
              .filter(file -> file.toString().endsWith(".java"))
              .filter(file -> literalAccess.matcher(readFile(file)).find())
              .map(Path::toString)
              .toList();
      assertThat(offenders).as("spell variable names in BatchReleaseVariables").isEmpty();
    }
  }

  @Test
  void eachNameIsDeclaredOnce() {
    List<String> names = declared().stream().map(ProcessVariable::name).toList();
    assertThat(names).doesNotHaveDuplicates();
  }

  private static List<ProcessVariable<?>> declared() {
    List<ProcessVariable<?>> variables = new ArrayList<>();
    for (Field field : BatchReleaseVariables.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class) {
        try {
          variables.add((ProcessVariable<?>) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    assertThat(variables).hasSizeGreaterThan(25);
    return variables;
  }

  private static String read(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> file.getFileName().toString().startsWith("batch-re"))
          .map(BatchReleaseVariablesTest::readFile)
          .collect(Collectors.joining("\n"));
    }
  }

  private static String readFile(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
