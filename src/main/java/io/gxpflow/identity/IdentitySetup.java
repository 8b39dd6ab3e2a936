package io.gxpflow.identity;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At every start, before the web server takes requests: the contract's groups (when the engine owns identities),
 * the demo users (demo profile), the authorizations of {@link AccessPolicy} and the Tasklist queues. Every step
 * is idempotent, so restarts and a second node do not duplicate anything.
 */
@Component
public class IdentitySetup implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

  private final IdentityService identityService;
  private final AuthorizationGrants grants;
  private final TasklistFilters filters;
  private final Optional<DemoUsers> demoUsers;

  public IdentitySetup(IdentityService identityService, AuthorizationGrants grants, TasklistFilters filters,
      Optional<DemoUsers> demoUsers) {
    this.identityService = identityService;
    this.grants = grants;
    this.filters = filters;
    this.demoUsers = demoUsers;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (!identityService.isReadOnly()) {
      ensureGroups();
    }
    demoUsers.ifPresent(DemoUsers::ensureUsers);
    AccessPolicy.grants().forEach(grants::ensure);
    filters.ensureQueues();
    LOG.info("Groups, authorizations and Tasklist queues are in place{}",
        demoUsers.isPresent() ? ", demo users seeded" : "");
  }

  private void ensureGroups() {
    for (GxpGroup gxpGroup : GxpGroup.values()) {
      if (identityService.createGroupQuery().groupId(gxpGroup.id()).count() == 0) {
        Group group = identityService.newGroup(gxpGroup.id());
        group.setName(gxpGroup.displayName());
        group.setType(gxpGroup.isPeople() && gxpGroup != GxpGroup.CAMUNDA_ADMIN ? "WORKFLOW" : "SYSTEM");
        identityService.saveGroup(group);
      }
    }
  }
}
