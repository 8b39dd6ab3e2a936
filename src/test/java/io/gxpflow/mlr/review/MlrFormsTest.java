package io.gxpflow.mlr.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.compliance.tasks.UserTaskRules;
import io.gxpflow.compliance.validation.CamundaForm;
import io.gxpflow.compliance.validation.DynamicValues;
import io.gxpflow.compliance.validation.FieldViolation;
import io.gxpflow.compliance.validation.FormField;
import io.gxpflow.compliance.validation.ModelConstraints;
import io.gxpflow.compliance.validation.TaskInputSpec;
import io.gxpflow.compliance.validation.TaskInputValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Camunda Forms of mlr-review in {@code forms/}, read the way the server reads them to re-check
 * each submission, with the {@code validate.*} properties of their tasks: the keys the model and
 * the delegates rely on, what is required, the choices. No engine, no Spring.
 */
class MlrFormsTest {

  private static final Path FORMS = Path.of("forms");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Form id to its input keys in form order. */
  private static final Map<String, List<String>> INPUT_KEYS =
      Map.ofEntries(
          Map.entry(
              "mlr-submission",
              List.of("contentTitle", "product", "markets", "channel", "audience", "contentText")),
          Map.entry("mlr-revision", List.of("contentText")),
          Map.entry("mlr-triage", List.of("expedited")),
          Map.entry("mlr-review", List.of("reviewDecision", "reviewComment")),
          Map.entry("mlr-chase-review", List.of("chaseNote")),
          Map.entry("mlr-consolidation", List.of("consolidatedFeedback")),
          Map.entry("mlr-round-limit", List.of("roundLimitDecision", "roundLimitReason")),
          Map.entry("mlr-approval", List.of()),
          Map.entry("mlr-release", List.of("expiryDate")),
          Map.entry("mlr-periodic-review", List.of("periodicReviewDecision", "withdrawalReason")));

  private final TaskInputValidator validator = new TaskInputValidator();

  @Test
  void formsFolderHoldsExactlyTheMlrForms() throws IOException {
    try (Stream<Path> files = Files.list(FORMS)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("mlr-")))
          .containsExactlyInAnyOrderElementsOf(
              INPUT_KEYS.keySet().stream().map(id -> id + ".form").toList());
    }
  }

  @TestFactory
  Stream<DynamicTest> everyFormAsModelerExportsItWithTheExpectedInputs() {
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
                      JsonNode root = JSON.readTree(FORMS.resolve(id + ".form").toFile());
                      assertThat(root.path("executionPlatformVersion").asText())
                          .isEqualTo("7.24.0");
                      Set<String> ids = new HashSet<>();
                      for (JsonNode component : root.path("components")) {
                        assertThat(ids.add(component.path("id").asText())).isTrue();
                        if (component.has("key")) {
                          assertThat(component.path("description").asText())
                              .as("%s %s has a description", id, component.path("key"))
                              .isNotBlank();
                        }
                      }
                    }));
  }

  @Test
  void theChoicesAreTheOnesTheModelRoutesOn() {
    assertThat(field("mlr-review", "reviewDecision").values())
        .containsExactly("approve", "approve-with-changes", "reject");
    assertThat(field("mlr-round-limit", "roundLimitDecision").values())
        .containsExactly("continue", "cancel");
    assertThat(field("mlr-periodic-review", "periodicReviewDecision").values())
        .containsExactly("renew", "retire");
    assertThat(field("mlr-submission", "channel").values())
        .containsExactly("email", "rep-detail", "web", "social", "print");
    assertThat(field("mlr-submission", "audience").values()).containsExactly("HCP", "PATIENT");
  }

  @Test
  void aRejectionNeedsAComment() {
    for (String task : List.of("Task_MedicalReview", "Task_LegalReview", "Task_RegulatoryReview")) {
      assertThat(violations(task, Map.of("reviewDecision", "reject")))
          .extracting(FieldViolation::field)
          .containsExactly("reviewComment");
      assertThat(violations(task, Map.of("reviewDecision", "approve"))).isEmpty();
      assertThat(violations(task, Map.of("reviewDecision", "maybe")))
          .extracting(FieldViolation::field)
          .containsExactly("reviewDecision");
    }
  }

  @Test
  void retiringNeedsAReasonAndTheExpiryDateIsADate() {
    assertThat(violations("Task_PeriodicReview", Map.of("periodicReviewDecision", "retire")))
        .extracting(FieldViolation::field)
        .containsExactly("withdrawalReason");
    assertThat(violations("Task_PeriodicReview", Map.of("periodicReviewDecision", "renew")))
        .isEmpty();
    assertThat(violations("Task_Release", Map.of("expiryDate", "30.06.2028")))
        .extracting(FieldViolation::field)
        .containsExactly("expiryDate");
    assertThat(violations("Task_Release", Map.of("expiryDate", "2028-06-30"))).isEmpty();
  }

  private List<FieldViolation> violations(String taskKey, Map<String, Object> submitted) {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn", "mlr-review.bpmn").toFile());
    UserTask task = model.getModelElementById(taskKey);
    TaskInputSpec spec =
        TaskInputSpec.of(
            form(task.getCamundaFormRef()),
            ModelConstraints.from(UserTaskRules.of(task).properties()));
    return validator.validate(spec, submitted, Map.of(), DynamicValues.unknown());
  }

  private static FormField field(String formId, String key) {
    return form(formId).fields().stream()
        .filter(f -> f.key().equals(key))
        .findFirst()
        .orElseThrow();
  }

  private static CamundaForm form(String id) {
    try {
      return CamundaForm.parse(Files.readString(FORMS.resolve(id + ".form")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
