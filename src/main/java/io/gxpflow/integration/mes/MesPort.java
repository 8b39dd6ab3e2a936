package io.gxpflow.integration.mes;

import java.util.List;

/**
 * The manufacturing execution system, in batch-release terms (PAS-X, Opcenter, …; API in
 * docs/integration/mes.md). Business rejections ("batch unknown") arrive as {@code
 * BusinessRejection}, technical failures as {@code SystemUnavailable}.
 */
public interface MesPort {

  /** The electronic batch record's summary: is it complete, and which exceptions does it carry. */
  BatchRecordSummary batchRecord(String batchNumber);

  /** Sets the batch's status in the MES; the same {@code idempotencyKey} applies at most once. */
  BatchStatusChange setBatchStatus(
      String batchNumber, BatchStatus status, String reason, String idempotencyKey);

  enum BatchStatus {
    ON_HOLD,
    RELEASED,
    REJECTED
  }

  enum Severity {
    MINOR,
    MAJOR,
    CRITICAL
  }

  record Product(String code, String name) {}

  record BatchException(String code, String description, Severity severity) {}

  record BatchRecordSummary(
      String batchNumber,
      boolean complete,
      Product product,
      String site,
      String status,
      List<BatchException> exceptions) {

    public BatchRecordSummary {
      exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
    }
  }

  record BatchStatusChange(
      String batchNumber, String status, String previousStatus, String changedAt) {}
}
