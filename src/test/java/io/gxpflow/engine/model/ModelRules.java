package io.gxpflow.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.compliance.sod.SegregationOfDuties;
import io.gxpflow.compliance.tasks.UserTaskRules;
import io.gxpflow.compliance.validation.CamundaForm;
import io.gxpflow.compliance.validation.ModelConstraints;
import io.gxpflow.compliance.validation.TaskInputSpec;
import io.gxpflow.identity.GxpGroup;
import io.gxpflow.integration.connect.SystemConnectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ManualTask;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConnector;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * GxP rules every BPMN/DMN model of the project must follow, checked with Camunda's model API only
 * (no engine, no Spring), so a model that breaks a rule fails the build before it is ever deployed.
 *
 * <pre>
 * ModelRules rules = new ModelRules(Path.of("forms"));
 * List&lt;ModelRuleViolation&gt; violations = rules.check(Path.of("bpmn/mlr-review.bpmn"));
 * </pre>
 */
public final class ModelRules {

  public static final String HISTORY_TTL = "history-ttl";
  public static final String USER_TASK_NAME = "user-task-name";
  public static final String USER_TASK_CANDIDATE_GROUPS = "user-task-candidate-groups";
  public static final String USER_TASK_FORM = "user-task-form";
  public static final String USER_TASK_DUE_DATE = "user-task-due-date";
  public static final String EXTERNAL_CALL_ASYNC = "external-call-async";
  public static final String EXTERNAL_CALL_SYSTEM = "external-call-system";

  /**
   * The file cannot be read as BPMN/DMN at all (not XML, not schema-valid): nothing else can be
   * checked.
   */
  public static final String MODEL_READABLE = "model-readable";

  public static final String COMPLIANCE_PROPERTIES = "compliance-properties";
  public static final String CONNECTOR = "connector";

  /**
   * The groups of the authorization contract; anything else would be a group nobody is a member of.
   */
  public static final Set<String> CONTRACT_GROUPS =
      Arrays.stream(GxpGroup.values())
          .filter(GxpGroup::isPeople)
          .map(GxpGroup::id)
          .collect(Collectors.toUnmodifiableSet());

  /** Values allowed in {@code <camunda:property name="gxp.system" value="..."/>}. */
  public static final Set<String> EXTERNAL_SYSTEMS = Set.of("MES", "QMS", "CRM", "LIMS");

  public static final String GXP_SYSTEM_PROPERTY = "gxp.system";

  /**
   * A bean reference such as {@code mesSetBatchStatus} or {@code qmsClient} (not a property after a
   * dot, not in quotes).
   */
  private static final Pattern EXTERNAL_BEAN =
      Pattern.compile("(?<![\\w.'\"])((?:mes|qms|crm|lims)[A-Z]\\w*)");

  /** historyTimeToLive as Camunda accepts it: a number of days or an ISO-8601 duration in days. */
  private static final Pattern TTL_DAYS = Pattern.compile("(\\d{1,9})|P(\\d{1,9})D");

  private static final String CAMUNDA_NS = BpmnModelConstants.CAMUNDA_NS;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Form id (top-level {@code "id"} of a {@code .form} file) to the file that defines it. */
  private final Map<String, Path> formsById;

  /**
   * @param formsFolder folder holding the Camunda Forms ({@code *.form}, searched recursively, as
   *     they are deployed); a missing folder means "no forms", so every form reference is reported
   */
  public ModelRules(Path formsFolder) {
    this.formsById = loadForms(formsFolder);
  }

  /**
   * Checks one {@code .bpmn} or {@code .dmn} file; an empty list means the model follows every
   * rule.
   */
  public List<ModelRuleViolation> check(Path modelFile) {
    String name = modelFile.getFileName().toString();
    Report report = new Report(name);
    if (name.endsWith(".bpmn")) {
      BpmnModelInstance model = readBpmn(modelFile, report);
      if (model != null) {
        checkBpmn(model, report);
      }
    } else if (name.endsWith(".dmn")) {
      DmnModelInstance model = readDmn(modelFile, report);
      if (model != null) {
        checkDmn(model, report);
      }
    } else {
      throw new IllegalArgumentException("Not a .bpmn or .dmn file: " + modelFile);
    }
    return List.copyOf(report.violations);
  }

