package io.gxpflow.compliance.start;

import io.gxpflow.compliance.ComplianceRefusal;
import io.gxpflow.compliance.InvalidTaskInput;
import io.gxpflow.compliance.ProblemType;
import io.gxpflow.compliance.tasks.DeployedForms;
import io.gxpflow.compliance.tasks.SubmittedValues;
import io.gxpflow.compliance.tasks.UserTaskRules;
import io.gxpflow.compliance.validation.CamundaForm;
import io.gxpflow.compliance.validation.DynamicValues;
import io.gxpflow.compliance.validation.FieldViolation;
import io.gxpflow.compliance.validation.ModelConstraints;
import io.gxpflow.compliance.validation.TaskInputSpec;
import io.gxpflow.compliance.validation.TaskInputValidator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;

/**
 * What every process start must pass, however it arrives (REST {@code /start} and {@code
 * /submit-form}, a message, the Java API): starting part-way is for administrators, the start
 * variables must be what the start event declares, and a business key names one running case.
 * Called inside an engine command, before the instance exists, so a refusal leaves nothing behind.
 */
public final class StartGuard {

  /**
   * The rule a problem detail names when a non-administrator tries to start part-way or rewrite an
   * instance.
   */
  public static final ProblemType ADMIN_ONLY_RULE = ProblemType.PROCESS_START_ADMIN_ONLY;

  private final TaskInputValidator validator = new TaskInputValidator();

  /**
   * Start instructions, skipping listeners or input/output mappings, modification and restart
   * bypass the model's own controls (QA, signatures): {@code camunda-admin} only. The application
   * itself (no user) may.
   */
  public void requireAdministrator(CommandContext context, String what) {
    Authentication user = context.getAuthentication();
    if (user == null
        || user.getUserId() == null
        || context.getAuthorizationManager().isCamundaAdmin(user)) {
      return;
    }
    throw new ComplianceRefusal(
        ADMIN_ONLY_RULE,
        what
            + " is reserved to camunda-admin: a process runs from its "
            + "start event through every step of its model");
  }

  /**
   * A start by the initial or a message start event ({@code startEventId}; null for a part-way
   * start, which has no start input): the right to start first, so a user who may not start learns
   * nothing about the form; then the input; then the business key.
   */
  public void checkStart(
      CommandContext context,
      ProcessDefinitionEntity definition,
      String startEventId,
      Map<String, ?> variables,
      boolean complete,
      String businessKey) {
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkCreateProcessInstance(definition);
    }
    if (startEventId != null) {
      checkInput(context, definition, startEventId, variables, complete);
    }
    checkBusinessKey(context, definition, businessKey);
  }

  /**
   * The variables of a start checked as task input is: against the Camunda Form of the start event
   * and its {@code validate.*} properties. A start event that declares neither is not checked.
   * {@code complete}: the required fields too (a form submission, or a start by a person or a
   * system rather than by the application).
   */
  void checkInput(
      CommandContext context,
      ProcessDefinitionEntity definition,
      String startEventId,
      Map<String, ?> variables,
      boolean complete) {
    BpmnModelInstance model =
        context
            .getProcessEngineConfiguration()
            .getDeploymentCache()
            .findBpmnModelInstanceForProcessDefinition(definition.getId());
    if (model == null || !(model.getModelElementById(startEventId) instanceof StartEvent start)) {
      return;
    }
    ModelConstraints constraints = ModelConstraints.from(UserTaskRules.of(start).properties());
    CamundaForm form =
        start.getCamundaFormRef() == null
            ? null
            : DeployedForms.ofStart(
                context, definition.getId(), startEventId, start.getCamundaFormRefBinding());
    if (form == null && constraints.isEmpty()) {
      return;
    }
    TaskInputSpec spec = TaskInputSpec.of(form, constraints);
    Map<String, Object> submitted = SubmittedValues.plain(variables == null ? Map.of() : variables);
    List<FieldViolation> violations =
        validator.validate(spec, submitted, Map.of(), DynamicValues.fromVariables(spec, Map.of()));
    if (!complete) {
      violations =
          violations.stream()
              .filter(violation -> submitted.containsKey(violation.variable()))
              .toList();
    }
    if (!violations.isEmpty()) {
      throw InvalidTaskInput.startForm(definition.getId(), violations);
    }
  }

  /** A business key names one case: no second running instance of the same process with it. */
  void checkBusinessKey(
      CommandContext context, ProcessDefinitionEntity definition, String businessKey) {
    if (businessKey == null) {
      return;
    }
    // every instance counts, also those the caller may not read (a bridge has no READ on instances)
    ProcessInstanceQueryImpl sameKey = new ProcessInstanceQueryImpl();
    sameKey.processDefinitionKey(definition.getKey()).processInstanceBusinessKey(businessKey);
    long running = context.runWithoutAuthorization(() -> sameKey.executeCount(context));
    if (running > 0) {
      throw new BusinessKeyInUse(definition.getKey(), businessKey);
    }
  }
}
