package io.gxpflow.engine.expression;

import io.gxpflow.integration.connect.SystemConnectors;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.w3c.dom.Text;

/**
 * Checks every BPMN and DMN model of a new deployment before the engine stores or parses it, and
 * refuses the whole deployment ({@link ModelRefused}, 400 naming resource and element) when a
 * model:
 *
 * <ul>
 *   <li>holds a script (script task, {@code camunda:script} in a listener or mapping, a script
 *       condition, a DMN expression language other than FEEL or JUEL) — scripts could do anything
 *       the JVM can;
 *   <li>names a Java class ({@code camunda:class}, {@code camunda:delegateExpression} is the way);
 *   <li>uses a connector other than GxP Flow's ({@code gxp-mes}, {@code gxp-qms}, {@code gxp-crm}),
 *       or one of them with an operation or inputs its system does not have ({@link
 *       SystemConnectors}) — systems are called through the project's delegates and connectors,
 *       which carry audit, retries and idempotency;
 *   <li>has an expression that names a bean models may not use, a function other than Camunda's
 *       date and user functions, or a member no value offers to models ({@code getClass}, {@code
 *       forName}, {@code exec}, {@code getProcessEngineServices}, …: see {@link ModelMembers});
 *   <li>uses a task {@code type} other than {@code external} (shell, mail), throws a signal, or
 *       calls a process the deploying user may not start;
 *   <li>declares a DOCTYPE (entity expansion, external entities) or is CMMN, which GxP Flow does
 *       not run.
 * </ul>
 *
 * The Activiti namespace, which Camunda 7 reads as its own, is held to the same rules. The engine's
 * expression manager enforces the same limits when an expression runs; this check is there so a
 * process owner learns it at deployment, in Modeler, and no refused model is ever stored.
 */
public class DeployedModelCheck implements Deployer {

  /**
   * Camunda's extension namespace, and the Activiti one Camunda 7 still reads as the same thing.
   */
  private static final Set<String> CAMUNDA_NAMESPACES =
      Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");

  /**
   * Longer expressions are no condition or mapping a process owner writes, and deep nesting
   * overflows parsers.
   */
  static final int MAX_EXPRESSION_LENGTH = 2000;

  private static final int MAX_NESTING = 32;
  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final Pattern FEEL_URI =
      Pattern.compile("https?://www\\.omg\\.org/spec/(dmn/\\d+/)?feel/(\\d+/?)?");

  /** Names the engine itself puts in front of a model's expressions (not beans). */
  private static final Set<String> CASE_NAMES =
      Set.of(
          "execution",
          "task",
          "caseExecution",
          "externalTask",
          "authenticatedUserId",
          "variableScope");

  private final ModelBeans beans;

