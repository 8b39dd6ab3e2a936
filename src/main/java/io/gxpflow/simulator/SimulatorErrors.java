package io.gxpflow.simulator;

import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How every simulator answers a business problem, an unreadable body, and an injected malformed
 * answer. First, so the platform's own API problems do not answer for the simulators, which stand
 * in for other companies' systems.
 */
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(
    assignableTypes = {
      MesSimulatorController.class,
      QmsSimulatorController.class,
      CrmSimulatorController.class
    })
class SimulatorErrors {

  @ExceptionHandler(SimulatorProblem.class)
  ResponseEntity<ProblemDetail> problem(SimulatorProblem problem) {
    return problem.response();
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException exception) {
    return new SimulatorProblem(
            HttpStatus.BAD_REQUEST,
            "urn:gxpflow:sim:invalid-request",
            "Invalid request",
            "INVALID_REQUEST",
            "The body is not valid JSON.")
        .response();
  }

  @ExceptionHandler(SimulatorFaults.MalformedAnswer.class)
  ResponseEntity<String> malformed(SimulatorFaults.MalformedAnswer answer) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(SimulatorFaults.MalformedAnswer.BODY);
  }
}
