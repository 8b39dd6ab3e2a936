package io.gxpflow.compliance.tasks;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;

/**
 * Out of office: while {@code user} is away ({@code from} inclusive to {@code until} exclusive),
 * tasks assigned to them go to {@code deputy}. Kept as the engine's user info of {@code user} (no
 * table of its own): set with {@code PUT /api/me/deputy}, read by the task listener at every
 * assignment.
 */
public record Deputy(String user, String deputy, Instant from, Instant until) {

  public static final String KEY_DEPUTY = "gxpflow.deputy";
  public static final String KEY_FROM = "gxpflow.deputy.from";
  public static final String KEY_UNTIL = "gxpflow.deputy.until";

  public Deputy {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(deputy, "deputy");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
  }

  public boolean activeAt(Instant now) {
    return !now.isBefore(from) && now.isBefore(until);
  }

  /** The deputy {@code user} has set, if any (whether or not active now). */
  public static Optional<Deputy> of(IdentityService identity, String user) {
    String deputy = identity.getUserInfo(user, KEY_DEPUTY);
    String from = identity.getUserInfo(user, KEY_FROM);
    String until = identity.getUserInfo(user, KEY_UNTIL);
    if (deputy == null || from == null || until == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Deputy(user, deputy, Instant.parse(from), Instant.parse(until)));
    } catch (DateTimeParseException unreadable) {
      return Optional.empty();
    }
  }

  public void store(IdentityService identity) {
    identity.setUserInfo(user, KEY_DEPUTY, deputy);
    identity.setUserInfo(user, KEY_FROM, from.toString());
    identity.setUserInfo(user, KEY_UNTIL, until.toString());
  }

  public static void clear(IdentityService identity, String user) {
    identity.deleteUserInfo(user, KEY_DEPUTY);
    identity.deleteUserInfo(user, KEY_FROM);
    identity.deleteUserInfo(user, KEY_UNTIL);
  }
}
