package io.gxpflow.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * A person's printed name as manifests and the audit trail show it: "first last", or the user id
 * when empty.
 */
public final class DisplayName {

  private DisplayName() {}

  /** The printed name of a user of the identity service, or the user id when there is none. */
  public static String of(IdentityService identity, String userId) {
    if (userId == null) {
      return null;
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    return user == null ? userId : of(user.getFirstName(), user.getLastName(), userId);
  }

  public static String of(String firstName, String lastName, String userId) {
    String name =
        ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    return name.isEmpty() ? userId : name;
  }
}
