package io.gxpflow.identity;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/**
 * This client tried one user's password too often: no password is checked for it until {@link
 * #until()}.
 */
public class LoginThrottledException extends AuthenticationException {

  private final transient Instant until;

  public LoginThrottledException(String userId, Instant until) {
    super(
        "Too many wrong passwords for '" + userId + "' from this client: try again after " + until);
    this.until = until;
  }

  public Instant until() {
    return until;
  }
}
