package io.gxpflow.mlr.api;

import io.gxpflow.compliance.ProblemType;
import io.gxpflow.compliance.validation.FieldViolation;
import io.gxpflow.mlr.content.ContentRefused;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The problem details of {@code /api/mlr/...}. */
final class MlrProblems {

  private MlrProblems() {}

  /** A request the library's or the item's state does not allow ({@code mlr-request}). */
  static ErrorResponseException refused(HttpStatus status, String detail) {
    return new ErrorResponseException(
        status, ProblemType.MLR_REQUEST.problem(status, detail), null);
  }

  static ErrorResponseException notFound(String detail) {
    return refused(HttpStatus.NOT_FOUND, detail);
  }

  /** What the store refused: 400 {@code invalid-request} with one error per problem. */
  static ErrorResponseException invalid(ContentRefused refused) {
    return new ErrorResponseException(
        HttpStatus.BAD_REQUEST,
        ProblemType.INVALID_REQUEST.problem(
            HttpStatus.BAD_REQUEST,
            ProblemType.INVALID_REQUEST.title() + ": " + refused.getMessage(),
            refused.problems().stream()
                .map(problem -> new FieldViolation(problem.field(), problem.reason()))
                .toList()),
        refused);
  }
}
