package io.gxpflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.support.IntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The start-up seeding: everything of the access policy is granted, and running it again duplicates
 * nothing.
 */
@IntegrationTest
class IdentitySetupIT {

  @Autowired IdentitySetup identitySetup;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;

  @Test
  void everyGrantOfTheAccessPolicyIsInTheEngine() {
    for (Grant grant : AccessPolicy.grants()) {
      Authorization authorization =
          authorizationService
              .createAuthorizationQuery()
              .authorizationType(Authorization.AUTH_TYPE_GRANT)
              .groupIdIn(grant.groupId())
              .resourceType(grant.resource())
              .resourceId(grant.resourceId())
              .singleResult();
      assertThat(authorization).as(grant.toString()).isNotNull();
      grant
          .permissions()
          .forEach(
              permission ->
                  assertThat(authorization.isPermissionGranted(permission))
                      .as(grant + " " + permission)
                      .isTrue());
    }
  }

  @Test
  void everyContractGroupAndDemoUserExistsWithItsMembership() {
    for (GxpGroup group : GxpGroup.values()) {
      assertThat(identityService.createGroupQuery().groupId(group.id()).singleResult().getName())
          .isEqualTo(group.displayName());
      assertThat(
              identityService
                  .createUserQuery()
                  .userId(group.demoUserId())
                  .memberOfGroup(group.id())
                  .count())
          .as(group.demoUserId() + " in " + group.id())
          .isOne();
      assertThat(identityService.checkPassword(group.demoUserId(), group.demoUserId())).isTrue();
    }
  }

  @Test
  void seedingAgainChangesNothing() {
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long users = identityService.createUserQuery().count();
    long groups = identityService.createGroupQuery().count();
    long filters = filterService.createFilterQuery().count();

    identitySetup.afterSingletonsInstantiated();

    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
  }

  @Test
  void aRevokedBaselinePermissionIsGrantedAgainAtTheNextStart() {
    Authorization tasklist =
        authorizationService
            .createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .groupIdIn("qp")
            .resourceType(Resources.APPLICATION)
            .resourceId("tasklist")
            .singleResult();
    authorizationService.deleteAuthorization(tasklist.getId());

    identitySetup.afterSingletonsInstantiated();

    assertThat(
            authorizationService.isUserAuthorized(
                "petra", List.of("qp"), Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
        .isTrue();
  }
}
