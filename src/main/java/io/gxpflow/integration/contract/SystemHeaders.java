package io.gxpflow.integration.contract;

/** The headers every system API of docs/integration takes. */
public final class SystemHeaders {

  /** The caller's credential; each system's gateway checks it. */
  public static final String API_KEY = "X-Api-Key";

  /** Sent with every write; a retry sends the same key and the system applies the write once. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private SystemHeaders() {}
}
