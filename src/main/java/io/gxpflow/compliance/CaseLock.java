package io.gxpflow.compliance;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Serializes requests against one running case. A request that first checks the case's state and
 * then changes it (a cancellation is refused while QA already decides one) is a check-then-act: two
 * sent at the same moment both pass the check under read committed. Locking the process instance's
 * row in the current transaction makes the second wait for the first to commit, so its check sees
 * what the first did. Camunda's optimistic locking does not cover this: the two requests create
 * separate executions and need not touch the same row.
 */
@Component
public class CaseLock {

  private final JdbcTemplate jdbc;

  public CaseLock(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Locks the process instance until the current transaction ends; false when it no longer runs.
   * Must be called inside a transaction ({@link RunAsSystem#call} opens one).
   */
  public boolean lock(String processInstanceId) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(
          "a case lock outside a transaction would be released at once");
    }
    return !jdbc.queryForList(
            "select ID_ from ACT_RU_EXECUTION where ID_ = ? and PROC_INST_ID_ = ID_ for update",
            String.class,
            processInstanceId)
        .isEmpty();
  }
}
