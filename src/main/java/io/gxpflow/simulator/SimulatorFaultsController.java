package io.gxpflow.simulator;

import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fault injection into the simulators, for demos and tests of retries and incidents. Behind the
 * {@code /api} chain (HTTP Basic), groups {@code ops} and {@code camunda-admin} only
 * (SecurityConfiguration).
 */
@RestController
@Profile("demo")
@RequestMapping("/api/sim/faults")
public class SimulatorFaultsController {

  /** The body of a PUT; every field optional. */
  public record FaultRequest(Integer status, Long delayMs, Boolean malformed, Integer times) {}

  private final SimulatorFaults faults;

  public SimulatorFaultsController(SimulatorFaults faults) {
    this.faults = faults;
  }

  @GetMapping
  List<Fault> list() {
    return faults.list();
  }

  @PutMapping("/{system}/{operation}")
  Fault set(
      @PathVariable String system,
      @PathVariable String operation,
      @RequestBody FaultRequest request) {
    return faults.set(
        system,
        operation,
        request.status(),
        request.delayMs(),
        request.malformed(),
        request.times());
  }

  @DeleteMapping
  ResponseEntity<Void> clearAll() {
    faults.clearAll();
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/{system}/{operation}")
  ResponseEntity<Void> clear(@PathVariable String system, @PathVariable String operation) {
    return faults.clear(system, operation)
        ? ResponseEntity.noContent().build()
        : ResponseEntity.notFound().build();
  }

  @ExceptionHandler(SimulatorProblem.class)
  ResponseEntity<ProblemDetail> problem(SimulatorProblem problem) {
    return problem.response();
  }
}
