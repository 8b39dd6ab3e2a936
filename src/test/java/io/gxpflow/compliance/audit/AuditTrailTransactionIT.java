package io.gxpflow.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gxpflow.support.Fixtures;
import io.gxpflow.support.IntegrationTest;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Which transaction an event belongs to: the caller's, the engine command's, or its own. */
@IntegrationTest
class AuditTrailTransactionIT {

  static final String PROCESS = "audit-transaction-check";

  @Autowired AuditTrail auditTrail;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  TransactionTemplate transaction;
  Deployment deployment;
  final String businessKey = "AUDIT-TX-" + UUID.randomUUID();

  @BeforeEach
  void setUp() {
    transaction = new TransactionTemplate(transactionManager);
    deployment = Fixtures.deploy(repositoryService, "fixtures/audit/audit-transaction-check.bpmn");
  }

  @AfterEach
  void tearDown() {
    Fixtures.undeploy(repositoryService, deployment);
  }

  @Test
  void recordJoinsTheCallersTransactionAndARollbackLeavesNoGap() {
    ChainHead before = auditTrail.head();

    transaction.executeWithoutResult(
        status -> {
          auditTrail.record(event(AuditEventTypes.TASK_CLAIMED));
          auditTrail.record(event(AuditEventTypes.TASK_ASSIGNED));
          status.setRollbackOnly();
        });

    assertThat(auditTrail.findByBusinessKey(businessKey)).isEmpty();
    assertThat(auditTrail.head()).isEqualTo(before);
    StoredAuditEvent next = auditTrail.record(event(AuditEventTypes.TASK_COMPLETED));
    assertThat(next.seq()).isEqualTo(before.lastSeq() + 1);
    assertThat(next.previousHash()).isEqualTo(before.lastHash());
  }

  @Test
  void recordWithoutATransactionCommitsOnItsOwn() {
    StoredAuditEvent stored = auditTrail.record(event(AuditEventTypes.DUE_DATE_CHANGED));

    assertThat(auditTrail.findByBusinessKey(businessKey)).containsExactly(stored);
    assertThat(auditTrail.head()).isEqualTo(new ChainHead(stored.seq(), stored.hash()));
  }

  @Test
  void anEventRecordedInsideAnEngineCommandCommitsOrRollsBackWithTheEngineChange() {
    CommandExecutor engineCommand =
        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();

    assertThatThrownBy(
            () ->
                engineCommand.execute(
                    commandContext -> {
                      ProcessInstance instance =
                          runtimeService.startProcessInstanceByKey(PROCESS, businessKey);
                      auditTrail.record(event(AuditEventTypes.PROCESS_STARTED, instance.getId()));
                      throw new IllegalStateException(
                          "the engine command fails after the audit event");
                    }))
        .hasMessageContaining("fails after the audit event");

    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .count())
        .isZero();
    assertThat(auditTrail.findByBusinessKey(businessKey)).isEmpty();

    String instanceId =
        engineCommand.execute(
            commandContext -> {
              ProcessInstance instance =
                  runtimeService.startProcessInstanceByKey(PROCESS, businessKey);
              auditTrail.record(event(AuditEventTypes.PROCESS_STARTED, instance.getId()));
              return instance.getId();
            });

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count())
        .isOne();
    // the engine audits the start itself too; the test's own event is the one without details
    assertThat(auditTrail.findByProcessInstanceId(instanceId))
        .filteredOn(e -> e.details().isEmpty())
        .extracting(StoredAuditEvent::type)
        .containsExactly(AuditEventTypes.PROCESS_STARTED);
  }

  @Test
  void recordIndependentlyOutlivesTheRefusedOperation() {
    assertThatThrownBy(
            () ->
                transaction.executeWithoutResult(
                    status -> {
                      auditTrail.recordIndependently(event(AuditEventTypes.SIGNATURE_FAILED));
                      throw new IllegalStateException("signature refused");
                    }))
        .hasMessage("signature refused");

    assertThat(auditTrail.findByBusinessKey(businessKey))
        .extracting(StoredAuditEvent::type)
        .containsExactly(AuditEventTypes.SIGNATURE_FAILED);
  }

  @Test
  void recordIndependentlyAfterRecordInTheSameTransactionIsRefusedInsteadOfWaitingForever() {
    ChainHead before = auditTrail.head();

    assertThatThrownBy(
            () ->
                transaction.executeWithoutResult(
                    status -> {
                      auditTrail.record(event(AuditEventTypes.TASK_COMPLETED));
                      auditTrail.recordIndependently(event(AuditEventTypes.SOD_VIOLATION));
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("holds the audit chain lock");

    assertThat(auditTrail.findByBusinessKey(businessKey)).isEmpty();
    assertThat(auditTrail.head()).isEqualTo(before);
    // and once that transaction is over, an independent event goes through
    transaction.executeWithoutResult(
        status -> auditTrail.recordIndependently(event(AuditEventTypes.SOD_VIOLATION)));
    assertThat(auditTrail.findByBusinessKey(businessKey)).hasSize(1);
  }

  @Test
  void recordIndependentlyWorksFromAnAfterCompletionCallbackOfATransactionThatRecorded() {
    // as Camunda's COMMITTED / ROLLED_BACK transaction listeners run: Spring after-completion
    // callbacks
    transaction.executeWithoutResult(
        status -> {
          auditTrail.record(event(AuditEventTypes.TASK_COMPLETED));
          TransactionSynchronizationManager.registerSynchronization(
              new TransactionSynchronization() {
                @Override
                public void afterCompletion(int completion) {
                  auditTrail.recordIndependently(event(AuditEventTypes.SIGNATURE_FAILED));
                }
              });
          status.setRollbackOnly();
        });

    assertThat(auditTrail.findByBusinessKey(businessKey))
        .extracting(StoredAuditEvent::type)
        .containsExactly(AuditEventTypes.SIGNATURE_FAILED);
  }

  @Test
  void recordIndependentlyBeforeRecordInTheSameTransactionWorks() {
    transaction.executeWithoutResult(
        status -> {
          auditTrail.recordIndependently(event(AuditEventTypes.SIGNATURE));
          auditTrail.record(event(AuditEventTypes.TASK_COMPLETED));
        });

    assertThat(auditTrail.findByBusinessKey(businessKey))
        .extracting(StoredAuditEvent::type)
        .containsExactly(AuditEventTypes.SIGNATURE, AuditEventTypes.TASK_COMPLETED);
  }

  private AuditEvent event(String type) {
    return AuditEvent.builder(type, "quinn").businessKey(businessKey).build();
  }

  private AuditEvent event(String type, String processInstanceId) {
    return AuditEvent.builder(type, AuditEvent.SYSTEM)
        .businessKey(businessKey)
        .processInstanceId(processInstanceId)
        .processDefinitionKey(PROCESS)
        .build();
  }
}
