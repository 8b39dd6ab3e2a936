package io.gxpflow.batchrelease;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.compliance.tasks.UserTaskRules;
import io.gxpflow.compliance.validation.CamundaForm;
import io.gxpflow.compliance.validation.DynamicValues;
import io.gxpflow.compliance.validation.FieldKind;
import io.gxpflow.compliance.validation.FieldViolation;
import io.gxpflow.compliance.validation.FormField;
import io.gxpflow.compliance.validation.ModelConstraints;
import io.gxpflow.compliance.validation.TaskInputSpec;
import io.gxpflow.compliance.validation.TaskInputValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Camunda Forms of batch-release in {@code forms/}, read the way the server reads them to
 * re-check each submission, with the {@code validate.*} properties of their tasks in
 * bpmn/batch-release.bpmn: the keys the model and the process test rely on, what is required, and
 * the justification the QP must give unless every check is compliant. No engine, no Spring.
 */
class BatchReleaseFormsTest {

  private static final Path FORMS = Path.of("forms");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Form id to its input keys in form order. */
  private static final Map<String, List<String>> INPUT_KEYS =
      Map.of(
          "batch-release-qa-review", List.of("qaReviewAcceptable", "qaReviewComment"),
          "batch-release-certification", List.of("releaseDecision", "releaseJustification"),
          "batch-release-escalation", List.of("escalationAction"));

  private static final Map<String, Set<String>> ALWAYS_REQUIRED =
      Map.of(
          "batch-release-qa-review", Set.of("qaReviewComment"),
          "batch-release-certification", Set.of("releaseDecision"),
          "batch-release-escalation", Set.of("escalationAction"));

  /** The user task that uses each form. */
  private static final Map<String, String> TASKS =
      Map.of(
          "batch-release-qa-review", "Task_QaReview",
          "batch-release-certification", "Task_QpCertification",
          "batch-release-escalation", "Task_ReleaseOverdue");

  private final TaskInputValidator validator = new TaskInputValidator();

  @Test
  @DisplayName("forms/ holds exactly the three batch-release forms")
  void formsFolder() throws IOException {
    try (Stream<Path> files = Files.list(FORMS)) {
      assertThat(
              files
                  .map(f -> f.getFileName().toString())
                  .filter(name -> name.startsWith("batch-release")))
          .containsExactlyInAnyOrderElementsOf(
              INPUT_KEYS.keySet().stream().map(id -> id + ".form").toList());
    }
  }

  @TestFactory
  @DisplayName(
      "every form: id = file name, schemaVersion 16, known components, the expected inputs, as Modeler 5.31 exports it")
  Stream<DynamicTest> everyForm() {
    return INPUT_KEYS.keySet().stream()
        .sorted()
        .map(
            id ->
                DynamicTest.dynamicTest(
                    id,
                    () -> {
                      CamundaForm form = form(id);
                      assertThat(form.id()).isEqualTo(id);
                      assertThat(form.schemaVersion()).hasValue(16);
                      assertThat(form.unknownComponents()).isEmpty();
                      assertThat(form.fields())
                          .extracting(FormField::key)
                          .containsExactlyElementsOf(INPUT_KEYS.get(id));
                      assertThat(
                              form.fields().stream()
                                  .filter(f -> f.required() && !f.conditional())
                                  .map(FormField::key))
                          .containsExactlyInAnyOrderElementsOf(ALWAYS_REQUIRED.get(id));
                      assertThat(form.fields()).noneMatch(FormField::conditional);
                      JsonNode root = JSON.readTree(FORMS.resolve(id + ".form").toFile());
                      assertThat(root.path("executionPlatformVersion").asText())
                          .isEqualTo("7.24.0");
                      assertThat(root.path("exporter").path("version").asText())
                          .isEqualTo("5.31.0");
                      List<JsonNode> components = new ArrayList<>();
                      root.path("components").forEach(components::add);
                      Set<String> ids = new HashSet<>();
                      for (JsonNode component : components) {
                        assertThat(ids.add(component.path("id").asText())).isTrue();
                        assertThat(component.path("layout").path("row").asText()).isNotBlank();
                        if (component.has("key")) {
                          assertThat(component.path("description").asText()).isNotBlank();
                        }
                      }
                      // every form shows the batch, its product and markets and the target date
                      String text = root.path("components").get(0).path("text").asText();
                      assertThat(text)
                          .contains("{{batchNumber}}", "productName", "intendedMarkets")
                          .contains("releaseTargetDate");
                    }));
  }

