package io.gxpflow.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * What {@code /api} answers for exceptions no refusal describes: conflicts are 409, the rest a 500
 * without names.
 */
class ApiProblemsTest {

  private final ApiProblems problems = new ApiProblems();

  @Test
  void aFailureNobodyForesawIsA500NamingNoJavaClassButALogReference() {
    ProblemDetail problem =
        body(
            problems.any(
                new IllegalStateException(
                    "java.lang.IllegalStateException: "
                        + "org.h2.jdbc.JdbcSQLException in io.gxpflow.Secret")));
    assertThat(problem.getStatus()).isEqualTo(500);
    assertThat(problem.getType().toString()).isEqualTo("urn:gxpflow:problem:internal-server-error");
    assertThat(problem.getDetail())
        .contains("nothing was changed")
        .containsPattern("Reference [0-9a-f-]{36}")
        .doesNotContain("java.", "org.h2", "io.gxpflow", "Exception");
  }

  @Test
  void theDatabaseLettingAnotherTransactionWinIsAConflict() {
    assertThat(body(problems.any(new CannotAcquireLockException("lock"))).getStatus())
        .isEqualTo(409);
    assertThat(
            body(problems.any(new OptimisticLockingException("ENGINE-03005"))).getType().toString())
        .isEqualTo("urn:gxpflow:problem:concurrent-change");
    ProblemDetail deadlock =
        body(
            problems.any(
                new ProcessEngineException(
                    "flush failed", new SQLException("Deadlock detected", "40001"))));
    assertThat(deadlock.getStatus()).isEqualTo(409);
    assertThat(deadlock.getDetail()).doesNotContain("Deadlock", "SQL");
  }

  @Test
  void anEngineFailureForAnotherReasonIsStillA500() {
    assertThat(
            body(problems.any(
                    new ProcessEngineException(
                        "flush failed", new SQLException("disk full", "53100"))))
                .getStatus())
        .isEqualTo(500);
  }

  private static ProblemDetail body(ResponseEntity<Object> response) {
    assertThat(response.getStatusCode().value())
        .isEqualTo(((ProblemDetail) response.getBody()).getStatus());
    return (ProblemDetail) response.getBody();
  }
}
