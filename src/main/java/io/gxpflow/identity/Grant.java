package io.gxpflow.identity;

import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * One GRANT authorization: a group may do {@code permissions} on {@code resource} {@code
 * resourceId}.
 */
public record Grant(
    String groupId, Resource resource, String resourceId, List<Permission> permissions) {

  public Grant {
    permissions = List.copyOf(permissions);
  }

  static Grant of(GxpGroup group, Resource resource, String resourceId, Permission... permissions) {
    return new Grant(group.id(), resource, resourceId, List.of(permissions));
  }
}
