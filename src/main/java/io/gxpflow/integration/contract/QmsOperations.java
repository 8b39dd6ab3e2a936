package io.gxpflow.integration.contract;

import java.util.Set;

/**
 * The QMS calls (docs/integration/qms.md) by the names audit records, incidents and injected faults
 * use.
 */
public final class QmsOperations {

  public static final String CREATE_DEVIATION = "create-deviation";
  public static final String UPDATE_DEVIATION = "update-deviation";
  public static final String CLOSE_DEVIATION = "close-deviation";
  public static final String CREATE_CAPA = "create-capa";
  public static final String UPDATE_CAPA = "update-capa";
  public static final String CLOSE_CAPA = "close-capa";
  public static final String BATCH_QUALITY_EVENTS = "batch-quality-events";
  public static final String QC_RESULTS = "qc-results";

  public static final Set<String> ALL =
      Set.of(
          CREATE_DEVIATION,
          UPDATE_DEVIATION,
          CLOSE_DEVIATION,
          CREATE_CAPA,
          UPDATE_CAPA,
          CLOSE_CAPA,
          BATCH_QUALITY_EVENTS,
          QC_RESULTS);

  private QmsOperations() {}
}
