package io.gxpflow.identity;

import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Password guessing slowed per client: after {@code max-failures} wrong passwords in a row for one
 * user from one remote address, that address may not try that user again for {@code lock-duration}
 * (right password included). The owner on another client is not affected, and the lock ends by
 * itself: a stranger can no longer lock an account, as the engine's own lock after ten failures did
 * (until an administrator unlocked it). Applies to HTTP Basic and to the webapps' login form. Kept
 * in memory, per node: a restart forgets the counts.
 */
@Component
public class LoginThrottle {

  // more distinct (client, user) pairs than this are not remembered: memory stays bounded under a
  // spray
  static final int MAX_TRACKED = 100_000;

  private final int maxFailures;
  private final Duration lockDuration;
  private final Clock clock;
  private final AuditTrail auditTrail;
  private final Map<Key, Failures> failures = new ConcurrentHashMap<>();

  @Autowired
  public LoginThrottle(
      @Value("${gxpflow.security.login-throttle.max-failures:10}") int maxFailures,
      @Value("${gxpflow.security.login-throttle.lock-duration:15m}") Duration lockDuration,
      Clock clock,
      AuditTrail auditTrail) {
    if (maxFailures < 1 || lockDuration.isNegative() || lockDuration.isZero()) {
      throw new IllegalArgumentException(
          "gxpflow.security.login-throttle: max-failures >= 1, lock-duration > 0");
    }
    this.maxFailures = maxFailures;
    this.lockDuration = lockDuration;
    this.clock = clock;
    this.auditTrail = auditTrail;
  }

  public int maxFailures() {
    return maxFailures;
  }

  /** Until when this client may not try this user, or null when it may now. */
  public Instant lockedUntil(String client, String userId) {
    Failures entry = failures.get(new Key(client, userId));
    Instant now = clock.instant();
    return entry == null || entry.lockedUntil == null || !entry.lockedUntil.isAfter(now)
        ? null
        : entry.lockedUntil;
  }

  /**
   * Counts a wrong password; returns the end of the lock when this failure locks the client out,
   * else null.
   */
  public Instant recordFailure(String client, String userId) {
    Instant now = clock.instant();
    if (failures.size() >= MAX_TRACKED) {
      failures.values().removeIf(entry -> entry.forgettableAt(now, lockDuration));
    }
    Failures entry = failures.computeIfAbsent(new Key(client, userId), key -> new Failures());
    Instant locked;
    synchronized (entry) {
      if (entry.forgettableAt(now, lockDuration)) {
        entry.count = 0;
        entry.lockedUntil = null;
      }
      entry.count++;
      entry.last = now;
      if (entry.count < maxFailures) {
        return null;
      }
      entry.count = 0;
      entry.lockedUntil = now.plus(lockDuration);
      locked = entry.lockedUntil;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("userId", userId);
    details.put("client", client);
    details.put("failures", maxFailures);
    details.put("lockedUntil", locked.toString());
    auditTrail.recordIndependently(
        AuditEvent.of(AuditEventTypes.LOGIN_THROTTLED, AuditEvent.SYSTEM, details));
    return locked;
  }

  /** A right password from this client: its count starts again. */
  public void recordSuccess(String client, String userId) {
    failures.remove(new Key(client, userId));
  }

  /** Case-folded, so "Victim" and "victim" share one count. */
  private record Key(String client, String userId) {
    Key {
      userId = userId == null ? "" : userId.toLowerCase(Locale.ROOT);
    }
  }

  private static final class Failures {
    int count;
    Instant last;
    Instant lockedUntil;

    /** No failure for a lock's length and no lock running: nothing to remember. */
    boolean forgettableAt(Instant now, Duration lockDuration) {
      return (lockedUntil == null || !lockedUntil.isAfter(now))
          && (last == null || !last.plus(lockDuration).isAfter(now));
    }
  }
}
