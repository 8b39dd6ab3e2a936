package io.gxpflow.integration;

/**
 * The call did not get a usable answer: 5xx, timeout, connection refused, a malformed body, or a
 * 4xx that means our request or credentials are wrong. Thrown on, so the job is retried ({@code
 * failedJobRetryTimeCycle}) and ends in an incident whose message (this one) an operator can read
 * in Cockpit.
 */
public class SystemUnavailable extends RuntimeException {

  public SystemUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
