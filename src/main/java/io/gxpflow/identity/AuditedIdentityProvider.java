package io.gxpflow.identity;

import io.gxpflow.compliance.EngineContext;
import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's own identity store ({@code ACT_ID_*}) with two GxP rules on top:
 *
 * <ul>
 *   <li>Every change of a user, password, group, membership or tenant is appended to the audit
 *       trail in the engine command's transaction (no change without its record, no record without
 *       the change); a profile change carries the old and new values, never a password or its hash.
 *   <li>Nobody changes their own profile or group memberships, administrators included: the printed
 *       name under a signature and a person's rights are set by another administrator. Users may
 *       change their own password (the REST API asks for the current one); that alone needs no
 *       UPDATE on their user.
 * </ul>
 */
public class AuditedIdentityProvider extends DbIdentityServiceProvider {

  private final AuditTrail auditTrail;
  private final JdbcTemplate jdbc;

  AuditedIdentityProvider(AuditTrail auditTrail, JdbcTemplate jdbc) {
    this.auditTrail = auditTrail;
    this.jdbc = jdbc;
  }

  /** Opens one provider per engine command, where the engine looks for its identity provider. */
  static SessionFactory factory(AuditTrail auditTrail, JdbcTemplate jdbc) {
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuditedIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new AuditedIdentityProvider(auditTrail, jdbc);
      }
    };
  }

  @Override
  public IdentityOperationResult saveUser(User user) {
    UserEntity entity = (UserEntity) user;
    boolean newPassword = entity.hasNewPassword();
    if (entity.getRevision() == 0) {
      IdentityOperationResult result = super.saveUser(user);
      Map<String, Object> details =
          profile(user.getFirstName(), user.getLastName(), user.getEmail());
      details.put("userId", user.getId());
      details.put("name", DisplayName.of(user.getFirstName(), user.getLastName(), user.getId()));
      record(AuditEventTypes.USER_CREATED, details);
      return result;
    }
    Map<String, Object> before = storedProfile(user.getId());
    Map<String, Object> after = profile(user.getFirstName(), user.getLastName(), user.getEmail());
    Map<String, Object> changes = changes(before, after);
    boolean self = user.getId().equals(actorOrNull());
    if (self && !changes.isEmpty()) {
      throw refused("change their own profile", Resources.USER, user.getId());
    }
    IdentityOperationResult result =
        self && newPassword
            // their own password only: the REST API has checked the current one; UPDATE on the user
            // is for admins
            ? Context.getCommandContext().runWithoutAuthorization(() -> super.saveUser(user))
            : super.saveUser(user);
    if (!changes.isEmpty()) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("userId", user.getId());
      details.put("changes", changes);
      details.put(
          "oldName",
          DisplayName.of(
              (String) before.get("firstName"), (String) before.get("lastName"), user.getId()));
      details.put("newName", DisplayName.of(user.getFirstName(), user.getLastName(), user.getId()));
      record(AuditEventTypes.USER_UPDATED, details);
    }
    if (newPassword) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("userId", user.getId());
      details.put("byThemselves", self);
      record(AuditEventTypes.PASSWORD_CHANGED, details);
    }
    return result;
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    Map<String, Object> before = storedProfile(userId);
    IdentityOperationResult result = super.deleteUser(userId);
    if (changed(result)) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("userId", userId);
      details.put(
          "name",
          DisplayName.of(
              (String) before.get("firstName"), (String) before.get("lastName"), userId));
      record(AuditEventTypes.USER_DELETED, details);
    }
    return result;
  }

  @Override
  public IdentityOperationResult unlockUser(String userId) {
    IdentityOperationResult result = super.unlockUser(userId);
    if (IdentityOperationResult.OPERATION_UNLOCK.equals(result.getOperation())) {
      record(AuditEventTypes.USER_UNLOCKED, Map.of("userId", userId));
    }
    return result;
  }

  @Override
  public IdentityOperationResult saveGroup(Group group) {
    Map<String, Object> before = storedGroup(group.getId());
    IdentityOperationResult result = super.saveGroup(group);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("name", group.getName());
    after.put("type", group.getType());
    if (IdentityOperationResult.OPERATION_CREATE.equals(result.getOperation())) {
      after.put("groupId", group.getId());
      record(AuditEventTypes.GROUP_CREATED, after);
    } else {
      Map<String, Object> changes = changes(before, after);
      if (!changes.isEmpty()) {
        record(AuditEventTypes.GROUP_UPDATED, Map.of("groupId", group.getId(), "changes", changes));
      }
    }
    return result;
  }

  @Override
  public IdentityOperationResult deleteGroup(String groupId) {
    IdentityOperationResult result = super.deleteGroup(groupId);
    if (changed(result)) {
      record(AuditEventTypes.GROUP_DELETED, Map.of("groupId", groupId));
    }
    return result;
  }

  @Override
  public IdentityOperationResult createMembership(String userId, String groupId) {
    if (userId != null && userId.equals(actorOrNull())) {
      throw refused("join a group themselves", Resources.GROUP_MEMBERSHIP, groupId);
    }
    IdentityOperationResult result = super.createMembership(userId, groupId);
    record(AuditEventTypes.MEMBERSHIP_CREATED, Map.of("userId", userId, "groupId", groupId));
    return result;
  }

  @Override
  public IdentityOperationResult deleteMembership(String userId, String groupId) {
    if (userId != null && userId.equals(actorOrNull())) {
      throw refused("leave a group themselves", Resources.GROUP_MEMBERSHIP, groupId);
    }
    IdentityOperationResult result = super.deleteMembership(userId, groupId);
    if (changed(result)) {
      record(AuditEventTypes.MEMBERSHIP_DELETED, Map.of("userId", userId, "groupId", groupId));
    }
    return result;
  }

  @Override
  public IdentityOperationResult saveTenant(Tenant tenant) {
    IdentityOperationResult result = super.saveTenant(tenant);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("operation", result.getOperation());
    details.put("tenantId", tenant.getId());
    details.put("name", tenant.getName());
    record(AuditEventTypes.TENANT_CHANGED, details);
    return result;
  }

  @Override
  public IdentityOperationResult deleteTenant(String tenantId) {
    return tenant(super.deleteTenant(tenantId), tenantId, null, null);
  }

  @Override
  public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
    return tenant(super.createTenantUserMembership(tenantId, userId), tenantId, userId, null);
  }

  @Override
  public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
    return tenant(super.createTenantGroupMembership(tenantId, groupId), tenantId, null, groupId);
  }

  @Override
  public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
    return tenant(super.deleteTenantUserMembership(tenantId, userId), tenantId, userId, null);
  }

  @Override
  public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
    return tenant(super.deleteTenantGroupMembership(tenantId, groupId), tenantId, null, groupId);
  }

  private IdentityOperationResult tenant(
      IdentityOperationResult result, String tenantId, String userId, String groupId) {
    if (changed(result)) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("operation", result.getOperation());
      details.put("tenantId", tenantId);
      details.put("userId", userId);
      details.put("groupId", groupId);
      record(AuditEventTypes.TENANT_CHANGED, details);
    }
    return result;
  }

  private void record(String type, Map<String, Object> details) {
    auditTrail.record(AuditEvent.of(type, EngineContext.actor(), details));
  }

  private static boolean changed(IdentityOperationResult result) {
    return result != null && !IdentityOperationResult.OPERATION_NONE.equals(result.getOperation());
  }

  private static String actorOrNull() {
    return Context.getCommandContext() == null
        ? null
        : Context.getCommandContext().getAuthenticatedUserId();
  }

  private static AuthorizationException refused(String what, Resource resource, String resourceId) {
    return new AuthorizationException(
        "User '"
            + actorOrNull()
            + "' may not "
            + what
            + " ("
            + resource.resourceName()
            + " "
            + resourceId
            + "): another administrator does that");
  }

  /**
   * The stored values, read past the engine's entity cache (the caller's detached entity already
   * holds the new ones), on the command's own connection.
   */
  private Map<String, Object> storedProfile(String userId) {
    List<Map<String, Object>> rows =
        jdbc.query(
            "SELECT FIRST_, LAST_, EMAIL_ FROM ACT_ID_USER WHERE ID_ = ?",
            (rs, row) -> profile(rs.getString(1), rs.getString(2), rs.getString(3)),
            userId);
    return rows.isEmpty() ? profile(null, null, null) : rows.get(0);
  }

  private Map<String, Object> storedGroup(String groupId) {
    List<Map<String, Object>> rows =
        jdbc.query(
            "SELECT NAME_, TYPE_ FROM ACT_ID_GROUP WHERE ID_ = ?",
            (rs, row) -> {
              Map<String, Object> group = new LinkedHashMap<>();
              group.put("name", rs.getString(1));
              group.put("type", rs.getString(2));
              return group;
            },
            groupId);
    return rows.isEmpty() ? Map.of() : rows.get(0);
  }

  private static Map<String, Object> profile(String firstName, String lastName, String email) {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("firstName", firstName);
    profile.put("lastName", lastName);
    profile.put("email", email);
    return profile;
  }

  /** {field: {old, new}} for every field whose value differs. */
  private static Map<String, Object> changes(
      Map<String, Object> before, Map<String, Object> after) {
    Map<String, Object> changes = new LinkedHashMap<>();
    after.forEach(
        (field, value) -> {
          Object old = before.get(field);
          if (!Objects.equals(old, value)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("old", old);
            change.put("new", value);
            changes.put(field, change);
          }
        });
    return changes;
  }
}
