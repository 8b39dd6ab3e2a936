package io.gxpflow.compliance.engine;

import io.gxpflow.compliance.IndependentAudit;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.jobs.GxpManagementService;
import io.gxpflow.compliance.sod.SegregationOfDuties;
import io.gxpflow.compliance.start.GxpRuntimeService;
import io.gxpflow.compliance.tasks.ComplianceTaskListener;
import io.gxpflow.compliance.tasks.GxpFormService;
import io.gxpflow.compliance.tasks.GxpTaskService;
import io.gxpflow.compliance.tasks.TaskInputCheck;
import io.gxpflow.compliance.tasks.UserTaskListenerParseListener;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Wires the compliance layer into the engine (the starter applies every ProcessEnginePlugin bean):
 * the guarded Task/Form/Runtime/Management services (task work, process starts, jobs), the listener
 * on every user task, audit of history events and of deployments.
 */
@Component
public class ComplianceEnginePlugin extends AbstractProcessEnginePlugin {

  private final AuditTrail auditTrail;
  private final IndependentAudit independentAudit;
  private final TaskInputCheck inputCheck;

  public ComplianceEnginePlugin(
      AuditTrail auditTrail, IndependentAudit independentAudit, TaskInputCheck inputCheck) {
    this.auditTrail = auditTrail;
    this.independentAudit = independentAudit;
    this.inputCheck = inputCheck;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    SegregationOfDuties segregation = new SegregationOfDuties(independentAudit);
    GxpTaskService taskService = new GxpTaskService(inputCheck, segregation, auditTrail);
    configuration.setTaskService(taskService);
    GxpRuntimeService runtimeService = new GxpRuntimeService();
    configuration.setRuntimeService(runtimeService);
    configuration.setFormService(new GxpFormService(taskService, runtimeService.guard()));
    configuration.setManagementService(new GxpManagementService(configuration));

    // refusals are answers to users, not errors: logged by CommandFailureLogging instead
    configuration.setEnableCmdExceptionLogging(false);
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new CommandFailureLogging());
    if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequiresNew(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(new CommandFailureLogging());

    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration
        .getCustomPostBPMNParseListeners()
        .add(
            new UserTaskListenerParseListener(new ComplianceTaskListener(auditTrail, segregation)));

    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    ProcessStartAudit starts = new ProcessStartAudit(auditTrail);
    configuration.getCustomPostBPMNParseListeners().add(starts);
    configuration
        .getCustomHistoryEventHandlers()
        .add(new AuditHistoryEventHandler(auditTrail, starts));

    if (configuration.getCustomPostDeployers() == null) {
      configuration.setCustomPostDeployers(new ArrayList<>());
    }
    configuration.getCustomPostDeployers().add(new DeploymentAuditor(auditTrail));
  }
}
