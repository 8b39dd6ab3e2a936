package io.gxpflow.integration;

import java.util.function.Function;

/**
 * One system's HTTP interface as a port's client uses it: every call names its operation (from the
 * contract's {@code *Operations}), and goes through {@link SystemCalls}, which audits it and maps
 * what came back.
 *
 * @param <A> the system's {@code @HttpExchange} interface
 */
public final class SystemApi<A> {

  private final SystemCalls calls;
  private final ExternalSystem system;
  private final Class<A> httpInterface;

  SystemApi(SystemCalls calls, ExternalSystem system, Class<A> httpInterface) {
    this.calls = calls;
    this.system = system;
    this.httpInterface = httpInterface;
  }

  public <T> T read(String operation, Function<A, T> request) {
    return calls.call(system, httpInterface, operation, null, request);
  }

  /** {@code idempotencyKey} is for the audit record; the request sends it as its header. */
  public <T> T write(String operation, String idempotencyKey, Function<A, T> request) {
    return calls.call(system, httpInterface, operation, idempotencyKey, request);
  }
}
