package io.gxpflow.identity;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * Camunda's default authorizations, except that a new user gets only READ on their own user, not
 * ALL: with ALL every user could rename themselves, and the printed name under a Part 11 signature
 * would be self-chosen. Their own password they may still change ({@link AuditedIdentityProvider}).
 * Existing users are narrowed at start by {@link IdentitySetup}.
 */
public class OwnUserReadOnly extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newUser(User user) {
    AuthorizationEntity[] authorizations = super.newUser(user);
    for (AuthorizationEntity authorization : authorizations) {
      authorization.setPermissions(new Permissions[] {Permissions.READ});
    }
    return authorizations;
  }
}
