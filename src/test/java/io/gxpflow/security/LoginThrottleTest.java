package io.gxpflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.identity.LoginThrottle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The per-client login throttle: a lock that ends by itself, for one client and one user only. */
class LoginThrottleTest {

  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  final AuditTrail audit = mock(AuditTrail.class);
  final LoginThrottle throttle = new LoginThrottle(10, Duration.ofMinutes(15), clock, audit);

  @Test
  void tenFailuresLockThatClientOutOfThatUserForFifteenMinutesThenItMayTryAgain() {
    for (int i = 1; i < 10; i++) {
      assertThat(throttle.recordFailure("10.0.0.9", "victim")).isNull();
      assertThat(throttle.lockedUntil("10.0.0.9", "victim")).isNull();
    }
    Instant until = throttle.recordFailure("10.0.0.9", "victim");

    assertThat(until).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    assertThat(throttle.lockedUntil("10.0.0.9", "victim")).isEqualTo(until);
    assertThat(throttle.lockedUntil("10.0.0.10", "victim")).as("the owner's client").isNull();
    assertThat(throttle.lockedUntil("10.0.0.9", "someone-else")).isNull();
    verify(audit, times(1))
        .recordIndependently(
            argThat(
                e ->
                    e.type().equals(AuditEventTypes.LOGIN_THROTTLED)
                        && "victim".equals(e.details().get("userId"))
                        && "10.0.0.9".equals(e.details().get("client"))));

    clock.advance(Duration.ofMinutes(15));
    assertThat(throttle.lockedUntil("10.0.0.9", "victim")).as("not forever").isNull();
    // and it starts counting from zero again
    assertThat(throttle.recordFailure("10.0.0.9", "victim")).isNull();
    assertThat(throttle.lockedUntil("10.0.0.9", "victim")).isNull();
  }

  @Test
  void aRightPasswordOrAQuietQuarterOfAnHourForgetsEarlierFailures() {
    for (int i = 0; i < 9; i++) {
      throttle.recordFailure("10.0.0.9", "victim");
    }
    throttle.recordSuccess("10.0.0.9", "victim");
    assertThat(throttle.recordFailure("10.0.0.9", "victim")).isNull();

    for (int i = 0; i < 8; i++) {
      throttle.recordFailure("10.0.0.9", "victim");
    }
    clock.advance(Duration.ofMinutes(16));
    assertThat(throttle.recordFailure("10.0.0.9", "victim")).isNull();
  }

  @Test
  void userIdsDifferingOnlyInCaseShareOneCount() {
    for (int i = 0; i < 5; i++) {
      throttle.recordFailure("10.0.0.9", "Victim");
    }
    for (int i = 0; i < 4; i++) {
      throttle.recordFailure("10.0.0.9", "victim");
    }
    assertThat(throttle.recordFailure("10.0.0.9", "VICTIM")).isNotNull();
  }

  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
