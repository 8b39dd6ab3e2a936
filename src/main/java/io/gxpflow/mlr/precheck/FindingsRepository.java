package io.gxpflow.mlr.precheck;

import java.time.Instant;
import java.util.List;

/**
 * The pre-check's findings, kept per run so they can be reported (Veeva's Quick Check keeps none).
 */
public interface FindingsRepository {

  /** Stores one pre-check run of a version and audits it (MLR_PRECHECK_COMPLETED). */
  void record(String itemId, int version, int round, PrecheckResult result);

  /** Every run of the item, oldest first. */
  List<PrecheckRun> runs(String itemId);

  record PrecheckRun(
      String itemId, int version, int round, Instant checkedAt, PrecheckResult result) {}
}
