package io.gxpflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rooms of the code keep to what their {@code package-info.java} says they may use: the layers
 * never reach into a process, and a process reaches another only through BPMN messages. A new
 * process package gets a line here. An allowance is a package and what lies below it ({@code
 * integration} includes {@code integration.contract}).
 */
class PackageDependenciesTest {

  private static final Path MAIN = Path.of("src/main/java/io/gxpflow");

  /** The package of an imported project class, e.g. {@code integration.contract}. */
  private static final Pattern PROJECT_IMPORT =
      Pattern.compile("^import (?:static )?io\\.gxpflow\\.([a-z.]+)\\.[A-Z]", Pattern.MULTILINE);

  private static final Map<String, Set<String>> MAY_USE =
      Map.of(
          "compliance", Set.of("identity"),
          "engine", Set.of("compliance", "integration"),
          "identity", Set.of("compliance"),
          "integration", Set.of("compliance"),
          "deviation", Set.of("compliance", "identity", "integration"),
          "batchrelease", Set.of("compliance", "identity", "integration"),
          // mlr-review's SLA counts working days with the calendar models use
          // (engine.expression.TaskDue)
          "mlr", Set.of("compliance", "identity", "integration", "engine.expression"),
          // notifications for every process: the engine's hooks through compliance, users' emails
          "notification", Set.of("compliance", "identity"),
          // stands in for another company's systems: of the platform only the wire contract both
          // sides share
          "simulator", Set.of("integration.contract"));

  /** The process packages; each gets a line in MAY_USE too. */
  private static final List<String> PROCESSES = List.of("deviation", "batchrelease", "mlr");

  @Test
  void everyPackageUsesOnlyWhatItsPackageInfoAllows() throws IOException {
    List<String> breaches = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        Path relative = MAIN.relativize(file);
        if (relative.getNameCount() < 2) {
          continue; // GxpFlowApplication
        }
        String owner = relative.getName(0).toString();
        assertThat(MAY_USE).as("a line for package " + owner).containsKey(owner);
        Matcher imports = PROJECT_IMPORT.matcher(Files.readString(file));
        while (imports.find()) {
          String used = imports.group(1);
          if (!within(used, owner)
              && MAY_USE.get(owner).stream().noneMatch(allowed -> within(used, allowed))) {
            breaches.add(relative + " uses " + used);
          }
        }
      }
    }
    assertThat(breaches).isEmpty();
  }

  /**
   * Process code uses Camunda's public API only; what needs the engine's internals lives in
   * compliance.
   */
  @Test
  void processPackagesKeepOutOfCamundasImplPackages() throws IOException {
    Pattern impl =
        Pattern.compile(
            "^import (?:static )?org\\.camunda\\.bpm\\.engine\\.impl\\.", Pattern.MULTILINE);
    List<String> breaches = new ArrayList<>();
    for (String process : PROCESSES) {
      try (Stream<Path> files = Files.walk(MAIN.resolve(process))) {
        for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
          if (impl.matcher(Files.readString(file)).find()) {
            breaches.add(MAIN.relativize(file).toString());
          }
        }
      }
    }
    assertThat(breaches).as("process code importing org.camunda.bpm.engine.impl").isEmpty();
  }

  /**
   * {@code integration.mes} lies within {@code integration}, not within {@code
   * integration.contract}.
   */
  private static boolean within(String used, String allowed) {
    return used.equals(allowed) || used.startsWith(allowed + ".");
  }

  @Test
  void everyTopLevelPackageSaysWhatLivesThere() throws IOException {
    for (String room : MAY_USE.keySet()) {
      assertThat(MAIN.resolve(room).resolve("package-info.java")).as(room).exists();
    }
  }
}
