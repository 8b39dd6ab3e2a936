package io.gxpflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.compliance.audit.AuditVerification;
import io.gxpflow.compliance.audit.VerificationResult;
import io.gxpflow.identity.GxpGroup;
import io.gxpflow.support.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default as {@code ./mvnw spring-boot:run} runs it: demo profile, H2 file database.
 * Stop and start again: instances and tasks are still there, and the start-up seeding added nothing
 * twice.
 */
// stops an application of its own: after it the shared app's webapps see a closed engine
// (junit-platform.properties)
@Order(Integer.MAX_VALUE)
class EmbeddedDefaultRestartIT {

  @Test
  void aRestartKeepsInstancesTasksAndSeedsNothingTwice() throws Exception {
    Path dataDir =
        Files.createDirectories(Path.of("target", "restart-it"))
            .resolve("run-" + System.nanoTime());
    String processInstanceId;
    String taskId;
    long authorizations;
    long filters;
    long users;

    try (ConfigurableApplicationContext first = start(dataDir)) {
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      Fixtures.deploy(engine.getRepositoryService(), "fixtures/access/mlr-review.bpmn");
      ProcessInstance instance =
          engine.getRuntimeService().startProcessInstanceByKey("mlr-review", "MLR-2026-0042");
      processInstanceId = instance.getId();
      taskId =
          engine
              .getTaskService()
              .createTaskQuery()
              .processInstanceId(processInstanceId)
              .singleResult()
              .getId();
      authorizations = first.getBean(AuthorizationService.class).createAuthorizationQuery().count();
      filters = first.getBean(FilterService.class).createFilterQuery().count();
      users = first.getBean(IdentityService.class).createUserQuery().count();
      assertThat(simulatorBeans(first)).contains("mesSimulator", "simulatorConfiguration");
    }
    assertThat(dataDir.resolve("gxpflow.mv.db")).exists();
    // no checkpoint key configured: one was generated next to the database, owner-only, and the
    // shutdown wrote a
    // keyed checkpoint outside the database
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve("audit-checkpoint.key"))))
        .isEqualTo("rw-------");
    assertThat(Files.readString(dataDir.resolve("audit-checkpoints.log")))
        .contains("AUDIT-CHECKPOINT seq=");

    try (ConfigurableApplicationContext second = start(dataDir)) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      assertThat(
              engine
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processInstanceId(processInstanceId)
                  .processInstanceBusinessKey("MLR-2026-0042")
                  .count())
          .isOne();
      Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
      assertThat(task.getName()).isEqualTo("Medical review");
      assertThat(
              engine
                  .getTaskService()
                  .createTaskQuery()
                  .taskId(taskId)
                  .taskCandidateGroup(GxpGroup.MLR_MEDICAL.id())
                  .count())
          .isOne();

      // the same key read back from the file: the first run's checkpoints still verify
      VerificationResult verification = second.getBean(AuditVerification.class).verify();
      assertThat(verification.isOk()).as("%s", verification).isTrue();
      assertThat(verification.checkpoints()).isPositive();

      assertThat(second.getBean(AuthorizationService.class).createAuthorizationQuery().count())
          .isEqualTo(authorizations);
      assertThat(second.getBean(FilterService.class).createFilterQuery().count())
          .isEqualTo(filters);
      assertThat(second.getBean(IdentityService.class).createUserQuery().count())
          .isEqualTo(users)
          .isEqualTo(GxpGroup.values().length);
    }
  }

  @Test
  void withoutTheDemoProfileThereAreNoDemoUsersButGroupsGrantsAndQueuesAreInPlace()
      throws Exception {
    try (ConfigurableApplicationContext noDemo =
        start("no-demo", "jdbc:h2:mem:no-demo-" + System.nanoTime())) {
      IdentityService identityService = noDemo.getBean(IdentityService.class);
      assertThat(identityService.createUserQuery().count()).isZero();
      assertThat(identityService.createGroupQuery().count()).isEqualTo(GxpGroup.values().length);
      assertThat(
              noDemo
                  .getBean(AuthorizationService.class)
                  .createAuthorizationQuery()
                  .groupIdIn(GxpGroup.OPS.id())
                  .count())
          .isPositive();
      // a queue per working group, one My tasks for everyone and QA's All open tasks
      assertThat(noDemo.getBean(FilterService.class).createFilterQuery().count())
          .isEqualTo(Arrays.stream(GxpGroup.values()).filter(GxpGroup::doesTaskWork).count() + 2);

      // the simulated MES, QMS and CRM are the demo's: not one of their beans, and /sim/** is
      // refused
      assertThat(simulatorBeans(noDemo)).isEmpty();
      int port = ((WebServerApplicationContext) noDemo).getWebServer().getPort();
      HttpResponse<String> record =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://localhost:" + port + "/sim/mes/batches/B-2026-0042/record"))
                      .header("X-Api-Key", "demo-simulator-key")
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(record.statusCode()).isEqualTo(403);
    }
  }

  private static List<String> simulatorBeans(ConfigurableApplicationContext context) {
    return Arrays.stream(context.getBeanDefinitionNames())
        .filter(
            name -> {
              Class<?> type = context.getType(name);
              return type != null && type.getPackageName().startsWith("io.gxpflow.simulator");
            })
        .toList();
  }

  private static ConfigurableApplicationContext start(Path dataDir) {
    return start(
        "demo",
        "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("gxpflow") + ";DB_CLOSE_ON_EXIT=FALSE",
        dataDir);
  }

  private static ConfigurableApplicationContext start(String profiles, String databaseUrl) {
    return start(
        profiles, databaseUrl, Path.of("target", "restart-it", "checkpoints-" + System.nanoTime()));
  }

  private static ConfigurableApplicationContext start(
      String profiles, String databaseUrl, Path checkpointDir) {
    return new SpringApplicationBuilder(GxpFlowApplication.class)
        .run(
            // the audit checkpoint key and file next to the database, not in the project's ./data
            "--gxpflow.audit.checkpoint.directory=" + checkpointDir.toAbsolutePath(),
            // command-line arguments win over the build's spring.profiles.active: this is the
            // embedded default
            "--spring.profiles.active=" + profiles,
            "--spring.datasource.url=" + databaseUrl,
            "--server.port=0",
            // a name of its own, so this engine does not replace the shared test context's
            // "default" engine
            "--camunda.bpm.process-engine-name=restart-check",
            "--spring.main.banner-mode=off");
  }
}
