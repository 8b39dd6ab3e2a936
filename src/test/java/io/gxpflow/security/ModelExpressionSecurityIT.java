package io.gxpflow.security;

import static io.gxpflow.support.RestClientForUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gxpflow.engine.expression.ExpressionRefused;
import io.gxpflow.support.IntegrationTest;
import io.gxpflow.support.ModelerUpload;
import java.beans.beancontext.BeanContextSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 10, point 1: a process owner deploying from Modeler cannot run code on the server. The
 * tester's models (fixtures/attacks/) are sent as Modeler sends them, as olivia; each is refused
 * with 400 naming the element, and nothing is stored or executed. Expressions that get past the
 * deploy check (bracket syntax) or reach the engine another way are refused when they run.
 */
@IntegrationTest
class ModelExpressionSecurityIT {

  private static final String DEPLOYMENT = "attack";
  private static final Path PROOF = Path.of("/tmp/gxpflow-rce-proof");

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired DecisionService decisionService;
  @Autowired ProcessEngineConfiguration configuration;

  @BeforeEach
  @AfterEach
  void clean() throws Exception {
    Files.deleteIfExists(PROOF);
    repositoryService
        .createDeploymentQuery()
        .deploymentName(DEPLOYMENT)
        .list()
        .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
  }

  @ParameterizedTest(name = "{0} refused at {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "rce-timer-start.bpmn         | TimerStart_Rce | calls 'getClass'",
        "jdbc-audit-read.bpmn         | Task_Attack    | names 'jdbcTemplate'",
        "identity-admin.bpmn          | Task_Attack    | names 'identityService'",
        "engine-services.bpmn         | Task_Attack    | reads 'processEngineServices' of execution",
        "spin-function.bpmn           | Task_Attack    | calls the function 'S'",
        "java-class.bpmn              | Task_Attack    | Java classes cannot be named",
        "class-listener.bpmn          | Start_ClassListener | Java classes cannot be named",
        "form-validator-class.bpmn    | Start_Validator | custom form field validators",
        "script-task.bpmn             | Script_Attack  | script tasks are not allowed",
        "script-listener.bpmn         | Start_Listener | scripts in listeners",
        "connector.bpmn               | Task_Connector | connector 'http-connector' is not allowed",
        "soap-connector.bpmn          | Task_Connector | connector 'soap-http-connector' is not allowed",
        "connector-unknown-id.bpmn    | Task_Connector | connector 'gxp-lims' is not allowed",
        "connector-url.bpmn           | Task_Connector | the input 'url' is not one of MES batch-record's",
        "connector-path.bpmn          | Task_Connector | the input 'path' is not one of MES batch-record's",
        "connector-unknown-operation.bpmn | Task_Connector | the MES connector has no operation 'delete-batch'",
        "connector-operation-expression.bpmn | Task_Connector | names the operation literally",
        "connector-missing-batch.bpmn | Task_Connector | MES set-status needs the input 'batchNumber'",
        "connector-end-event.bpmn     | End_Message    | connectors are allowed on service tasks only",
        "script-decision.dmn          | OutEntry_attack-script-decision | expression language 'javascript'",
        "juel-decision.dmn            | OutEntry_attack-juel-decision   | calls 'getClass'",
        "shell-task.bpmn              | Task_Attack    | task type 'shell' is not allowed",
        "activiti-class.bpmn          | Task_Attack    | Java classes cannot be named",
        "activiti-connector.bpmn      | Task_Attack    | connector 'http-connector' is not allowed",
        "comment-split.bpmn           | Task_Attack    | calls 'getClass'",
        "call-deviation.bpmn          | Call_Deviation | calls the process 'deviation-capa', which the deploying user may not start",
        "throw-signal.bpmn            | End_Signal     | throwing a signal is not allowed"
      })
  void theTestersModelsAreRefusedAtDeployment(String file, String element, String reason)
      throws Exception {
    long deploymentsBefore = repositoryService.createDeploymentQuery().count();

    ResponseEntity<String> response = deployAsModeler("olivia", file);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = json(response);
    assertThat(problem.path("title").asText()).isEqualTo("Model refused");
    // what Camunda Modeler shows in its deploy dialog
    assertThat(problem.path("message").asText()).contains(file).contains(reason);
    assertThat(problem.path("errors"))
        .anySatisfy(
            error -> {
              assertThat(error.path("resource").asText()).isEqualTo(file);
              assertThat(error.path("element").asText()).isEqualTo(element);
              assertThat(error.path("reason").asText()).contains(reason);
            });
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    assertThat(PROOF).doesNotExist();
  }

  @Test
  void theTimerAttackRunsNothingEvenWhenTheJobExecutorHadTime() throws Exception {
    deployAsModeler("olivia", "rce-timer-start.bpmn");
    Thread.sleep(1500);
    assertThat(PROOF).doesNotExist();
    assertThat(managementService.createJobQuery().processDefinitionKey("attack-rce-timer").count())
        .isZero();
  }

  @Test
  void engineServicesReachedThroughBracketsAreRefusedWhenTheStepRuns() {
    // brackets hide the member names from the deploy check: the expression manager still refuses
    // them
    assertThat(deployAsModeler("olivia", "bracket-engine-services.bpmn").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    long instancesBefore = runtimeService.createProcessInstanceQuery().count();

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("attack-brackets"))
        .hasRootCauseInstanceOf(ExpressionRefused.class)
        .rootCause()
        .hasMessageContaining("may not call 'getProcessEngineServices' on the case it runs in");
    assertThat(
            identityService
                .createUserQuery()
                .memberOfGroup("camunda-admin")
                .userId("olivia")
                .count())
        .isZero();
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  @Test
  void getClassThroughBracketsIsRefusedWhenTheStepRuns() {
    assertThat(deployAsModeler("olivia", "bracket-get-class.bpmn").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("attack-bracket-class"))
        .hasRootCauseInstanceOf(ExpressionRefused.class)
        .rootCause()
        .hasMessageContaining("may not read 'class' of a plain value");
  }

  @Test
  void feelCannotCallJava() {
    // FEEL is allowed in decisions; its external (Java) functions are off in the engine's FEEL
    // configuration
    repositoryService
        .createDeployment()
        .name(DEPLOYMENT)
        .addClasspathResource("fixtures/attacks/feel-external-function.dmn")
        .deploy();

    Object result;
    try {
      result =
          decisionService
              .evaluateDecisionTableByKey("attack-feel-external", Variables.createVariables())
              .getSingleEntry();
    } catch (RuntimeException refused) {
      result = null;
    }
    assertThat(result).isNotEqualTo(System.getProperty("user.home"));
  }

  @Test
  void anExpressionNestedTwentyThousandDeepIsRefusedNotA500() {
    String expression = "${" + "(".repeat(20_000) + "1" + ")".repeat(20_000) + "}";
    String model =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://gxpflow.io/attacks">
          <bpmn:process id="attack-deep" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="Start" name="Start" />
            <bpmn:serviceTask id="Task_Deep" name="Deep" camunda:expression="%s" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Deep" />
          </bpmn:process>
        </bpmn:definitions>
        """
            .formatted(expression);

    ResponseEntity<String> response =
        deployAsModeler(
            "olivia",
            "deep.bpmn",
            new ByteArrayResource(model.getBytes()) {
              @Override
              public String getFilename() {
                return "deep.bpmn";
              }
            });

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(response).path("errors").get(0).path("reason").asText())
        .contains("nested deeper");
  }

  @Test
  void feelCannotReachJavaThroughAValueWithoutAFeelType() {
    // the tester's decision: a Set has no FEEL type, and Camunda's FEEL would call its methods by
    // reflection
    repositoryService
        .createDeployment()
        .name(DEPLOYMENT)
        .addClasspathResource("fixtures/attacks/feel-reflection.dmn")
        .deploy();

    Object result;
    try {
      result =
          decisionService
              .evaluateDecisionByKey("attack-feel-reflection")
              .variables(Variables.createVariables().putValue("s", new HashSet<>(Set.of("a"))))
              .evaluate()
              .getSingleEntry();
    } catch (RuntimeException refused) {
      result = null;
    }
    assertThat(result).isNull();
    assertThat(
            identityService
                .createUserQuery()
                .memberOfGroup("camunda-admin")
                .userId("olivia")
                .count())
        .isZero();
  }

  @Test
  void aCollectionOffersOnlyTheMethodsOfItsInterface() throws Exception {
    // BeanContextSupport is a Collection whose own instantiateChild() creates any bean (here a log
    // file)
    Path log = Path.of(System.getProperty("user.home"), "java0.log");
    Files.deleteIfExists(log);
    repositoryService
        .createDeployment()
        .name(DEPLOYMENT)
        .addClasspathResource("fixtures/attacks/bean-context.bpmn")
        .deploy();

    assertThatThrownBy(
            () ->
                runtimeService.startProcessInstanceByKey(
                    "attack-bean-context",
                    Variables.createVariables()
                        .putValueTyped(
                            "bc", Variables.objectValue(new BeanContextSupport(), true).create())))
        .hasRootCauseInstanceOf(ExpressionRefused.class);
    assertThat(log).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${''.getClass()}",
        "${'x'.class}",
        "${''.getClass().forName('java.lang.Runtime')}",
        "${jdbcTemplate}",
        "${identityService}",
        "${runtimeService}",
        "${dataSource}",
        "${processEngine}",
        "${S('{}')}",
        "${now().getClass()}",
        "${'abc'.chars().getClass()}",
        "${'abc'.getBytes().getClass()}",
        "${'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'.matches('(.*a){12}b')}",
        "${'a'.replaceAll('a', 'b')}",
        "${'x'.repeat(1000000000)}",
        "${'a,b'.split(',')}"
      })
  void whateverReachesTheExpressionManagerCannotLeaveTheAllowList(String expression) {
    assertThatThrownBy(() -> evaluate(expression))
        .satisfiesAnyOf(
            refused -> assertThat(refused).hasRootCauseInstanceOf(ExpressionRefused.class),
            refused -> assertThat(refused).hasMessageContaining("Cannot resolve identifier"),
            refused -> assertThat(refused).hasMessageContaining("Could not resolve function"));
  }

  @Test
  void plainValuesAndCamundasFunctionsStillWork() {
    assertThat(evaluate("${'abc'.length()}")).isEqualTo(3);
    assertThat(evaluate("${'a,b'.contains(',') and not 'x'.isEmpty()}")).isEqualTo(true);
    assertThat(evaluate("${now()}")).isInstanceOf(Date.class);
    assertThat(evaluate("${dateTime().plusDays(1).toDate()}")).isInstanceOf(Date.class);
  }

  private Object evaluate(String expression) {
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
    return engine
        .getCommandExecutorTxRequired()
        .execute(
            context ->
                engine
                    .getExpressionManager()
                    .createExpression(expression)
                    .getValue(StartProcessVariableScope.getSharedInstance()));
  }

  private ResponseEntity<String> deployAsModeler(String user, String file) {
    return deployAsModeler(user, file, new ClassPathResource("fixtures/attacks/" + file));
  }

  private ResponseEntity<String> deployAsModeler(String user, String file, Resource model) {
    return ModelerUpload.deploy(rest.withBasicAuth(user, user), DEPLOYMENT, file, model);
  }
}
