package io.gxpflow.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.simulator.CrmSimulator;
import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The crmPublishContent delegate in a service task, calling the CRM over real HTTP (the app's own
 * simulator): the content is distributed and audited, and an expired piece is a BPMN error the
 * model catches.
 */
@IntegrationTest
class CrmAdapterIT {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired AuditTrail auditTrail;
  @Autowired CrmSimulator crm;
  Deployment deployment;

  @BeforeEach
  void deploy() {
    deployment = Fixtures.deploy(repositoryService, "fixtures/integration/crm-publish.bpmn");
  }

  @AfterEach
  void undeploy() {
    Fixtures.undeploy(repositoryService, deployment);
  }

  @Test
  void approvedContentIsPublishedInTheCrmOverHttpAndTheCallIsAudited() {
    String contentId = "MLR-IT-" + UUID.randomUUID().toString().substring(0, 8);
    String instance = start(contentId, LocalDate.now().plusMonths(6));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> task(instance, "ConfirmDistribution") != null);

    String distributionId = (String) runtimeService.getVariable(instance, "crmDistributionId");
    assertThat(distributionId).startsWith("DIST-");
    assertThat(crm.content(contentId).orElseThrow().path("distributionId").asText())
        .isEqualTo(distributionId);
    assertThat(crm.content(contentId).orElseThrow().path("channels").toString())
        .isEqualTo("[\"email\",\"web\"]");
    // the call is audited in a transaction of its own right after the job's commit
    // (IndependentAudit), so that a
    // refused or failed call is kept even when the job rolls back: it may land a moment after the
    // next task
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(systemCalls(contentId))
                    .singleElement()
                    .satisfies(
                        call ->
                            assertThat(call.details())
                                .containsEntry("system", "CRM")
                                .containsEntry("operation", "publish-content")
                                .containsEntry("outcome", "OK")
                                .containsEntry("idempotencyKey", instance + ":PublishToCrm")));
  }

  @Test
  void expiredContentIsABusinessErrorTheModelCatches() {
    String contentId = "MLR-IT-" + UUID.randomUUID().toString().substring(0, 8);
    String instance = start(contentId, LocalDate.now().minusDays(3));

    await().atMost(Duration.ofSeconds(30)).until(() -> task(instance, "ReviseExpiry") != null);

    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
    assertThat(crm.content(contentId)).isEmpty();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(systemCalls(contentId))
                    .singleElement()
                    .satisfies(
                        call -> assertThat(call.details()).containsEntry("outcome", "REJECTED")));
  }

  /**
   * The content id is the business key: the delegate falls back to it without a contentId variable.
   */
  private String start(String contentId, LocalDate expiry) {
    return runtimeService
        .startProcessInstanceByKey(
            "crm-publish-fixture",
            contentId,
            Map.of(
                "contentVersion",
                1,
                "contentTitle",
                "Dosing leaflet",
                "channels",
                "email, web",
                "markets",
                List.of("CH", "DE"),
                "expiryDate",
                expiry.toString()))
        .getId();
  }

  private Task task(String instance, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance)
        .taskDefinitionKey(key)
        .singleResult();
  }

  private List<StoredAuditEvent> systemCalls(String businessKey) {
    return auditTrail.findByBusinessKey(businessKey).stream()
        .filter(event -> event.type().equals(AuditEventTypes.SYSTEM_CALL))
        .toList();
  }
}
