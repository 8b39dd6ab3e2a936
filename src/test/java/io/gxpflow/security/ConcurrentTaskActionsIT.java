package io.gxpflow.security;

import static io.gxpflow.security.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.RestClientForUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Issue 10, point 8: two users claiming, completing or signing the same task at the same moment.
 * One wins; the other gets a 4xx problem detail — 409 for the conflict, 404 or 403 when the
 * winner's commit already removed the task — never the 500 of an OptimisticLockingException or a
 * TaskAlreadyClaimedException.
 */
@IntegrationTest
class ConcurrentTaskActionsIT {

  static final int ROUNDS = 4;

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  RestClientForUsers http;
  Deployment deployment;
  ExecutorService pool;
  String secondSigner;
  Authorization readModel;

  @BeforeEach
  void deploy() {
    http = new RestClientForUsers(rest);
    deployment = Fixtures.deploy(repositoryService, "fixtures/security/security-race.bpmn");
    pool = Executors.newFixedThreadPool(2);
    secondSigner = "race-qa-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(secondSigner);
    user.setFirstName("Race");
    user.setLastName("Signer");
    user.setPassword(secondSigner);
    identityService.saveUser(user);
    identityService.createMembership(secondSigner, "qa");
    // QA reads the signature step's model (its meaning) as it would for a process of the contract
    readModel = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    readModel.setGroupId("qa");
    readModel.setResource(Resources.PROCESS_DEFINITION);
    readModel.setResourceId("security-race");
    readModel.addPermission(Permissions.READ);
    readModel = authorizationService.saveAuthorization(readModel);
  }

  @AfterEach
  void undeploy() {
    pool.shutdownNow();
    authorizationService.deleteAuthorization(readModel.getId());
    identityService.deleteUser(secondSigner);
    Fixtures.undeploy(repositoryService, deployment);
  }

  @Test
  void twoUsersClaimingTheSameTaskAtOnce() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String task = workTask();
      assertOneWinsOneConflicts(
          race(
              user ->
                  http.post(
                      user,
                      "/engine-rest/task/" + task + "/claim",
                      "{\"userId\": \"" + user + "\"}"),
              "paul",
              "ivan"));
    }
  }

  @Test
  void twoUsersCompletingTheSameTaskAtOnce() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String task = workTask();
      assertOneWinsOneConflicts(
          race(
              user -> http.post(user, "/engine-rest/task/" + task + "/complete", "{}"),
              "paul",
              "ivan"));
    }
  }

  @Test
  void twoUsersSigningTheSameTaskAtOnce() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String instance = runtimeService.startProcessInstanceByKey("security-race").getId();
      taskService.complete(
          taskService.createTaskQuery().processInstanceId(instance).singleResult().getId());
      String task =
          taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
      assertOneWinsOneConflicts(
          race(
              user ->
                  http.post(
                      user,
                      "/api/tasks/" + task + "/signature",
                      "{\"password\": \""
                          + user
                          + "\", \"meaning\": \"Race approved\", \"variables\": {}}"),
              "quinn",
              secondSigner));
    }
  }

  private String workTask() {
    String instance = runtimeService.startProcessInstanceByKey("security-race").getId();
    return taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  /** Both users act at the same moment (as far as two threads can). */
  private List<ResponseEntity<String>> race(
      Function<String, ResponseEntity<String>> action, String... users) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
    for (String user : users) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return action.apply(user);
              }));
    }
    start.countDown();
    List<ResponseEntity<String>> responses = new ArrayList<>();
    for (Future<ResponseEntity<String>> future : futures) {
      responses.add(future.get());
    }
    return responses;
  }

  private static void assertOneWinsOneConflicts(List<ResponseEntity<String>> responses) {
    assertThat(responses)
        .as(responses.toString())
        .noneMatch(r -> r.getStatusCode().is5xxServerError());
    assertThat(responses)
        .as(responses.toString())
        .filteredOn(r -> r.getStatusCode().is2xxSuccessful())
        .hasSize(1);
    ResponseEntity<String> loser =
        responses.stream()
            .filter(r -> !r.getStatusCode().is2xxSuccessful())
            .findFirst()
            .orElseThrow();
    // 403 too: the winner's commit deleted the task together with the loser's right to work on it
    assertThat(loser.getStatusCode().value()).as(loser.getBody()).isIn(403, 404, 409);
    problem(loser);
  }
}
