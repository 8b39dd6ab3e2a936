package io.gxpflow.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.springframework.stereotype.Component;

/**
 * Makes a {@link Grant} true in the engine, idempotently: creates the authorization or adds missing
 * permissions.
 */
@Component
public class AuthorizationGrants {

  private final AuthorizationService authorizationService;

  public AuthorizationGrants(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  public void ensure(Grant grant) {
    Authorization authorization =
        authorizationService
            .createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .groupIdIn(grant.groupId())
            .resourceType(grant.resource())
            .resourceId(grant.resourceId())
            .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.groupId());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    } else if (grant.permissions().stream().allMatch(authorization::isPermissionGranted)) {
      return;
    }
    for (Permission permission : grant.permissions()) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }
}
