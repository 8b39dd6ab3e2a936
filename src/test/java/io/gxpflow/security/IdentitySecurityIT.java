package io.gxpflow.security;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gxpflow.compliance.ComplianceFixture;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.identity.GxpGroup;
import io.gxpflow.identity.IdentitySetup;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.ProbeUsers;
import io.gxpflow.support.RestClientForUsers;
import io.gxpflow.support.WebappSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10, point 6: the printed name under a signature is not self-chosen. Profiles and
 * memberships change only by another administrator, every identity change is audited, users change
 * only their own password (with the current one), and a manifest keeps the name the audit trail
 * recorded at signing.
 */
@IntegrationTest
class IdentitySecurityIT {

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired AuditTrail auditTrail;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentitySetup identitySetup;
  RestClientForUsers http;

  @BeforeEach
  void client() {
    http = new RestClientForUsers(rest);
  }

  @ParameterizedTest
  @EnumSource(GxpGroup.class)
  void noDemoUserRenamesThemselvesOverTheRestApi(GxpGroup group) {
    String user = group.demoUserId();
    long before = auditTrail.head().lastSeq();

    ResponseEntity<String> response =
        http.put(
            user,
            "/engine-rest/user/" + user + "/profile",
            "{\"id\": \""
                + user
                + "\", \"firstName\": \"Quinn\", \"lastName\": \"Quality\", \"email\": \"q@evil.test\"}");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    User stored = identityService.createUserQuery().userId(user).singleResult();
    assertThat(stored.getFirstName()).isEqualTo(group.demoFirstName());
    assertThat(stored.getLastName()).isEqualTo(group.demoLastName());
    assertThat(eventsSince(before, AuditEventTypes.USER_UPDATED)).isEmpty();
  }

  @Test
  void nobodyAddsThemselvesToAGroupNotEvenAnAdministrator() {
    for (String user : List.of("paul", "admin")) {
      ResponseEntity<String> response =
          http.put(user, "/engine-rest/group/qa/members/" + user, null);

      assertThat(response.getStatusCode())
          .as(user + ": " + response.getBody())
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(identityService.createUserQuery().userId(user).memberOfGroup("qa").count())
          .isZero();
    }
  }

  @Test
  void theWebappsRefuseAProfileChangeToo() {
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login("quinn", "quinn", "tasklist")).isEqualTo(200);

