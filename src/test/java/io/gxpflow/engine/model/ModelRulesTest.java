package io.gxpflow.engine.model;

import static io.gxpflow.engine.model.ModelRules.COMPLIANCE_PROPERTIES;
import static io.gxpflow.engine.model.ModelRules.CONNECTOR;
import static io.gxpflow.engine.model.ModelRules.EXTERNAL_CALL_ASYNC;
import static io.gxpflow.engine.model.ModelRules.EXTERNAL_CALL_SYSTEM;
import static io.gxpflow.engine.model.ModelRules.HISTORY_TTL;
import static io.gxpflow.engine.model.ModelRules.MODEL_READABLE;
import static io.gxpflow.engine.model.ModelRules.USER_TASK_CANDIDATE_GROUPS;
import static io.gxpflow.engine.model.ModelRules.USER_TASK_DUE_DATE;
import static io.gxpflow.engine.model.ModelRules.USER_TASK_FORM;
import static io.gxpflow.engine.model.ModelRules.USER_TASK_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each rule is proven on a fixture under {@code src/test/resources/model-rules/broken/} that breaks
 * exactly that rule (and nothing else), in every way the rule forbids; the expected violations are
 * compared as an exact list of {@code rule@elementId}, so loosening a rule (or making it fire on
 * allowed elements) fails a test here.
 */
class ModelRulesTest {

  private static final Path FIXTURES = fixtureRoot();
  private static final ModelRules RULES = new ModelRules(FIXTURES.resolve("valid/forms"));

  @Test
  @DisplayName(
      "the valid BPMN (user task with form, MES calls by delegate and connector, async with retries) has no "
          + "violation")
  void validBpmnHasNoViolation() {
    assertThat(RULES.check(FIXTURES.resolve("valid/model-rules-valid.bpmn"))).isEmpty();
  }

  @Test
  @DisplayName("the valid DMN (decision with history TTL) has no violation")
  void validDmnHasNoViolation() {
    assertThat(RULES.check(FIXTURES.resolve("valid/model-rules-valid.dmn"))).isEmpty();
  }

  @Test
  @DisplayName(
      "compliance-properties: a misspelt validate.* constraint and a sod.notSameAs naming no user task")
  void complianceProperties() {
    List<ModelRuleViolation> violations =
        RULES.check(FIXTURES.resolve("broken/compliance-properties.bpmn"));

    assertThat(violations)
        .extracting(v -> v.ruleId() + "@" + v.elementId())
        .containsExactly(
            COMPLIANCE_PROPERTIES + "@UserTask_BadConstraint",
            COMPLIANCE_PROPERTIES + "@UserTask_UnknownSod");
    assertThat(violations.get(0).message()).contains("minLenght");
    assertThat(violations.get(1).message()).contains("NoSuchTask");
  }

  @Test
  @DisplayName("history-ttl: an executable process without camunda:historyTimeToLive")
  void processWithoutHistoryTimeToLive() {
    assertThat(found("broken/history-ttl-missing.bpmn"))
        .containsExactly(HISTORY_TTL + "@ModelRulesNoTtl");
  }

  @Test
  @DisplayName("history-ttl: an executable process with a retention of 0 days")
  void processWithZeroHistoryTimeToLive() {
    assertThat(found("broken/history-ttl-zero.bpmn"))
        .containsExactly(HISTORY_TTL + "@ModelRulesZeroTtl");
  }

  @Test
  @DisplayName("history-ttl: a DMN decision without camunda:historyTimeToLive")
  void decisionWithoutHistoryTimeToLive() {
    assertThat(found("broken/history-ttl-missing.dmn"))
        .containsExactly(HISTORY_TTL + "@Decision_NoTtl");
  }

  @Test
  @DisplayName("user-task-name: missing and blank names")
  void userTaskWithoutName() {
    assertThat(found("broken/user-task-name.bpmn"))
        .containsExactlyInAnyOrder(
            USER_TASK_NAME + "@UserTask_NoName", USER_TASK_NAME + "@UserTask_BlankName");
  }

