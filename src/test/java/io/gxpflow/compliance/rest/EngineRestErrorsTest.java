package io.gxpflow.compliance.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/**
 * Issue 10, points 8 and 11: the status and the words a client of /engine-rest gets for an error.
 */
class EngineRestErrorsTest {

  final EngineRestErrors errors = new EngineRestErrors();

  @Test
  void concurrentChangesAreConflictsNotServerErrors() {
    ProblemDetail lost =
        errors.problem(
            new RestException(
                Status.INTERNAL_SERVER_ERROR,
                new OptimisticLockingException(
                    "ENGINE-03005 Execution of 'UPDATE TaskEntity[42]' failed."),
                "Cannot claim"));
    ProblemDetail claimed = errors.problem(new TaskAlreadyClaimedException("42", "paul"));

    assertThat(lost.getStatus()).isEqualTo(409);
    assertThat(lost.getDetail()).doesNotContain("TaskEntity", "UPDATE");
    assertThat(claimed.getStatus()).isEqualTo(409);
    assertThat(claimed.getType().toString()).isEqualTo("urn:gxpflow:problem:conflict");
  }

  @Test
  void aMissingTaskIsNotFoundAndAnEngineRefusalWrappedAs500KeepsItsStatus() {
    assertThat(
            errors
                .problem(
                    new RestException(
                        Status.INTERNAL_SERVER_ERROR,
                        new NullValueException("Cannot find task with id 42: task is null"),
                        "Cannot complete task 42"))
                .getStatus())
        .isEqualTo(404);
    assertThat(
            errors
                .problem(
                    new RestException(
                        Status.INTERNAL_SERVER_ERROR,
                        new AuthorizationException("paul may not"),
                        "Cannot start"))
                .getStatus())
        .isEqualTo(403);
  }

  @Test
  void javaSerializationAndOversizedJsonAreTheClientsMistakes() {
    assertThat(
            errors
                .problem(
                    new RestException(
                        Status.INTERNAL_SERVER_ERROR,
                        new ProcessEngineException(
                            "ENGINE-17007 Cannot set variable with name x. Java serialization format is prohibited"),
                        "Cannot start"))
                .getStatus())
        .isEqualTo(400);
    ProblemDetail deep =
        errors.problem(
            new StreamConstraintsException(
                "Document nesting depth (1001) exceeds "
                    + "the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)"));
    assertThat(deep.getStatus()).isEqualTo(400);
    assertThat(deep.getDetail()).doesNotContain("StreamReadConstraints");
  }

  @Test
  void messagesLoseTheirJavaNames() {
    ProblemDetail problem =
        errors.problem(
            new InvalidRequestException(
                Status.BAD_REQUEST,
                "Cannot convert value 'abc' of type 'Integer' to java type java.lang.Integer: NumberFormatException: "
                    + "For input string \"abc\" (org.camunda.bpm.engine.rest.dto.VariableValueDto)"));

    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getDetail())
        .isEqualTo(
            "Cannot convert value 'abc' of type 'Integer' to java type integer: "
                + "For input string \"abc\" (another type)");
    assertThat(problem.getProperties()).containsEntry("message", problem.getDetail());
  }

  @Test
  void serverErrorsSayOnlyThatTheLogHasThem() {
    ProblemDetail problem =
        errors.problem(new IllegalStateException("java.sql.SQLException at org.h2.Driver"));

    assertThat(problem.getStatus()).isEqualTo(500);
    assertThat(problem.getDetail()).doesNotContain("java", "h2", "SQL");
  }
}
