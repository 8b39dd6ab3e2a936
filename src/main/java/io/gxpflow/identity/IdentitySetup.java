package io.gxpflow.identity;

import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At every start, before the web server takes requests: the contract's groups (when the engine owns
 * identities), the demo users (demo profile), the authorizations of {@link AccessPolicy} and the
 * Tasklist queues, and users' rights on their own profile narrowed to READ ({@link
 * OwnUserReadOnly}). Every step is idempotent, so restarts and a second node do not duplicate
 * anything.
 */
@Component
public class IdentitySetup implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

  private final IdentityService identityService;
  private final AuthorizationGrants grants;
  private final TasklistFilters filters;
  private final Optional<DemoUsers> demoUsers;
  private final AuthorizationService authorizationService;
  private final AuditTrail auditTrail;

  public IdentitySetup(
      IdentityService identityService,
      AuthorizationGrants grants,
      TasklistFilters filters,
      Optional<DemoUsers> demoUsers,
      AuthorizationService authorizationService,
      AuditTrail auditTrail) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.auditTrail = auditTrail;
    this.grants = grants;
    this.filters = filters;
    this.demoUsers = demoUsers;
  }

  @Override
  public void afterSingletonsInstantiated() {
    // with Keycloak (read-only) its realm holds the groups and the demo people
    if (!identityService.isReadOnly()) {
      ensureGroups();
      demoUsers.ifPresent(DemoUsers::ensureUsers);
    }
    AccessPolicy.grants().forEach(grants::ensure);
    narrowOwnUserGrants();
    filters.ensureQueues();
    LOG.info(
        "Groups, authorizations and Tasklist queues are in place{}",
        demoUsers.isPresent() ? ", demo users seeded" : "");
  }

  private void ensureGroups() {
    for (GxpGroup gxpGroup : GxpGroup.values()) {
      if (identityService.createGroupQuery().groupId(gxpGroup.id()).count() == 0) {
        Group group = identityService.newGroup(gxpGroup.id());
        group.setName(gxpGroup.displayName());
        group.setType(
            gxpGroup.isPeople() && gxpGroup != GxpGroup.CAMUNDA_ADMIN ? "WORKFLOW" : "SYSTEM");
        identityService.saveGroup(group);
      }
    }
  }

  /**
   * Users created before {@link OwnUserReadOnly} (or by another engine) hold Camunda's default ALL
   * on their own user, so they could rename themselves: narrowed to READ. The one thing this policy
   * takes away, audited.
   */
  private void narrowOwnUserGrants() {
    for (Authorization own :
        authorizationService
            .createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .resourceType(Resources.USER)
            .list()) {
      if (own.getUserId() == null
          || !own.getUserId().equals(own.getResourceId())
          || !(own.isPermissionGranted(Permissions.UPDATE)
              || own.isPermissionGranted(Permissions.DELETE))) {
        continue;
      }
      own.setPermissions(new Permission[] {Permissions.READ});
      authorizationService.saveAuthorization(own);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("operation", "NarrowOwnUser");
      details.put("userId", own.getUserId());
      details.put("new", "READ");
      auditTrail.record(
          AuditEvent.of(AuditEventTypes.AUTHORIZATION_CHANGED, AuditEvent.SYSTEM, details));
    }
  }
}