  @Test
  @DisplayName("user-task-candidate-groups: missing, blank, unknown group, expression, empty entry")
  void userTaskCandidateGroups() {
    assertThat(found("broken/user-task-candidate-groups.bpmn"))
        .containsExactlyInAnyOrder(
            USER_TASK_CANDIDATE_GROUPS + "@UserTask_NoGroups",
            USER_TASK_CANDIDATE_GROUPS + "@UserTask_BlankGroups",
            USER_TASK_CANDIDATE_GROUPS + "@UserTask_UnknownGroup",
            USER_TASK_CANDIDATE_GROUPS + "@UserTask_ExpressionGroups",
            USER_TASK_CANDIDATE_GROUPS + "@UserTask_EmptyGroupEntry");
  }

  @Test
  @DisplayName(
      "user-task-candidate-groups: the message names the group outside the contract, or the expression")
  void candidateGroupsMessages() {
    assertThat(
            violation("broken/user-task-candidate-groups.bpmn", "UserTask_UnknownGroup").message())
        .contains("quality-assurance");
    assertThat(
            violation("broken/user-task-candidate-groups.bpmn", "UserTask_ExpressionGroups")
                .message())
        .contains("${reviewerGroups}", "expression");
  }

  @Test
  @DisplayName(
      "user-task-form: no formRef, formKey, binding not 'deployment', form not in forms/, also on start events")
  void userTaskForm() {
    assertThat(found("broken/user-task-form.bpmn"))
        .containsExactlyInAnyOrder(
            USER_TASK_FORM + "@StartEvent_UnknownForm", // binding 'latest'
            USER_TASK_FORM + "@StartEvent_UnknownForm", // no such form
            USER_TASK_FORM + "@UserTask_NoForm",
            USER_TASK_FORM + "@UserTask_FormKey",
            USER_TASK_FORM + "@UserTask_LatestBinding",
            USER_TASK_FORM + "@UserTask_NoBinding",
            USER_TASK_FORM + "@UserTask_UnknownForm");
  }

  @Test
  @DisplayName("user-task-due-date: missing, blank and a fixed date")
  void userTaskDueDate() {
    assertThat(found("broken/user-task-due-date.bpmn"))
        .containsExactlyInAnyOrder(
            USER_TASK_DUE_DATE + "@UserTask_NoDueDate",
            USER_TASK_DUE_DATE + "@UserTask_BlankDueDate",
            USER_TASK_DUE_DATE + "@UserTask_FixedDueDate");
    assertThat(violation("broken/user-task-due-date.bpmn", "UserTask_FixedDueDate").message())
        .contains("2026-12-31", "fixed date");
  }

  @Test
  @DisplayName("user-task-form: forms are looked up in the given forms folder only")
  void formsComeFromTheGivenFolder(@TempDir Path emptyForms) {
    List<ModelRuleViolation> violations =
        new ModelRules(emptyForms).check(FIXTURES.resolve("valid/model-rules-valid.bpmn"));

    assertThat(violations)
        .extracting(v -> v.ruleId() + "@" + v.elementId())
        .containsExactlyInAnyOrder(
            USER_TASK_FORM + "@StartEvent_Requested", USER_TASK_FORM + "@UserTask_Review");
    assertThat(violations).allSatisfy(v -> assertThat(v.message()).contains("matches no form"));
  }

  @Test
  @DisplayName(
      "external-call-async: every way of calling MES/QMS/CRM/LIMS needs asyncBefore and a retry cycle")
  void externalCallAsync() {
    assertThat(found("broken/external-call-async.bpmn"))
        .containsExactlyInAnyOrder(
            EXTERNAL_CALL_ASYNC + "@ServiceTask_MesPropertyNoAsync", // gxp.system=MES
            EXTERNAL_CALL_ASYNC
                + "@ServiceTask_QmsBeanNoRetry", // ${qmsClient.createDeviation(execution)}
            EXTERNAL_CALL_ASYNC
                + "@ServiceTask_MesBeanBlankRetry", // ${mesSetBatchStatus}, empty retry cycle
            EXTERNAL_CALL_ASYNC
                + "@ServiceTask_IntegrationClassNoAsync", // io.gxpflow.integration.lims...
            EXTERNAL_CALL_ASYNC + "@ServiceTask_ConnectorNoAsync", // camunda:connector
            EXTERNAL_CALL_ASYNC + "@SendTask_CrmNoAsync", // send task, ${crmComplaints.send(...)}
            EXTERNAL_CALL_ASYNC
                + "@EndEvent_LimsMessageNoAsync"); // message end event, ${limsResultPublisher}
    // Not reported: ${auditTrailWriter}, ${messageRouter} ("mes" not followed by an upper-case
    // letter),
    // an external task (camunda:type="external", the worker owns retries) and the correct MES task.
  }