  @Test
  @DisplayName(
      "QA review shows the checks not compliant, certification every check, both every finding, as tables")
  void checksTable() throws IOException {
    for (String id : List.of("batch-release-qa-review", "batch-release-certification")) {
      JsonNode table = component(id, "Table_checks");
      assertThat(table.path("type").asText()).isEqualTo("table");
      assertThat(table.path("dataSource").asText()).startsWith("=for c in releaseChecks");
      JsonNode findings = component(id, "Table_findings");
      assertThat(findings.path("dataSource").asText()).contains("for f in c.findings");
    }
    // QA sees exactly the checks to review; the QP sees every check
    assertThat(component("batch-release-qa-review", "Table_checks").path("dataSource").asText())
        .startsWith("=for c in releaseChecks[status != \"COMPLIANT\"]");
    assertThat(component("batch-release-certification", "Table_checks").path("dataSource").asText())
        .startsWith("=for c in releaseChecks return");
  }

  @Test
  @DisplayName("certification: RELEASE or REJECT, nothing else")
  void decisionValues() {
    assertThat(field("batch-release-certification", "releaseDecision").values())
        .containsExactly("RELEASE", "REJECT");
    assertThat(field("batch-release-qa-review", "qaReviewAcceptable").kind())
        .isEqualTo(FieldKind.BOOLEAN);
  }

  @Test
  @DisplayName(
      "certification: a justification is required by the model unless every check was compliant")
  void justificationUnlessEveryCheckIsCompliant() {
    Map<String, Object> release = Map.of("releaseDecision", "RELEASE");
    assertThat(check("batch-release-certification", release, Map.of("allChecksCompliant", true)))
        .isEmpty();
    assertThat(check("batch-release-certification", release, Map.of("allChecksCompliant", false)))
        .extracting(FieldViolation::field)
        .containsExactly("releaseJustification");
    assertThat(
            check(
                "batch-release-certification",
                Map.of("releaseDecision", "REJECT", "releaseJustification", "  "),
                Map.of("allChecksCompliant", false)))
        .extracting(FieldViolation::field)
        .containsExactly("releaseJustification");
    assertThat(
            check(
                "batch-release-certification",
                Map.of("releaseDecision", "RELEASE", "releaseJustification", "Deviation closed"),
                Map.of("allChecksCompliant", false)))
        .isEmpty();
    assertThat(
            check(
                "batch-release-certification",
                Map.of("releaseDecision", "SHIP"),
                Map.of("allChecksCompliant", true)))
        .extracting(FieldViolation::field)
        .containsExactly("releaseDecision");
  }

  @Test
  @DisplayName("QA review: a comment is always required, acceptable or not")
  void qaReviewNeedsAComment() {
    assertThat(
            check(
                "batch-release-qa-review",
                Map.of("qaReviewAcceptable", false),
                Map.of("allChecksCompliant", false)))
        .extracting(FieldViolation::field)
        .containsExactly("qaReviewComment");
    assertThat(
            check(
                "batch-release-qa-review",
                Map.of("qaReviewAcceptable", true, "qaReviewComment", "Within validated range"),
                Map.of()))
        .isEmpty();
  }

  private List<FieldViolation> check(
      String formId, Map<String, Object> submitted, Map<String, Object> current) {
    TaskInputSpec spec =
        TaskInputSpec.of(form(formId), ModelConstraints.from(modelProperties(TASKS.get(formId))));
    return validator.validate(spec, submitted, current, DynamicValues.unknown());
  }

  /** The task's properties as the server reads them from the deployed model. */
  private static Map<String, String> modelProperties(String taskId) {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn/batch-release.bpmn").toFile());
    UserTask task = model.getModelElementById(taskId);
    return UserTaskRules.of(task).properties();
  }

  private static JsonNode component(String formId, String componentId) throws IOException {
    for (JsonNode component :
        JSON.readTree(FORMS.resolve(formId + ".form").toFile()).path("components")) {
      if (componentId.equals(component.path("id").asText())) {
        return component;
      }
    }
    throw new AssertionError(formId + " has no component " + componentId);
  }

  private static FormField field(String formId, String name) {
    return form(formId)
        .field(name)
        .orElseThrow(() -> new AssertionError(formId + " has no field " + name));
  }

  private static CamundaForm form(String id) {
    try {
      return CamundaForm.parse(Files.readString(FORMS.resolve(id + ".form")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
