package io.gxpflow.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Users of a test's own. Tests that send a wrong password use one: wrong passwords count toward the
 * login throttle (per client and user) and the signing lock, which must not lock out the demo users
 * other tests log in as.
 */
public final class ProbeUsers {

  private ProbeUsers() {}

  public static String create(
      IdentityService identityService, String userId, String password, String groupId) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setFirstName("Probe");
      user.setLastName(userId);
      user.setPassword(password);
      identityService.saveUser(user);
      if (groupId != null) {
        identityService.createMembership(userId, groupId);
      }
    }
    return userId;
  }
}
