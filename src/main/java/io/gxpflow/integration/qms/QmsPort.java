package io.gxpflow.integration.qms;

import java.time.Instant;
import java.util.List;

/**
 * The quality management system, in deviation/CAPA and batch-release terms (Vault QMS, TrackWise,
 * …; API in docs/integration/qms.md). Business rejections ("deviation unknown") arrive as {@code
 * BusinessRejection}, technical failures as {@code SystemUnavailable}. Every write applies at most
 * once per {@code idempotencyKey}.
 */
public interface QmsPort {

  /** Records a deviation; returns the QMS's id, e.g. {@code DEV-2026-0007}. */
  String createDeviation(NewDeviation deviation, String idempotencyKey);

  /** Classifies the deviation and/or moves it on; a null argument leaves that field as it is. */
  Deviation updateDeviation(
      String deviationId,
      Classification classification,
      DeviationStatus status,
      String idempotencyKey);

  Deviation closeDeviation(String deviationId, String closureSummary, String idempotencyKey);

  /** Opens a CAPA for the deviation; returns the QMS's id, e.g. {@code CAPA-2026-0001}. */
  String createCapa(String deviationId, NewCapa capa, String idempotencyKey);

  /** Replaces the CAPA's list of actions. */
  Capa updateCapa(String capaId, List<CapaAction> actions, String idempotencyKey);

  Capa closeCapa(String capaId, String effectivenessCheck, String idempotencyKey);

  /** The open deviations and change controls that concern the batch. */
  BatchQualityEvents batchQualityEvents(String batchNumber);

  /** The batch's QC testing: complete or not, and any out-of-specification results. */
  QcResults qcResults(String batchNumber);

  enum Classification {
    MINOR,
    MAJOR,
    CRITICAL
  }

  /** What GxP Flow may set; CLOSED is reached through {@link #closeDeviation} only. */
  enum DeviationStatus {
    OPEN,
    UNDER_INVESTIGATION
  }

  enum ActionStatus {
    OPEN,
    DONE
  }

  record NewDeviation(
      String title,
      String description,
      String site,
      String product,
      List<String> batchNumbers,
      String category,
      Instant occurredAt) {

    public NewDeviation {
      batchNumbers = batchNumbers == null ? List.of() : List.copyOf(batchNumbers);
    }
  }

  record Deviation(
      String id,
      String title,
      String status,
      String classification,
      List<String> batchNumbers,
      String createdAt,
      String closedAt) {}

  record NewCapa(String title, String description, String owner) {}

  /** {@code dueDate} as ISO date, e.g. 2026-12-31. */
  record CapaAction(String description, String owner, String dueDate, ActionStatus status) {}

  record Capa(
      String id,
      String deviationId,
      String title,
      String status,
      List<CapaAction> actions,
      String closedAt) {

    public Capa {
      actions = actions == null ? List.of() : List.copyOf(actions);
    }
  }

  record QualityEvent(String id, String title, String status) {}

  record BatchQualityEvents(
      String batchNumber, List<QualityEvent> deviations, List<QualityEvent> changeControls) {

    public BatchQualityEvents {
      deviations = deviations == null ? List.of() : List.copyOf(deviations);
      changeControls = changeControls == null ? List.of() : List.copyOf(changeControls);
    }
  }

  record OosResult(String test, String result, String specification) {}

  record QcResults(String batchNumber, boolean testsComplete, List<OosResult> oosResults) {

    public QcResults {
      oosResults = oosResults == null ? List.of() : List.copyOf(oosResults);
    }
  }
}
