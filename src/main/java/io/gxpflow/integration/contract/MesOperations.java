package io.gxpflow.integration.contract;

import java.util.Set;

/**
 * The MES calls (docs/integration/mes.md) by the names audit records, incidents and injected faults
 * use.
 */
public final class MesOperations {

  public static final String BATCH_RECORD = "batch-record";
  public static final String SET_STATUS = "set-status";

  public static final Set<String> ALL = Set.of(BATCH_RECORD, SET_STATUS);

  private MesOperations() {}
}
