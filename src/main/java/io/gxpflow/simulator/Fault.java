package io.gxpflow.simulator;

/**
 * What a simulated call does instead of its normal answer: wait {@code delayMs}, then answer {@code
 * status} with a problem body, or 200 with a body that is not JSON ({@code malformed}), or
 * (neither) the normal answer late. {@code times} is how many more calls it applies to; null until
 * cleared.
 */
public record Fault(
    String system,
    String operation,
    Integer status,
    long delayMs,
    boolean malformed,
    Integer times) {

  /** The fault for the next call, or null when it is used up by this one. */
  Fault afterOneCall() {
    if (times == null) {
      return this;
    }
    return times <= 1 ? null : new Fault(system, operation, status, delayMs, malformed, times - 1);
  }
}
