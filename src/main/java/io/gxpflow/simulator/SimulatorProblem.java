package io.gxpflow.simulator;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A refusal of a simulator, answered as {@code application/problem+json} with a machine-readable
 * {@code code}: the client tells business rejections (404, 409 with a code) from failures by it.
 */
public class SimulatorProblem extends RuntimeException {

  private final HttpStatusCode status;
  private final String type;
  private final String title;
  private final String code;

  public SimulatorProblem(
      HttpStatusCode status, String type, String title, String code, String detail) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.code = code;
  }

  public HttpStatusCode status() {
    return status;
  }

  public String code() {
    return code;
  }

  public ProblemDetail problem() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
    problem.setType(URI.create(type));
    problem.setTitle(title);
    problem.setProperty("code", code);
    return problem;
  }

  /**
   * Always problem+json, whatever the client's Accept header says (clients ask for
   * application/json).
   */
  public ResponseEntity<ProblemDetail> response() {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem());
  }
}