  @Test
  @DisplayName("external-call-async: the message says what is missing")
  void externalCallAsyncMessageNamesWhatIsMissing() {
    String asyncOnly =
        violation("broken/external-call-async.bpmn", "ServiceTask_QmsBeanNoRetry").message();
    assertThat(asyncOnly)
        .contains("bean qmsClient", "failedJobRetryTimeCycle")
        .doesNotContain("asyncBefore");

    String both =
        violation("broken/external-call-async.bpmn", "ServiceTask_ConnectorNoAsync").message();
    assertThat(both)
        .contains("camunda:connector gxp-crm", "asyncBefore", "failedJobRetryTimeCycle");
  }

  @Test
  @DisplayName(
      "connector: only gxp-mes/-qms/-crm, on a service task, with an operation of the system and its inputs")
  void connector() {
    assertThat(found("broken/connector.bpmn"))
        .containsExactlyInAnyOrder(
            CONNECTOR + "@ServiceTask_HttpConnector", // Camunda's http-connector
            CONNECTOR + "@ServiceTask_UnknownOperation", // gxp-mes delete-batch
            CONNECTOR + "@ServiceTask_UrlInput", // gxp-qms qc-results with a url input
            CONNECTOR
                + "@ServiceTask_MissingPathInput", // gxp-crm withdraw-content without contentId
            CONNECTOR + "@EndEvent_Connector"); // on a message end event
    assertThat(violation("broken/connector.bpmn", "ServiceTask_HttpConnector").message())
        .contains("'http-connector' is not allowed");
    assertThat(violation("broken/connector.bpmn", "ServiceTask_UrlInput").message())
        .contains("'url'");
    assertThat(violation("broken/connector.bpmn", "ServiceTask_MissingPathInput").message())
        .contains("'contentId'");
  }

  @Test
  @DisplayName("external-call-system: gxp.system values outside MES/QMS/CRM/LIMS (case-sensitive)")
  void externalCallSystem() {
    assertThat(found("broken/external-call-system.bpmn"))
        .containsExactlyInAnyOrder(
            EXTERNAL_CALL_SYSTEM + "@ServiceTask_UnknownSystem", // SAP
            EXTERNAL_CALL_SYSTEM + "@ServiceTask_LowercaseSystem"); // mes
  }

  @Test
  @DisplayName("a file that is not a readable model is a violation, not a crash")
  void unreadableModel(@TempDir Path dir) throws IOException {
    Path broken = Files.writeString(dir.resolve("truncated.bpmn"), "<bpmn:definitions xmlns:bpmn=");

    List<ModelRuleViolation> violations = RULES.check(broken);

    assertThat(violations)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.ruleId()).isEqualTo(MODEL_READABLE);
              assertThat(v.file()).isEqualTo("truncated.bpmn");
            });
  }

  @Test
  @DisplayName("violations name the file they come from")
  void violationNamesTheFile() {
    ModelRuleViolation violation = violation("broken/user-task-name.bpmn", "UserTask_NoName");
    assertThat(violation.file()).isEqualTo("user-task-name.bpmn");
    assertThat(violation.toString())
        .contains("user-task-name.bpmn", "UserTask_NoName", USER_TASK_NAME);
  }

  @Test
  void onlyBpmnAndDmnFilesAreChecked() {
    assertThatThrownBy(() -> RULES.check(FIXTURES.resolve("valid/forms/model-rules-review.form")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> found(String fixture) {
    return RULES.check(FIXTURES.resolve(fixture)).stream()
        .map(v -> v.ruleId() + "@" + v.elementId())
        .toList();
  }

  private static ModelRuleViolation violation(String fixture, String elementId) {
    return RULES.check(FIXTURES.resolve(fixture)).stream()
        .filter(v -> v.elementId().equals(elementId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no violation on " + elementId + " in " + fixture));
  }

  private static Path fixtureRoot() {
    URL root = ModelRulesTest.class.getResource("/model-rules");
    if (root == null) {
      throw new IllegalStateException("test resources model-rules/ not on the classpath");
    }
    try {
      return Path.of(root.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
