package io.gxpflow.integration;

import java.time.Duration;

/** Where each call to another system is recorded (the compliance audit trail, in the app). */
@FunctionalInterface
public interface SystemCallAudit {

  enum Outcome {
    OK,
    REJECTED,
    FAILED
  }

  void called(
      ExternalSystem system,
      String operation,
      String idempotencyKey,
      Outcome outcome,
      Integer httpStatus,
      Duration duration,
      String message);
}
