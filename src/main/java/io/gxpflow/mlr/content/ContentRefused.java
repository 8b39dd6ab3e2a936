package io.gxpflow.mlr.content;

import java.util.List;

/**
 * A submission the store refuses, with one reason per problem ({@code field}: the JSON path or form
 * field, e.g. {@code modules[2].id}); the API answers 400 with them and stores nothing.
 */
public class ContentRefused extends RuntimeException {

  private final List<Problem> problems;

  public ContentRefused(List<Problem> problems) {
    super(
        problems.stream()
            .map(p -> p.field() + ": " + p.reason())
            .reduce((a, b) -> a + "; " + b)
            .orElse("content refused"));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  public record Problem(String field, String reason) {}
}
