package io.gxpflow.support;

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
 * What every process's variables class must keep true (docs/processes/adding-a-process.md): the
 * variables its Java code declares are the ones its model, decisions and forms use (or its
 * documentation's variable table names as set by code), each name once, and the process code spells
 * no variable name in a {@code get/setVariable} call. A process's test names its class, package,
 * file prefix and documentation.
 */
public abstract class ProcessVariablesTestBase {

  /** The class declaring the process's variables as {@code public static ProcessVariable}s. */
  protected abstract Class<?> variablesClass();

  /** The process package's source folder, e.g. {@code src/main/java/io/gxpflow/deviation}. */
  protected abstract Path processSources();

  /** How the process's models and forms are named in bpmn/ and forms/, e.g. {@code deviation}. */
  protected abstract String fileNamePrefix();

  /** The process documentation, whose variable table lists what only the code sets and reads. */
  protected abstract Path documentation();

  /** A floor that fails when the reflection finds (almost) nothing. */
  protected abstract int atLeast();

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
    String documented = Files.readString(documentation());
    List<String> unused =
        declared().stream()
            .map(ProcessVariable::name)
            .filter(
                name ->
                    !used(name).matcher(modelsAndForms).find()
                        && !documented.contains("| `" + name + "` |"))
            .toList();
    assertThat(unused)
        .as(
            "declared in %s but in no model, form or variable table",
            variablesClass().getSimpleName())
        .isEmpty();
  }

  @Test
  void theProcessCodeReadsAndWritesVariablesOnlyThroughItsVariablesClass() throws IOException {
    Pattern literalAccess = Pattern.compile("(get|set)Variables?(Local)?\\(\\s*\"");
    try (Stream<Path> files = Files.walk(processSources())) {
      List<String> offenders =
          files
              .filter(file -> file.toString().endsWith(".java"))
              .filter(file -> literalAccess.matcher(readFile(file)).find())
              .map(Path::toString)
              .toList();
      assertThat(offenders)
          .as("spell variable names in %s", variablesClass().getSimpleName())
          .isEmpty();
    }
  }

  @Test
  void eachNameIsDeclaredOnce() {
    List<String> names = declared().stream().map(ProcessVariable::name).toList();
    assertThat(names).doesNotHaveDuplicates();
  }

  private List<ProcessVariable<?>> declared() {
    List<ProcessVariable<?>> variables = new ArrayList<>();
    for (Field field : variablesClass().getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class) {
        try {
          variables.add((ProcessVariable<?>) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    assertThat(variables).hasSizeGreaterThan(atLeast());
    return variables;
  }

  private String read(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> file.getFileName().toString().startsWith(fileNamePrefix()))
          .map(ProcessVariablesTestBase::readFile)
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
