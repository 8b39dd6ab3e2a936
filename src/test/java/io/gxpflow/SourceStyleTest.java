package io.gxpflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the formatter (Spotless, google-java-format) does not enforce: a class is imported, not
 * written out with its package in the middle of code (strings and comments may name classes). Only
 * two classes of the same simple name in one file (java.time.LocalDate and Joda's) leave one of
 * them qualified.
 */
class SourceStyleTest {

  private static final Pattern QUALIFIED_NAME =
      Pattern.compile(
          "(?<![\\w.])(?:java|javax|jakarta|org|com|io)\\.(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*");
  private static final Pattern STRING =
      Pattern.compile("\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"");
  private static final Pattern COMMENT = Pattern.compile("/\\*[\\s\\S]*?\\*/|//[^\\n]*");

  @Test
  void codeImportsClassesInsteadOfNamingThemWithTheirPackage() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
          String code =
              COMMENT
                  .matcher(STRING.matcher(Files.readString(file)).replaceAll("\"\""))
                  .replaceAll(" ");
          Map<String, Set<String>> bySimpleName = new HashMap<>();
          List<String> inCode = new ArrayList<>();
          for (String line : code.split("\n")) {
            boolean imported = line.startsWith("import ");
            if (line.startsWith("package ")) {
              continue;
            }
            Matcher name = QUALIFIED_NAME.matcher(line);
            while (name.find()) {
              String qualified = name.group();
              bySimpleName
                  .computeIfAbsent(
                      qualified.substring(qualified.lastIndexOf('.') + 1),
                      simple -> new HashSet<>())
                  .add(qualified);
              if (!imported) {
                inCode.add(qualified);
              }
            }
          }
          for (String qualified : inCode) {
            if (bySimpleName.get(qualified.substring(qualified.lastIndexOf('.') + 1)).size() == 1) {
              found.add(root.relativize(file) + ": " + qualified);
            }
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }
}
