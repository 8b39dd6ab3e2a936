package io.gxpflow.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * The problem types a client programs against are the ones the catalogue documents, and no others.
 */
class ProblemTypeCatalogueTest {

  private static final Pattern URN = Pattern.compile("urn:gxpflow:problem:([a-z0-9-]+)");
  private static final Pattern CATALOGUE_ROW = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\|");

  @Test
  void everyProblemTypeIsInTheCatalogueAndTheCatalogueHasNoOther() throws IOException {
    String catalogue = Files.readString(Path.of("docs/api/problems.md"));
    Set<String> documented =
        CATALOGUE_ROW
            .matcher(catalogue)
            .results()
            .map(m -> m.group(1))
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> declared =
        Arrays.stream(ProblemType.values())
            .map(ProblemType::shortName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(documented).isEqualTo(declared);
  }

  @Test
  void everyProblemTypeNamedInTheDocsExists() throws IOException {
    Set<String> declared =
        Arrays.stream(ProblemType.values()).map(ProblemType::shortName).collect(Collectors.toSet());
    try (Stream<Path> files =
        Stream.concat(Files.walk(Path.of("docs")), Stream.of(Path.of("README.md")))) {
      files
          .filter(file -> file.toString().endsWith(".md"))
          .forEach(
              file -> {
                Matcher urns = URN.matcher(read(file));
                while (urns.find()) {
                  assertThat(declared).as(file + " names " + urns.group()).contains(urns.group(1));
                }
              });
    }
  }

  @Test
  void statusTypesMatchTheirStatusAndServerErrorsAreOne() {
    assertThat(ProblemType.of(HttpStatus.NOT_FOUND)).isEqualTo(ProblemType.NOT_FOUND);
    assertThat(ProblemType.of(HttpStatus.TOO_MANY_REQUESTS))
        .isEqualTo(ProblemType.TOO_MANY_REQUESTS);
    assertThat(ProblemType.of(HttpStatus.SERVICE_UNAVAILABLE)).isEqualTo(ProblemType.SERVER_ERROR);
    assertThat(ProblemType.signature("wrong-password").uri().toString())
        .isEqualTo("urn:gxpflow:problem:signature-wrong-password");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
