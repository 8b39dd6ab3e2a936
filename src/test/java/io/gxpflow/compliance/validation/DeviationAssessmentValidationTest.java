package io.gxpflow.compliance.validation;

import static io.gxpflow.compliance.validation.TaskInputValidatorTest.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The whole path as the engine will take it: a form exported by Camunda Modeler 5.31, the user
 * task's extension properties (validate.* among others), the task's current variables, and the
 * valuesKey options read from them.
 */
class DeviationAssessmentValidationTest {

  private static final TaskInputSpec SPEC =
      TaskInputSpec.of(
          CamundaFormTest.fixture("deviation-assessment.form"),
          ModelConstraints.from(
              Map.of(
                  "signature.meaning", "Assessed by QA",
                  "sod.notSameAs", "initiator",
                  "validate.noCapaRationale.requiredWhen", "capaRequired=false",
                  "validate.rootCause.maxLength", "2000",
                  "validate.allow", "assessmentSignatureId")));

  private static final Map<String, Object> CURRENT =
      Map.of(
          "deviationNumber",
          "DEV-2026-0057",
          "openBatches",
          List.of(
              map("label", "AB-123456 (tablets 20 mg)", "value", "AB-123456"),
              map("label", "AB-123457 (tablets 40 mg)", "value", "AB-123457")));

  private final TaskInputValidator validator = new TaskInputValidator();

  private List<FieldViolation> check(Map<String, Object> submitted) {
    return validator.validate(SPEC, submitted, CURRENT, DynamicValues.fromVariables(SPEC, CURRENT));
  }

  private static Map<String, Object> tasklistSubmission() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("deviationNumber", "DEV-2026-0057"); // read-only, sent back unchanged
    v.put("classification", "major");
    v.put("rootCause", "Label roll changed without line clearance record.");
    v.put("impactedBatches", List.of("AB-123456"));
    v.put("capaRequired", true);
    v.put("assessmentDue", "2026-12-01");
    v.put("assessmentSignatureId", "sig-7f3a");
    return v;
  }

  @Test
  @DisplayName("what Tasklist submits for a valid assessment passes")
  void validAssessment() {
    assertThat(check(tasklistSubmission())).isEmpty();
  }

  @Test
  @DisplayName("no CAPA needs a rationale; when given, it passes")
  void noCapaNeedsRationale() {
    Map<String, Object> v = tasklistSubmission();
    v.put("capaRequired", false);
    assertThat(check(v))
        .extracting(violation -> new FieldViolation(violation.field(), violation.reason()))
        .containsExactly(
            new FieldViolation("noCapaRationale", "required when capaRequired = false"));
    v.put("noCapaRationale", "Single occurrence, corrected under change control CC-118.");
    assertThat(check(v)).isEmpty();
  }

  @Test
  @DisplayName("everything wrong at once: every violation, in form order, unknown variables last")
  void everythingWrong() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("deviationNumber", "DEV-2026-0001");
    v.put("classification", "cosmetic");
    v.put("rootCause", "x".repeat(2001));
    v.put("impactedBatches", List.of("AB-123457", "ZZ-000000"));
    v.put("capaRequired", "no");
    v.put("assessmentDue", "01/12/2026");
    v.put("approver", "quinn");

    assertThat(check(v))
        .extracting(violation -> new FieldViolation(violation.field(), violation.reason()))
        .containsExactly(
            new FieldViolation("deviationNumber", "read-only: may not be changed"),
            new FieldViolation("classification", "not one of [minor, major, critical]"),
            new FieldViolation("rootCause", "must be at most 2000 characters"),
            new FieldViolation(
                "impactedBatches[1]",
                "is not one of the options the form offers: AB-123456 (tablets 20 mg),"
                    + " AB-123457 (tablets 40 mg)"),
            new FieldViolation("capaRequired", "expected true or false"),
            new FieldViolation("assessmentDue", "expected a date (yyyy-MM-dd)"),
            new FieldViolation(
                "approver", "unknown variable: not a field of form deviation-assessment"));
  }

  @Test
  @DisplayName(
      "DynamicValues.fromVariables: a valuesKey field's options come from that variable, others are unknown")
  void dynamicValuesFromVariables() {
    Function<String, Collection<?>> options = DynamicValues.fromVariables(SPEC, CURRENT);
    assertThat(options.apply("impactedBatches")).hasSize(2);
    assertThat(options.apply("classification")).isNull();
    assertThat(options.apply("nothing")).isNull();
    assertThat(DynamicValues.fromVariables(SPEC, Map.of()).apply("impactedBatches")).isNull();

    Map<String, Object> v = tasklistSubmission();
    v.put("impactedBatches", List.of("ZZ-000000"));
    assertThat(
            validator.validate(
                SPEC,
                v,
                Map.of("deviationNumber", "DEV-2026-0057"),
                DynamicValues.fromVariables(SPEC, Map.of())))
        .isEmpty();
  }
}
