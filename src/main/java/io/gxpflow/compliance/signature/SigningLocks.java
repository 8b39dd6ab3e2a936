package io.gxpflow.compliance.signature;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed signing attempts in a row per user (21 CFR 11.300(d): detect and act on
 * unauthorized use). Five in a row lock the user's signing for 15 minutes; a successful signature
 * resets the count. Every change commits on its own, so a refused attempt is counted even though
 * nothing else happens.
 */
@Component
public class SigningLocks {

  public static final int MAX_FAILURES = 5;
  public static final Duration LOCK_TIME = Duration.ofMinutes(15);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  public SigningLocks(
      JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** Until when the user may not sign, or null. */
  public Instant lockedUntil(String userId) {
    List<Timestamp> until =
        jdbc.queryForList(
            "select locked_until from gxp_signing_lock where user_id = ?", Timestamp.class, userId);
    if (until.isEmpty()
        || until.get(0) == null
        || !until.get(0).toInstant().isAfter(clock.instant())) {
      return null;
    }
    return until.get(0).toInstant();
  }

  /** Counts a failure; returns the lock end when this failure locks the user, else null. */
  public Instant recordFailure(String userId) {
    return ownTransaction.execute(
        status -> {
          ensureRow(userId);
          int failures =
              jdbc.queryForObject(
                      "select consecutive_failures from gxp_signing_lock where user_id = ? for update",
                      Integer.class,
                      userId)
                  + 1;
          if (failures >= MAX_FAILURES) {
            Instant until = clock.instant().plus(LOCK_TIME);
            jdbc.update(
                "update gxp_signing_lock set consecutive_failures = 0, locked_until = ? where user_id = ?",
                Timestamp.from(until),
                userId);
            return until;
          }
          jdbc.update(
              "update gxp_signing_lock set consecutive_failures = ? where user_id = ?",
              failures,
              userId);
          return null;
        });
  }

  public void recordSuccess(String userId) {
    ownTransaction.executeWithoutResult(
        status ->
            jdbc.update(
                "update gxp_signing_lock set consecutive_failures = 0, locked_until = null where user_id = ?",
                userId));
  }

  int failures(String userId) {
    List<Integer> failures =
        jdbc.queryForList(
            "select consecutive_failures from gxp_signing_lock where user_id = ?",
            Integer.class,
            userId);
    return failures.isEmpty() ? 0 : failures.get(0);
  }

  private void ensureRow(String userId) {
    if (jdbc.queryForObject(
            "select count(*) from gxp_signing_lock where user_id = ?", Integer.class, userId)
        == 0) {
      jdbc.update(
          "insert into gxp_signing_lock (user_id, consecutive_failures) values (?, 0)", userId);
    }
  }
}