  public DeployedModelCheck(ModelBeans beans) {
    this.beans = beans;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    List<ModelRefused.Finding> findings = new ArrayList<>();
    Set<String> processesOfDeployment = new HashSet<>();
    List<CallActivity> calls = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName().toLowerCase(Locale.ROOT);
      if (name.endsWith(".cmmn") || name.endsWith(".cmmn11.xml") || name.endsWith(".cmmn10.xml")) {
        findings.add(
            new ModelRefused.Finding(
                resource.getName(), null, "CMMN case models are not run by GxP Flow"));
      } else if (name.endsWith(".bpmn")
          || name.endsWith(".bpmn20.xml")
          || name.endsWith(".dmn")
          || name.endsWith(".dmn11.xml")) {
        try {
          check(resource, findings, processesOfDeployment, calls);
        } catch (StackOverflowError tooDeep) {
          findings.add(
              new ModelRefused.Finding(
                  resource.getName(), null, "the model is nested too deeply to check"));
        }
      }
    }
    calls.stream()
        .filter(call -> !processesOfDeployment.contains(call.calledElement()))
        .filter(call -> !deployerMayStart(call.calledElement()))
        .forEach(
            call ->
                findings.add(
                    new ModelRefused.Finding(
                        call.resource(),
                        call.element(),
                        "calls the process '"
                            + call.calledElement()
                            + "', which the deploying user may not start")));
    if (!findings.isEmpty()) {
      throw new ModelRefused(findings);
    }
  }

  /**
   * A call activity, judged once the whole deployment is read (it may call a process of the same
   * deployment).
   */
  private record CallActivity(String resource, String element, String calledElement) {}

  /**
   * A model must not start what its author may not: a call activity to a process outside the
   * deployment needs the deploying user's right to start it. The application's own start-up
   * deployment has no user.
   */
  private static boolean deployerMayStart(String processKey) {
    CommandContext context = Context.getCommandContext();
    String user = context == null ? null : context.getAuthenticatedUserId();
    // deployers run without authorization checks: ask for the deploying user explicitly
    if (user == null || !context.getProcessEngineConfiguration().isAuthorizationEnabled()) {
      return true;
    }
    return context
        .getProcessEngineConfiguration()
        .getAuthorizationService()
        .isUserAuthorized(
            user,
            context.getAuthenticatedGroupIds(),
            Permissions.CREATE_INSTANCE,
            Resources.PROCESS_DEFINITION,
            processKey);
  }

  private void check(
      ResourceEntity resource,
      List<ModelRefused.Finding> findings,
      Set<String> processes,
      List<CallActivity> calls) {
    Document document;
    try {
      document = secureBuilder().parse(new ByteArrayInputStream(resource.getBytes()));
    } catch (Exception e) {
      findings.add(
          new ModelRefused.Finding(
              resource.getName(),
              null,
              "not a well-formed model without a DOCTYPE (DOCTYPEs and entities are refused)"));
      return;
    }
    checkElement(resource.getName(), document.getDocumentElement(), null, findings);
    NodeList processElements = document.getElementsByTagNameNS(BPMN_NS, "process");
    for (int i = 0; i < processElements.getLength(); i++) {
      processes.add(((Element) processElements.item(i)).getAttribute("id"));
    }
    NodeList callActivities = document.getElementsByTagNameNS(BPMN_NS, "callActivity");
    for (int i = 0; i < callActivities.getLength(); i++) {
      Element call = (Element) callActivities.item(i);
      String called = call.getAttribute("calledElement");
      if (called.contains("{")) {
        findings.add(
            new ModelRefused.Finding(
                resource.getName(),
                call.getAttribute("id"),
                "a call activity names the " + "process it calls, not an expression"));
      } else {
        calls.add(new CallActivity(resource.getName(), call.getAttribute("id"), called));
      }
    }
  }

  private void checkElement(
      String resource, Element element, String enclosingId, List<ModelRefused.Finding> findings) {
    String local = element.getLocalName();
    boolean camunda = isCamunda(element.getNamespaceURI());
    // name what Modeler shows: the event, not its timer definition; the task, not its form field
    boolean named = element.hasAttribute("id") && !local.endsWith("EventDefinition") && !camunda;
    String id = named ? element.getAttribute("id") : enclosingId;
    if ("scriptTask".equals(local) && !camunda) {
      findings.add(
          new ModelRefused.Finding(
              resource,
              id,
              "script tasks are not allowed; use a service task with "
                  + "one of GxP Flow's delegates"));
    }
    if (camunda && "script".equals(local)) {
      findings.add(
          new ModelRefused.Finding(
              resource, id, "scripts in listeners or input/output mappings are not " + "allowed"));
    }
    if ("signalEventDefinition".equals(local)
        && element.getParentNode() instanceof Element event
        && (event.getLocalName().equals("intermediateThrowEvent")
            || event.getLocalName().equals("endEvent"))) {
      findings.add(
          new ModelRefused.Finding(
              resource,
              id,
              "throwing a signal is not allowed: it would reach every "
                  + "process listening for it, whoever may start those; use a message"));
    }
    if (camunda && "connector".equals(local)) {
      checkConnector(resource, id, element, findings);
    }
    if (camunda && "constraint".equals(local) && "validator".equals(element.getAttribute("name"))) {
      findings.add(
          new ModelRefused.Finding(
              resource,
              id,
              "custom form field validators name Java code; use the "
                  + "built-in constraints (required, minlength, …) and the server-side validation of the form"));
    }
    if (("conditionExpression".equals(local) || "condition".equals(local))
        && element.hasAttribute("language")) {
      findings.add(
          new ModelRefused.Finding(
              resource, id, "script conditions are not allowed; use an expression"));
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      checkAttribute(resource, id, (Attr) attributes.item(i), findings);
    }
    // the element's text as the engine reads it: comments and CDATA sections do not split an
    // expression
    StringBuilder text = new StringBuilder();
    for (org.w3c.dom.Node child = element.getFirstChild();
        child != null;
        child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        checkElement(resource, childElement, id, findings);
      } else if (child instanceof Text part) {
        text.append(part.getData());
      }
    }
    checkExpression(resource, id, text.toString().trim(), findings);
  }

  /**
   * Only GxP Flow's connectors, on a service task, calling a documented operation of their system
   * with its inputs ({@link SystemConnectors}): a model names an operation, never a URL or a host.
   */
  private static void checkConnector(
      String resource, String id, Element connector, List<ModelRefused.Finding> findings) {
    if (!(connector.getParentNode() instanceof Element extensions
        && extensions.getParentNode() instanceof Element task
        && BPMN_NS.equals(task.getNamespaceURI())
        && "serviceTask".equals(task.getLocalName()))) {
      findings.add(
          new ModelRefused.Finding(resource, id, "connectors are allowed on service tasks only"));
      return;
    }
    List<Element> ids = camundaChildren(connector, "connectorId");
    if (ids.size() != 1) {
      findings.add(
          new ModelRefused.Finding(resource, id, "a connector names exactly one connectorId"));
      return;
    }
    List<SystemConnectors.DeclaredInput> inputs = new ArrayList<>();
    for (Element inputOutput : camundaChildren(connector, "inputOutput")) {
      for (Element input : camundaChildren(inputOutput, "inputParameter")) {
        String text = input.getTextContent().trim();
        // a list, map or script (or anything else inside) is no literal
        boolean literal =
            input.getElementsByTagNameNS("*", "*").getLength() == 0
                && !text.contains("${")
                && !text.contains("#{");
        inputs.add(
            new SystemConnectors.DeclaredInput(input.getAttribute("name"), literal ? text : null));
      }
    }
    SystemConnectors.refusals(ids.get(0).getTextContent().trim(), inputs)
        .forEach(reason -> findings.add(new ModelRefused.Finding(resource, id, reason)));
  }

  private static List<Element> camundaChildren(Element parent, String localName) {
    List<Element> children = new ArrayList<>();
    for (org.w3c.dom.Node child = parent.getFirstChild();
        child != null;
        child = child.getNextSibling()) {
      if (child instanceof Element element
          && isCamunda(element.getNamespaceURI())
          && localName.equals(element.getLocalName())) {
        children.add(element);
      }
    }
    return children;
  }

  private void checkAttribute(
      String resource, String id, Attr attribute, List<ModelRefused.Finding> findings) {
    String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
    // camunda:class on a task, or class on a camunda:taskListener / camunda:executionListener
    boolean camundaAttribute =
        isCamunda(attribute.getNamespaceURI())
            || (attribute.getNamespaceURI() == null
                && isCamunda(attribute.getOwnerElement().getNamespaceURI()));
    if (camundaAttribute) {
      if (name.equals("class") || name.endsWith("Class")) {
        findings.add(
            new ModelRefused.Finding(
                resource,
                id,
                "Java classes cannot be named in a model (camunda:"
                    + name
                    + "); use camunda:delegateExpression with one of GxP Flow's delegates"));
      }
      if (name.equals("type")
          && !"external".equals(attribute.getValue())
          && !isCamunda(attribute.getOwnerElement().getNamespaceURI())) {
        findings.add(
            new ModelRefused.Finding(
                resource,
                id,
                "task type '"
                    + attribute.getValue()
                    + "' is not allowed "
                    + "(shell and mail tasks run outside GxP Flow's control); use a delegate or an external task"));
      }
      if (name.equals("resource")) {
        findings.add(
            new ModelRefused.Finding(resource, id, "external script resources are not allowed"));
      }
    }
    if (name.equals("expressionLanguage") && !allowedLanguage(attribute.getValue())) {
      findings.add(
          new ModelRefused.Finding(
              resource,
              id,
              "expression language '"
                  + attribute.getValue()
                  + "' is not allowed; decisions use FEEL (or JUEL)"));
    }
    checkExpression(resource, id, attribute.getValue(), findings);
  }

  private static boolean isCamunda(String namespace) {
    return namespace != null && CAMUNDA_NAMESPACES.contains(namespace);
  }

  private static boolean allowedLanguage(String language) {
    String lower = language.trim().toLowerCase(Locale.ROOT);
    return lower.equals("feel") || lower.equals("juel") || FEEL_URI.matcher(lower).matches();
  }

  private void checkExpression(
      String resource, String id, String text, List<ModelRefused.Finding> findings) {
    if (text.isEmpty() || !(text.contains("${") || text.contains("#{"))) {
      return;
    }
    if (text.length() > MAX_EXPRESSION_LENGTH || nesting(text) > MAX_NESTING) {
      findings.add(
          new ModelRefused.Finding(
              resource,
              id,
              "an expression is longer than "
                  + MAX_EXPRESSION_LENGTH
                  + " characters or nested deeper than "
                  + MAX_NESTING
                  + " levels"));
      return;
    }
    Node root;
    try {
      root = new Builder(Builder.Feature.METHOD_INVOCATIONS).build(text).getRoot();
    } catch (TreeBuilderException e) {
      findings.add(
          new ModelRefused.Finding(resource, id, "expression " + text + " cannot be parsed"));
      return;
    }
    Set<String> identifiers = new HashSet<>();
    collectIdentifiers(root, identifiers);
    List<Class<?>> exposedTypes = new ArrayList<>();
    for (String identifier : identifiers) {
      if (CASE_NAMES.contains(identifier) || !beans.isBean(identifier)) {
        continue; // a variable of the case
      }
      beans
          .find(identifier)
          .ifPresentOrElse(
              bean -> exposedTypes.add(bean.getClass()),
              () ->
                  findings.add(
                      new ModelRefused.Finding(
                          resource,
                          id,
                          "expression "
                              + text
                              + " names '"
                              + identifier
                              + "', which models may not use")));
    }
    Set<String> members = ModelMembers.knownMemberNames(exposedTypes);
    Set<String> refused = new LinkedHashSet<>();
    checkNodes(root, members, refused);
    if (!refused.isEmpty()) {
      findings.add(
          new ModelRefused.Finding(
              resource,
              id,
              "expression "
                  + text
                  + " "
                  + String.join(", ", refused)
                  + ", which models may not use"));
    }
  }

  private static int nesting(String text) {
    int depth = 0;
    int deepest = 0;
    for (char c : text.toCharArray()) {
      if (c == '(' || c == '[' || c == '{') {
        deepest = Math.max(deepest, ++depth);
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      }
    }
    return deepest;
  }

  private static void collectIdentifiers(Node node, Set<String> identifiers) {
    if (node instanceof AstIdentifier identifier) {
      identifiers.add(identifier.getName());
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      collectIdentifiers(node.getChild(i), identifiers);
    }
  }

  /**
   * Method calls must name a method some allowed value has; a property of {@code execution} or
   * {@code task} must be one of theirs. Other property reads ({@code classification.severity}) may
   * be keys of a map variable and are judged when the expression runs.
   */
  private static void checkNodes(Node node, Set<String> members, Set<String> refused) {
    if (node instanceof AstFunction function
        && !ModelExpressionManager.FUNCTIONS.contains(function.getName())) {
      refused.add("calls the function '" + function.getName() + "'");
    }
    if (node instanceof AstMethod
        && node.getChild(0) instanceof AstDot call
        && !members.contains(member(call))) {
      refused.add("calls '" + member(call) + "'");
    } else if (node instanceof AstDot dot
        && dot.getChild(0) instanceof AstIdentifier prefix
        && CASE_NAMES.contains(prefix.getName())
        && !members.contains(member(dot))) {
      refused.add("reads '" + member(dot) + "' of " + prefix.getName());
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      Node child = node.getChild(i);
      if (node instanceof AstMethod && i == 0 && child instanceof AstDot) {
        // the call itself was judged above; go on with what it is called on
        checkNodes(child.getChild(0), members, refused);
      } else {
        checkNodes(child, members, refused);
      }
    }
  }

  private static String member(AstDot dot) {
    return dot.toString().substring(2); // JUEL prints a dot node as ". name"
  }

  private static DocumentBuilder secureBuilder() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return factory.newDocumentBuilder();
  }
}