  private void checkBpmn(BpmnModelInstance model, Report report) {
    for (Process process : model.getModelElementsByType(Process.class)) {
      processHistoryTimeToLive(process, report);
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      userTaskName(task, report);
      userTaskCandidateGroups(task, report);
      userTaskForm(task, report);
      userTaskDueDate(task, report);
      complianceProperties(task, report);
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      startEventForm(start, report);
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      externalCallSystem(node, report);
      externalCallAsync(node, report);
      connector(node, report);
    }
  }

  private void checkDmn(DmnModelInstance model, Report report) {
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      decisionHistoryTimeToLive(decision, report);
    }
  }

  // --- history-ttl
  // ------------------------------------------------------------------------------------------
  // Retention: history (who did what, when, which decision came out) is the electronic record. Its
  // retention must
  // be a deliberate, reviewed value on every definition, never the engine default or "keep forever
  // by accident",
  // and never 0 days, which would let the history cleanup delete the record right away.

  private void processHistoryTimeToLive(Process process, Report report) {
    if (process.isExecutable()) {
      historyTimeToLive(
          process.getId(), "process", process.getCamundaHistoryTimeToLiveString(), report);
    }
  }

  private void decisionHistoryTimeToLive(Decision decision, Report report) {
    historyTimeToLive(
        decision.getId(), "decision", decision.getCamundaHistoryTimeToLiveString(), report);
  }

  private void historyTimeToLive(String elementId, String kind, String ttl, Report report) {
    if (isBlank(ttl)) {
      report.add(
          elementId,
          HISTORY_TTL,
          "executable " + kind + " has no camunda:historyTimeToLive (retention in days)");
      return;
    }
    Matcher days = TTL_DAYS.matcher(ttl.trim());
    if (!days.matches()
        || Long.parseLong(days.group(1) != null ? days.group(1) : days.group(2)) <= 0) {
      report.add(
          elementId,
          HISTORY_TTL,
          kind
              + " camunda:historyTimeToLive='"
              + ttl
              + "' is not a positive number of days (e.g. 3650 or P3650D)");
    }
  }

  // --- user-task-name
  // ---------------------------------------------------------------------------------------
  // Accountability: the audit trail and Tasklist show what a person did by the task name; an
  // unnamed task makes an
  // entry like "completed Activity_0x1y2z" that no reviewer or inspector can understand.

  private void userTaskName(UserTask task, Report report) {
    if (isBlank(task.getName())) {
      report.add(task.getId(), USER_TASK_NAME, "user task has no name");
    }
  }

  // --- user-task-candidate-groups
  // ---------------------------------------------------------------------------
  // Accountability / segregation of duties: who may do a task is part of the validated process, so
  // it must be a
  // literal list of contract groups that a reviewer (and this rule) can read, not an expression
  // resolved at runtime.

  private void userTaskCandidateGroups(UserTask task, Report report) {
    String groups = task.getCamundaCandidateGroups();
    if (isBlank(groups)) {
      report.add(
          task.getId(), USER_TASK_CANDIDATE_GROUPS, "user task has no camunda:candidateGroups");
      return;
    }
    if (groups.contains("${") || groups.contains("#{")) {
      report.add(
          task.getId(),
          USER_TASK_CANDIDATE_GROUPS,
          "camunda:candidateGroups='"
              + groups
              + "' is an expression; list the contract groups literally");
      return;
    }
    List<String> entries = Arrays.stream(groups.split(",", -1)).map(String::trim).toList();
    if (entries.contains("")) {
      report.add(
          task.getId(),
          USER_TASK_CANDIDATE_GROUPS,
          "camunda:candidateGroups='" + groups + "' has an empty entry");
    }
    List<String> unknown =
        entries.stream().filter(g -> !g.isEmpty() && !CONTRACT_GROUPS.contains(g)).toList();
    if (!unknown.isEmpty()) {
      report.add(
          task.getId(),
          USER_TASK_CANDIDATE_GROUPS,
          "camunda:candidateGroups has groups outside the contract "
              + unknown
              + "; allowed: "
              + CONTRACT_GROUPS.stream().sorted().toList());
    }
  }

  // --- user-task-form
  // ---------------------------------------------------------------------------------------
  // Data integrity: the form is what the person saw and signed off on. It must be a Camunda Form
  // from this
  // repository, deployed together with (and versioned as) the process ("deployment" binding), so a
  // running instance
  // never silently picks up a newer, unvalidated form.

  private void userTaskForm(UserTask task, Report report) {
    if (isBlank(task.getCamundaFormRef())) {
      report.add(
          task.getId(),
          USER_TASK_FORM,
          "user task has no camunda:formRef (a Camunda Form from forms/)"
              + (isBlank(task.getCamundaFormKey()) ? "" : "; camunda:formKey is not allowed"));
      return;
    }
    formReference(task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding(), report);
  }

  private void startEventForm(StartEvent start, Report report) {
    if (!isBlank(start.getCamundaFormRef())) {
      formReference(
          start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding(), report);
    }
  }

  private void formReference(String elementId, String formRef, String binding, Report report) {
    if (!"deployment".equals(binding)) {
      report.add(
          elementId,
          USER_TASK_FORM,
          "camunda:formRefBinding is '"
              + binding
              + "'; it must be 'deployment' so the form is versioned with the process");
    }
    if (!formsById.containsKey(formRef)) {
      report.add(
          elementId,
          USER_TASK_FORM,
          "camunda:formRef='"
              + formRef
              + "' matches no form: no forms/*.form has this top-level \"id\"");
    }
  }

  // --- user-task-due-date
  // -----------------------------------------------------------------------------------
  // Timeliness: a GxP task has a deadline (a case deadline such as ${investigationDueDate}, or a
  // default such as ${taskDue.workingDays(2)} for a QA decision), so Tasklist sorts by it and flags
  // overdue work. A fixed date written into the model would be past for every case after it.

  private void userTaskDueDate(UserTask task, Report report) {
    String due = task.getCamundaDueDate();
    if (isBlank(due)) {
      report.add(
          task.getId(),
          USER_TASK_DUE_DATE,
          "user task has no camunda:dueDate (a case deadline such as ${investigationDueDate}"
              + " or a default such as ${taskDue.workingDays(2)})");
    } else if (!due.contains("${") && !due.contains("#{") && !due.trim().startsWith("P")) {
      report.add(
          task.getId(),
          USER_TASK_DUE_DATE,
          "camunda:dueDate='"
              + due
              + "' is a fixed date; give an expression or a duration such as P5D");
    }
  }

  // --- compliance-properties
  // -------------------------------------------------------------------------------
  // The rules a process owner declares in Modeler (validate.*, sod.notSameAs) are enforced by the
  // server at
  // run time; a typo there would silently weaken a control, so it fails the build instead.

  private void complianceProperties(UserTask task, Report report) {
    UserTaskRules rules = UserTaskRules.of(task);
    ModelConstraints constraints;
    try {
      constraints = ModelConstraints.from(rules.properties());
    } catch (IllegalArgumentException e) {
      report.add(task.getId(), COMPLIANCE_PROPERTIES, e.getMessage());
      return;
    }
    Path form = formsById.get(task.getCamundaFormRef());
    if (form != null) {
      try {
        TaskInputSpec.of(CamundaForm.parse(Files.readString(form)), constraints);
      } catch (IllegalArgumentException e) {
        report.add(
            task.getId(),
            COMPLIANCE_PROPERTIES,
            "form " + form.getFileName() + ": " + e.getMessage());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (String conflicting : rules.notSameAs()) {
      boolean known =
          SegregationOfDuties.INITIATOR.equals(conflicting)
              || task.getModelInstance().getModelElementById(conflicting) instanceof UserTask;
      if (!known) {
        report.add(
            task.getId(),
            COMPLIANCE_PROPERTIES,
            UserTaskRules.SOD_NOT_SAME_AS
                + " names '"
                + conflicting
                + "', which is neither a user task of this model nor 'initiator'");
      }
    }
  }

  // --- external-call-system
  // ---------------------------------------------------------------------------------
  // The gxp.system marker is how a model declares which validated interface it talks to; a value
  // outside the list
  // is either a typo (and the async/retry rule would silently not apply) or an unvalidated
  // interface.

  private void externalCallSystem(FlowNode node, Report report) {
    for (String system : gxpSystems(node)) {
      if (!EXTERNAL_SYSTEMS.contains(system)) {
        report.add(
            node.getId(),
            EXTERNAL_CALL_SYSTEM,
            GXP_SYSTEM_PROPERTY
                + "='"
                + system
                + "' is not a known external system; allowed: "
                + EXTERNAL_SYSTEMS.stream().sorted().toList());
      }
    }
  }

  // --- external-call-async
  // ----------------------------------------------------------------------------------
  // Nothing lost on a failing call: a call to MES/QMS/CRM/LIMS runs in its own job (asyncBefore),
  // so a failure rolls
  // back to a committed wait state instead of to the user's click, and is retried on an explicit,
  // reviewed schedule;
  // when retries are exhausted it becomes a visible incident rather than a lost step.

  private void externalCallAsync(FlowNode node, Report report) {
    List<String> reasons = externalCallReasons(node);
    if (reasons.isEmpty()) {
      return;
    }
    List<String> missing = new ArrayList<>();
    if (!node.isCamundaAsyncBefore()) {
      missing.add("camunda:asyncBefore=\"true\"");
    }
    boolean hasRetryCycle =
        extensions(node, CamundaFailedJobRetryTimeCycle.class).stream()
            .anyMatch(cycle -> !isBlank(cycle.getTextContent()));
    if (!hasRetryCycle) {
      missing.add("a non-blank camunda:failedJobRetryTimeCycle (e.g. R5/PT10M)");
    }
    if (!missing.isEmpty()) {
      report.add(
          node.getId(),
          EXTERNAL_CALL_ASYNC,
          "calls an external system ("
              + String.join(", ", reasons)
              + ") but lacks "
              + String.join(" and ", missing));
    }
  }

  /** Why the node counts as calling MES/QMS/CRM/LIMS; empty when it does not. */
  private static List<String> externalCallReasons(FlowNode node) {
    List<BaseElement> implementations = implementations(node);
    if (implementations.isEmpty()) {
      return List.of();
    }
    List<String> reasons = new ArrayList<>();
    gxpSystems(node).stream()
        .filter(EXTERNAL_SYSTEMS::contains)
        .forEach(system -> reasons.add(GXP_SYSTEM_PROPERTY + "=" + system));
    for (BaseElement impl : implementations) {
      for (String attribute : List.of("delegateExpression", "expression")) {
        String expression = impl.getAttributeValueNs(CAMUNDA_NS, attribute);
        if (expression != null) {
          Matcher bean = EXTERNAL_BEAN.matcher(expression);
          while (bean.find()) {
            reasons.add("bean " + bean.group(1));
          }
        }
      }
      String className = impl.getAttributeValueNs(CAMUNDA_NS, "class");
      if (className != null && ("." + className).contains(".integration.")) {
        reasons.add("class " + className);
      }
      for (CamundaConnector connector : extensions(impl, CamundaConnector.class)) {
        reasons.add("camunda:connector " + connectorId(connector));
      }
    }
    return reasons;
  }

  // --- connector
  // --------------------------------------------------------------------------------------------
  // Validated interfaces only: a connector is one of GxP Flow's (gxp-mes, gxp-qms, gxp-crm) on a
  // service task,
  // calling a documented operation with its inputs, exactly what the server accepts at deployment
  // (SystemConnectors). Camunda's http-connector or a typo fails the build, not the deployment.

  private static void connector(FlowNode node, Report report) {
    for (BaseElement impl : implementations(node)) {
      for (CamundaConnector connector : extensions(impl, CamundaConnector.class)) {
        if (!(node instanceof ServiceTask)) {
          report.add(node.getId(), CONNECTOR, "connectors are allowed on service tasks only");
          continue;
        }
        List<SystemConnectors.DeclaredInput> inputs = new ArrayList<>();
        CamundaInputOutput inputOutput = connector.getCamundaInputOutput();
        if (inputOutput != null) {
          for (CamundaInputParameter input : inputOutput.getCamundaInputParameters()) {
            String text = input.getTextContent().trim();
            boolean literal =
                input.getDomElement().getChildElements().isEmpty()
                    && !text.contains("${")
                    && !text.contains("#{");
            inputs.add(
                new SystemConnectors.DeclaredInput(input.getCamundaName(), literal ? text : null));
          }
        }
        SystemConnectors.refusals(connectorId(connector), inputs)
            .forEach(reason -> report.add(node.getId(), CONNECTOR, reason));
      }
    }
  }

  private static String connectorId(CamundaConnector connector) {
    return connector.getCamundaConnectorId() == null
        ? ""
        : connector.getCamundaConnectorId().getTextContent().trim();
  }

  /**
   * The elements that carry the engine-side implementation of a node that can call out: the task
   * itself, or the message event definitions of a throw event. User, manual and receive tasks wait
   * for something and call nothing; external tasks ({@code camunda:type="external"}) are executed
   * by a worker, not by the engine, and the worker owns retries, so they have no job to make async.
   */
  private static List<BaseElement> implementations(FlowNode node) {
    List<BaseElement> holders = new ArrayList<>();
    if (node instanceof Task
        && !(node instanceof UserTask
            || node instanceof ManualTask
            || node instanceof ReceiveTask)) {
      holders.add(node);
    } else if (node instanceof ThrowEvent event) {
      event.getEventDefinitions().stream()
          .filter(MessageEventDefinition.class::isInstance)
          .forEach(holders::add);
    }
    holders.removeIf(holder -> "external".equals(holder.getAttributeValueNs(CAMUNDA_NS, "type")));
    return holders;
  }

  private static List<String> gxpSystems(BaseElement element) {
    List<String> systems = new ArrayList<>();
    for (CamundaProperties properties : extensions(element, CamundaProperties.class)) {
      for (CamundaProperty property : properties.getCamundaProperties()) {
        if (GXP_SYSTEM_PROPERTY.equals(property.getCamundaName())) {
          systems.add(String.valueOf(property.getCamundaValue()));
        }
      }
    }
    return systems;
  }

  // --- helpers
  // ----------------------------------------------------------------------------------------------

  private static <T extends ModelElementInstance> List<T> extensions(
      BaseElement element, Class<T> type) {
    ExtensionElements extensionElements = element.getExtensionElements();
    return extensionElements == null
        ? List.of()
        : extensionElements.getElementsQuery().filterByType(type).list();
  }

  private static BpmnModelInstance readBpmn(Path file, Report report) {
    try {
      return Bpmn.readModelFromFile(file.toFile());
    } catch (RuntimeException e) {
      report.add("-", MODEL_READABLE, "cannot read BPMN: " + rootMessage(e));
      return null;
    }
  }

  private static DmnModelInstance readDmn(Path file, Report report) {
    try {
      return Dmn.readModelFromFile(file.toFile());
    } catch (RuntimeException e) {
      report.add("-", MODEL_READABLE, "cannot read DMN: " + rootMessage(e));
      return null;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e
        ? String.valueOf(e.getMessage())
        : e.getMessage() + " (" + root.getMessage() + ")";
  }

  private static Map<String, Path> loadForms(Path folder) {
    Map<String, Path> forms = new HashMap<>();
    if (folder == null || !Files.isDirectory(folder)) {
      return forms;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path form :
          files.filter(f -> f.getFileName().toString().endsWith(".form")).sorted().toList()) {
        JsonNode id = readJson(form).get("id");
        if (id != null && id.isTextual() && !id.asText().isBlank()) {
          forms.putIfAbsent(id.asText(), form);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list forms in " + folder, e);
    }
    return forms;
  }

  private static JsonNode readJson(Path form) {
    try {
      return JSON.readTree(form.toFile());
    } catch (IOException e) {
      // A form that is not JSON would also break Tasklist; fail loudly instead of reporting "form
      // missing".
      throw new IllegalArgumentException(
          "Form " + form + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /** Collects violations of one file; keeps insertion order and drops exact duplicates. */
  private static final class Report {
    private final String file;
    private final Set<ModelRuleViolation> violations = new LinkedHashSet<>();

    Report(String file) {
      this.file = file;
    }

    void add(String elementId, String ruleId, String message) {
      violations.add(new ModelRuleViolation(file, elementId, ruleId, message));
    }
  }
}
