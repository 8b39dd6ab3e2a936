package io.gxpflow.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo users of CONTRACT.md, one per group, password = user id. Only in the {@code demo}
 * profile (on by default): a production installation gets its people from Keycloak and never has
 * these accounts.
 */
@Component
@Profile("demo")
public class DemoUsers {

  public static final String EMAIL_DOMAIN = "demo.gxpflow.io";

  private final IdentityService identityService;

  public DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  void ensureUsers() {
    for (GxpGroup group : GxpGroup.values()) {
      String userId = group.demoUserId();
      if (identityService.createUserQuery().userId(userId).count() == 0) {
        User user = identityService.newUser(userId);
        user.setFirstName(group.demoFirstName());
        user.setLastName(group.demoLastName());
        user.setEmail(userId + "@" + EMAIL_DOMAIN);
        user.setPassword(userId);
        identityService.saveUser(user);
      }
      if (identityService.createUserQuery().userId(userId).memberOfGroup(group.id()).count() == 0) {
        identityService.createMembership(userId, group.id());
      }
    }
  }
}