    var response =
        tasklist.sendJson(
            "PUT",
            "/camunda/api/engine/engine/default/user/quinn/profile",
            "{\"id\": \"quinn\", \"firstName\": \"Queen\", \"lastName\": \"Quality\"}",
            true);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("quinn").singleResult().getFirstName())
        .isEqualTo(GxpGroup.QA.demoFirstName());
  }

  @Test
  void aUserCreatedLaterInAdminMayReadButNotEditTheirOwnProfile() {
    String user = "later-" + suffix();
    assertThat(
            http.post(
                    "admin",
                    "/engine-rest/user/create",
                    "{\"profile\": {\"id\": \""
                        + user
                        + "\", \"firstName\":"
                        + " \"Lea\", \"lastName\": \"Later\"}, \"credentials\": {\"password\": \"later-pw\"}}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    assertReadOnlyOnThemselves(user);
    assertThat(
            rest.withBasicAuth(user, "later-pw")
                .getForEntity("/engine-rest/user/" + user + "/profile", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            rest.withBasicAuth(user, "later-pw")
                .exchange(
                    "/engine-rest/user/" + user + "/profile",
                    HttpMethod.PUT,
                    jsonEntity(
                        "{\"id\": \""
                            + user
                            + "\", \"firstName\": \"Quinn\", \"lastName\": \"Quality\"}"),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            rest.withBasicAuth(user, "later-pw")
                .exchange(
                    "/engine-rest/user/" + user, HttpMethod.DELETE, HttpEntity.EMPTY, String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anExistingDatabasesSelfGrantsAreNarrowedAtStart() {
    String user = ProbeUsers.create(identityService, "old-db-" + suffix(), "pw", "qa");
    Authorization own =
        authorizationService
            .createAuthorizationQuery()
            .userIdIn(user)
            .resourceType(Resources.USER)
            .resourceId(user)
            .singleResult();
    // as Camunda's default provider left it in a database from before
    own.setPermissions(new Permission[] {Permissions.ALL});
    authorizationService.saveAuthorization(own);

    identitySetup.afterSingletonsInstantiated();

    assertReadOnlyOnThemselves(user);
    assertThat(
            rest.withBasicAuth(user, "pw")
                .exchange(
                    "/engine-rest/user/" + user + "/profile",
                    HttpMethod.PUT,
                    jsonEntity(
                        "{\"id\": \""
                            + user
                            + "\", \"firstName\": \"Quinn\", \"lastName\": \"Quality\"}"),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void usersChangeTheirOwnPasswordOnlyWithTheCurrentOneAndItIsAudited() {
    String probe =
        ProbeUsers.create(identityService, "pw-probe-" + suffix(), "old-password", "production");
    long before = auditTrail.head().lastSeq();

    ResponseEntity<String> wrongCurrent =
        rest.withBasicAuth(probe, "old-password")
            .exchange(
                "/engine-rest/user/" + probe + "/credentials",
                HttpMethod.PUT,
                jsonEntity(
                    "{\"password\": \"new-password\", \"authenticatedUserPassword\": \"guess\"}"),
                String.class);
    assertThat(wrongCurrent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    // someone else's password: not even with their own correct password
    ResponseEntity<String> others =
        rest.withBasicAuth("paul", "paul")
            .exchange(
                "/engine-rest/user/" + probe + "/credentials",
                HttpMethod.PUT,
                jsonEntity(
                    "{\"password\": \"taken-over\", \"authenticatedUserPassword\": \"paul\"}"),
                String.class);
    assertThat(others.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(identityService.checkPassword(probe, "taken-over")).isFalse();

    ResponseEntity<String> changed =
        rest.withBasicAuth(probe, "old-password")
            .exchange(
                "/engine-rest/user/" + probe + "/credentials",
                HttpMethod.PUT,
                jsonEntity(
                    "{\"password\": \"new-password\", \"authenticatedUserPassword\": \"old-password\"}"),
                String.class);

    assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            rest.withBasicAuth(probe, "new-password")
                .getForEntity("/engine-rest/task/count", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(eventsSince(before, AuditEventTypes.PASSWORD_CHANGED))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.actor()).isEqualTo(probe);
              assertThat(event.details())
                  .containsEntry("userId", probe)
                  .containsEntry("byThemselves", true);
              assertThat(event.details().toString()).doesNotContain("new-password");
            });
    assertThat(eventsSince(before, AuditEventTypes.USER_UPDATED)).isEmpty();
  }

  @Test
  void everyIdentityChangeByAnAdministratorIsAuditedWithWhoAndWhat() {
    String user = "idm-probe-" + suffix();
    String group = "idm-group-" + suffix();
    long before = auditTrail.head().lastSeq();

    assertThat(
            http.post(
                    "admin",
                    "/engine-rest/user/create",
                    "{\"profile\": {\"id\": \""
                        + user
                        + "\", \"firstName\":"
                        + " \"Ida\", \"lastName\": \"Probe\", \"email\": \"ida@example.test\"}, \"credentials\": {\"password\":"
                        + " \"s3cret-pw\"}}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            http.put(
                    "admin",
                    "/engine-rest/user/" + user + "/profile",
                    "{\"id\": \""
                        + user
                        + "\", \"firstName\":"
                        + " \"Ida\", \"lastName\": \"Married\", \"email\": \"ida@example.test\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            http.put(
                    "admin",
                    "/engine-rest/user/" + user + "/credentials",
                    "{\"password\": \"reset-pw-1\"," + " \"authenticatedUserPassword\": \"admin\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            http.post(
                    "admin",
                    "/engine-rest/group/create",
                    "{\"id\": \""
                        + group
                        + "\", \"name\": \"Probe group\","
                        + " \"type\": \"WORKFLOW\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            http.put("admin", "/engine-rest/group/" + group + "/members/" + user, null)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            http.delete("admin", "/engine-rest/group/" + group + "/members/" + user)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(http.delete("admin", "/engine-rest/group/" + group).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(http.delete("admin", "/engine-rest/user/" + user).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    List<StoredAuditEvent> events = eventsSince(before, null);
    assertThat(events)
        .extracting(StoredAuditEvent::type)
        .containsSubsequence(
            AuditEventTypes.USER_CREATED,
            AuditEventTypes.USER_UPDATED,
            AuditEventTypes.PASSWORD_CHANGED,
            AuditEventTypes.GROUP_CREATED,
            AuditEventTypes.MEMBERSHIP_CREATED,
            AuditEventTypes.MEMBERSHIP_DELETED,
            AuditEventTypes.GROUP_DELETED,
            AuditEventTypes.USER_DELETED);
    assertThat(events)
        .filteredOn(
            e ->
                e.type().startsWith("USER_")
                    || e.type().startsWith("GROUP_")
                    || e.type().startsWith("MEMBERSHIP_")
                    || e.type().equals(AuditEventTypes.PASSWORD_CHANGED))
        .allSatisfy(e -> assertThat(e.actor()).isEqualTo("admin"));
    StoredAuditEvent rename = eventsSince(before, AuditEventTypes.USER_UPDATED).get(0);
    assertThat(rename.details())
        .containsEntry("userId", user)
        .containsEntry("oldName", "Ida Probe")
        .containsEntry("newName", "Ida Married")
        .containsEntry("changes", Map.of("lastName", Map.of("old", "Probe", "new", "Married")));
    assertThat(events.toString()).doesNotContain("s3cret-pw").doesNotContain("reset-pw-1");
  }

  @Test
  void aMembershipChangeThroughTheJavaApiIsAuditedToo() {
    // the attack model made olivia an administrator through identityService and left no trace;
    // models cannot reach it any more, and the application's own code is audited like REST
    String user = ProbeUsers.create(identityService, "java-idm-" + suffix(), "pw", "production");
    long before = auditTrail.head().lastSeq();

    identityService.createMembership(user, "qa");
    identityService.deleteMembership(user, "qa");

    assertThat(eventsSince(before, null))
        .filteredOn(e -> user.equals(e.details().get("userId")))
        .extracting(StoredAuditEvent::type)
        .containsExactly(AuditEventTypes.MEMBERSHIP_CREATED, AuditEventTypes.MEMBERSHIP_DELETED);
  }

  @Test
  void aManifestKeepsTheNameRecordedAtSigningAndTheRenameIsAudited() {
    Deployment deployment = ComplianceFixture.deploy(repositoryService);
    try {
      String signer = ProbeUsers.create(identityService, "rename-signer-" + suffix(), "pw", "qa");
      String businessKey = "DEV-REN-" + suffix();
      Task closure = closureClaimedBy(signer, businessKey);

      ResponseEntity<String> signed =
          rest.withBasicAuth(signer, "pw")
              .postForEntity(
                  "/api/tasks/" + closure.getId() + "/signature",
                  Map.of(
                      "password",
                      "pw",
                      "meaning",
                      "Deviation closure approved",
                      "variables",
                      Map.of("closureComment", "All CAPAs verified")),
                  String.class);
      assertThat(signed.getStatusCode()).as(signed.getBody()).isEqualTo(HttpStatus.CREATED);
      JsonNode manifest = json(signed);
      StoredAuditEvent signature =
          auditTrail.find(manifest.path("auditSeq").asLong()).orElseThrow();
      assertThat(manifest.path("signerName").asText())
          .isEqualTo("Probe " + signer)
          .isEqualTo(signature.details().get("signerName"));

      long before = auditTrail.head().lastSeq();
      assertThat(
              http.put(
                      "admin",
                      "/engine-rest/user/" + signer + "/profile",
                      "{\"id\": \""
                          + signer
                          + "\","
                          + " \"firstName\": \"Quinn\", \"lastName\": \"Quality\"}")
                  .getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);

      assertThat(eventsSince(before, AuditEventTypes.USER_UPDATED))
          .singleElement()
          .satisfies(
              rename -> {
                assertThat(rename.actor()).isEqualTo("admin");
                assertThat(rename.details())
                    .containsEntry("oldName", "Probe " + signer)
                    .containsEntry("newName", "Quinn Quality");
              });
      JsonNode manifests = json(http.get("quinn", "/api/signatures?businessKey=" + businessKey));
      assertThat(manifests.get(0).path("signerName").asText()).isEqualTo("Probe " + signer);
    } finally {
      Fixtures.undeploy(repositoryService, deployment);
    }
  }

  private Task closureClaimedBy(String signer, String businessKey) {
    Task closure = ComplianceFixture.closureOfNewCase(runtimeService, taskService, businessKey);
    taskService.claim(closure.getId(), signer);
    return closure;
  }

  private void assertReadOnlyOnThemselves(String user) {
    Authorization own =
        authorizationService
            .createAuthorizationQuery()
            .userIdIn(user)
            .resourceType(Resources.USER)
            .resourceId(user)
            .singleResult();
    assertThat(own.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(own.isPermissionGranted(Permissions.UPDATE)).isFalse();
    assertThat(own.isPermissionGranted(Permissions.DELETE)).isFalse();
  }

  /** Audit events after {@code seq}, of one type or (null) all. */
  private List<StoredAuditEvent> eventsSince(long seq, String type) {
    return jdbc
        .queryForList(
            "select seq from gxp_audit_event where seq > ?"
                + (type == null ? "" : " and event_type = ?")
                + " order by seq",
            Long.class,
            type == null ? new Object[] {seq} : new Object[] {seq, type})
        .stream()
        .map(found -> auditTrail.find(found).orElseThrow())
        .toList();
  }

  private static HttpEntity<String> jsonEntity(String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(json, headers);
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
