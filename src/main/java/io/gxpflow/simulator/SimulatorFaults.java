package io.gxpflow.simulator;

import io.gxpflow.integration.contract.CrmOperations;
import io.gxpflow.integration.contract.MesOperations;
import io.gxpflow.integration.contract.QmsOperations;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;

/**
 * Injected faults per system and operation. In memory on purpose: a fault is a test or demo
 * situation set up a moment before, and a restart should not leave the demo's MES broken.
 */
@Component
@Profile("demo")
public class SimulatorFaults {

  /**
   * The operations of each simulated system that faults can target: the contract's, as the client
   * names them.
   */
  public static final Map<String, Set<String>> OPERATIONS =
      Map.of(
          MesSimulator.SYSTEM, MesOperations.ALL,
          CrmSimulator.SYSTEM, CrmOperations.ALL,
          QmsSimulator.SYSTEM, QmsOperations.ALL);

  static final long MAX_DELAY_MS = 120_000;

  private final Map<String, Fault> faults = new ConcurrentHashMap<>();

  public Fault set(
      String system,
      String operation,
      Integer status,
      Long delayMs,
      Boolean malformed,
      Integer times) {
    if (!OPERATIONS.getOrDefault(system, Set.of()).contains(operation)) {
      throw invalid(
          "UNKNOWN_OPERATION",
          "No simulated operation " + system + "/" + operation + "; known: " + OPERATIONS);
    }
    long delay = delayMs == null ? 0 : delayMs;
    boolean broken = Boolean.TRUE.equals(malformed);
    if (status != null && (status < 400 || status > 599)) {
      throw invalid("INVALID_FAULT", "status must be an error status, 400 to 599");
    }
    if (delay < 0 || delay > MAX_DELAY_MS) {
      throw invalid("INVALID_FAULT", "delayMs must be 0 to " + MAX_DELAY_MS);
    }
    if (times != null && times < 1) {
      throw invalid("INVALID_FAULT", "times must be at least 1, or null for until cleared");
    }
    if (status != null && broken) {
      throw invalid(
          "INVALID_FAULT", "a fault answers either an error status or a malformed 200, not both");
    }
    if (status == null && !broken && delay == 0) {
      throw invalid("INVALID_FAULT", "a fault needs a status, a delay or malformed=true");
    }
    Fault fault = new Fault(system, operation, status, delay, broken, times);
    faults.put(key(system, operation), fault);
    return fault;
  }

  /**
   * The fault that applies to this call, counting it against {@code times}; null when there is
   * none.
   */
  public Fault take(String system, String operation) {
    AtomicReference<Fault> taken = new AtomicReference<>();
    // atomic per key: with times=1 exactly one of two concurrent calls gets the fault
    faults.computeIfPresent(
        key(system, operation),
        (key, fault) -> {
          taken.set(fault);
          return fault.afterOneCall();
        });
    return taken.get();
  }

  /**
   * Called first by every simulated operation, before it reads or changes anything: a faulted call
   * leaves state and idempotency records alone. Waits the fault's delay, then throws its answer;
   * returns normally when there is no fault or only a delay.
   */
  public void inject(String system, String operation) {
    Fault fault = take(system, operation);
    if (fault == null) {
      return;
    }
    if (fault.delayMs() > 0) {
      try {
        Thread.sleep(fault.delayMs());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (fault.status() != null) {
      throw new SimulatorProblem(
          HttpStatusCode.valueOf(fault.status()),
          "urn:gxpflow:sim:fault-injected",
          "Injected fault",
          "FAULT_INJECTED",
          "Fault injected for " + system + "/" + operation + " (simulator faults API).");
    }
    if (fault.malformed()) {
      throw new MalformedAnswer();
    }
  }

  /** Thrown to answer 200 with a body that is not JSON. */
  public static class MalformedAnswer extends RuntimeException {
    /** Starts like the real answer and breaks off, as a proxy cutting a response would. */
    public static final String BODY = "{\"batchNumber\": \"B-2026-00";

    MalformedAnswer() {
      super("malformed answer injected", null, false, false);
    }
  }

  public List<Fault> list() {
    return faults.values().stream()
        .sorted(Comparator.comparing(Fault::system).thenComparing(Fault::operation))
        .toList();
  }

  public boolean clear(String system, String operation) {
    return faults.remove(key(system, operation)) != null;
  }

  public void clearAll() {
    faults.clear();
  }

  private static String key(String system, String operation) {
    return system + "/" + operation;
  }

  private static SimulatorProblem invalid(String code, String detail) {
    return new SimulatorProblem(
        HttpStatus.BAD_REQUEST,
        "urn:gxpflow:sim:" + code.toLowerCase().replace('_', '-'),
        "Fault not accepted",
        code,
        detail);
  }
}
