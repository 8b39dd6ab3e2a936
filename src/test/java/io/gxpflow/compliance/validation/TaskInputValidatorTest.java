package io.gxpflow.compliance.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule on the form with every input type ({@code batch-record-review.form}): a complete valid
 * submission passes, and each test breaks exactly one thing and expects exactly one violation
 * (field and reason), so that loosening a rule — or making it fire on valid input — fails here.
 */
class TaskInputValidatorTest {

  private static final CamundaForm FORM = CamundaFormTest.fixture("batch-record-review.form");
  private static final TaskInputSpec SPEC = TaskInputSpec.of(FORM, ModelConstraints.none());
  private static final String UNKNOWN = "unknown variable: not a field of form batch-record-review";

  private final TaskInputValidator validator = new TaskInputValidator();

  /** The options the caller knows for the valuesKey / valuesExpression selects. */
  private static final Function<String, Collection<?>> OPTIONS =
      field ->
          switch (field) {
            case "productCode" ->
                List.of(
                    Map.of("label", "Product 100", "value", "P-100"),
                    Map.of("label", "Product 200", "value", "P-200"));
            case "site" -> List.of("Basel", "Visp");
            default -> null;
          };

  /** A complete, valid submission as Tasklist would send it (mutable). */
  static Map<String, Object> valid() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("batchNumber", "AB-123456");
    v.put("batchStatus", "COMPLETED");
    v.put("assignedBy", "carl");
    v.put("reviewerEmail", "quinn.qa@gxpflow.io");
    v.put("qaPhone", "+49 (0)30 1234-567");
    v.put("reviewComment", "Record complete, no gaps.");
    v.put("yieldPercent", 98.5);
    v.put("sampleCount", "3");
    v.put("dataIntegrityConfirmed", true);
    v.put("checksDone", List.of("lineClearance", "labelReconciliation"));
    v.put("disposition", "release");
    v.put("productCode", "P-100");
    v.put("site", "Basel");
    v.put("deviationRefs", List.of("DEV-2026-0041"));
    v.put("manufacturingDate", "2026-11-02");
    v.put("sampledAt", "10:15+01:00");
    v.put("reviewedAt", "2026-11-20T14:30");
    v.put("yieldBand", "high");
    v.put("certificateFile", "coa-AB-123456.pdf");
    v.put("sampling", map("location", "Tank 3", "quantity", 2));
    v.put("equipment", map("lineId", "L-07", "cleaningRef", "CLN-88"));
    v.put("capaRequired", true);
    v.put(
        "findings",
        new ArrayList<>(
            List.of(map("description", "Smudged entry p.12", "severity", "minor", "count", 1))));
    v.put("qaSignature", map("signatureId", "sig-1", "meaning", "review"));
    return v;
  }

  /** What the task already sees: MES values shown read-only. */
  static Map<String, Object> current() {
    Map<String, Object> c = new HashMap<>();
    c.put("batchStatus", "COMPLETED");
    c.put("plantCode", "BSL");
    return c;
  }

  private List<FieldViolation> check(Map<String, Object> submitted) {
    return validator.validate(SPEC, submitted, current(), OPTIONS);
  }

  private static Map<String, Object> with(String key, Object value) {
    Map<String, Object> v = valid();
    v.put(key, value);
    return v;
  }

  private static Map<String, Object> without(String... keys) {
    Map<String, Object> v = valid();
    Arrays.asList(keys).forEach(v::remove);
    return v;
  }

  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  private static void assertOnly(List<FieldViolation> violations, String field, String reason) {
    assertThat(violations)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo(field);
              assertThat(v.reason()).contains(reason);
            });
  }

  @Nested
  @DisplayName("valid input")
  class ValidInput {

    @Test
    @DisplayName("a complete submission of every input type has no violation")
    void completeSubmission() {
      assertThat(check(valid())).isEmpty();
    }

    @Test
    @DisplayName("other value shapes the engine or a REST client sends are accepted")
    void otherShapes() {
      Map<String, Object> v = valid();
      v.put("yieldPercent", new BigDecimal("100"));
      v.put("sampleCount", 4L); // serializeToString: a number is fine too
      v.put("manufacturingDate", Date.from(Instant.parse("2026-11-02T00:00:00Z")));
      v.put("sampledAt", "10:15");
      v.put("reviewedAt", "2026-11-20T14:30:00.000+0100"); // Camunda REST date format
      v.put("sampling", map("location", "Tank 3", "quantity", 0.5f));
      v.put("checksDone", List.of("inProcessControls"));
      v.put("yieldBand", 42); // computed: anything
      v.put("qaSignature", "any value of an unknown component");
      v.put("reviewComment", "");
      v.put("reviewerEmail", null);
      assertThat(check(v)).isEmpty();

      v.put("manufacturingDate", LocalDate.of(2026, 11, 2));
      v.put("reviewedAt", Date.from(Instant.parse("2026-11-20T13:30:00Z")));
      v.put("sampledAt", "10:15Z");
      assertThat(check(v)).isEmpty();
    }

    @Test
    @DisplayName("limits are inclusive: yield 0 and 100, comment of exactly 10 characters")
    void inclusiveLimits() {
      assertThat(check(with("yieldPercent", 0))).isEmpty();
      assertThat(check(with("yieldPercent", 100))).isEmpty();
      assertThat(check(with("reviewComment", "0123456789"))).isEmpty();
      assertThat(check(with("reviewComment", "x".repeat(500)))).isEmpty();
    }

    @Test
    @DisplayName("required fields already set on the task need not be submitted again")
    void requiredFromCurrent() {
      Map<String, Object> current = current();
      current.putAll(
          map(
              "batchNumber",
              "AB-123456",
              "disposition",
              "reject",
              "manufacturingDate",
              new Date(),
              "equipment",
              map("lineId", "L-01")));
      Map<String, Object> submitted =
          without("batchNumber", "disposition", "manufacturingDate", "equipment");
      assertThat(validator.validate(SPEC, submitted, current, OPTIONS)).isEmpty();
    }

    @Test
    @DisplayName("a hidden-by-condition required field is not required when absent")
    void conditionalNotRequired() {
      Map<String, Object> v = with("capaRequired", false);
      assertThat(check(v)).isEmpty();
      v.put("noCapaRationale", "  ");
      assertThat(check(v)).isEmpty();
    }

    @Test
    @DisplayName("no submission at all against a form without required fields, null maps")
    void nothingSubmitted() {
      CamundaForm form =
          CamundaForm.parse(
              "{\"id\": \"f\", \"components\": [{\"type\": \"textfield\", \"key\": \"a\"}]}");
      assertThat(validator.validate(TaskInputSpec.of(form, null), null, null, null)).isEmpty();
    }
  }

  @Nested
  @DisplayName("required")
  class Required {

    @Test
    @DisplayName("missing in submitted and in current")
    void missing() {
      assertOnly(check(without("batchNumber")), "batchNumber", "required");
    }

    @Test
    @DisplayName("null, a blank string, an empty list")
    void nullBlankEmpty() {
      assertOnly(check(with("batchNumber", null)), "batchNumber", "required");
      assertOnly(check(with("batchNumber", "   ")), "batchNumber", "required");
      assertOnly(check(with("checksDone", List.of())), "checksDone", "required");
    }

    @Test
    @DisplayName("a submitted blank replaces the current value: still required")
    void blankOverridesCurrent() {
      Map<String, Object> current = current();
      current.put("batchNumber", "AB-123456");
      List<FieldViolation> violations =
          validator.validate(SPEC, with("batchNumber", ""), current, OPTIONS);
      assertOnly(violations, "batchNumber", "required");
    }

    @Test
    @DisplayName("a required checkbox must be checked")
    void checkboxMustBeChecked() {
      assertOnly(
          check(with("dataIntegrityConfirmed", false)),
          "dataIntegrityConfirmed",
          "required: must be checked");
      assertOnly(check(without("dataIntegrityConfirmed")), "dataIntegrityConfirmed", "required");
    }

    @Test
    @DisplayName("fields in a group path and dotted keys")
    void nested() {
      assertOnly(check(with("sampling", map("quantity", 2))), "sampling.location", "required");
      assertOnly(
          check(with("equipment", map("cleaningRef", "CLN-88"))), "equipment.lineId", "required");
      assertOnly(check(without("equipment")), "equipment.lineId", "required");
    }

    @Test
    @DisplayName("fields of a dynamic list item")
    void listItem() {
      Map<String, Object> v =
          with(
              "findings",
              List.of(map("description", "ok", "severity", "minor"), map("severity", "major")));
      assertOnly(check(v), "findings[1].description", "required");
    }

    @Test
    @DisplayName(
        "an unknown component's validate.required is not enforced (its value shape is unknown)")
    void unknownComponentNotRequired() {
      assertThat(check(without("qaSignature"))).isEmpty();
    }
  }

  @Nested
  @DisplayName("type")
  class Type {

    static List<Arguments> mismatches() {
      return List.of(
          Arguments.of("batchNumber", 123456, "batchNumber", "expected a text"),
          Arguments.of("reviewComment", List.of("a"), "reviewComment", "expected a text"),
          Arguments.of("yieldPercent", "98.5", "yieldPercent", "expected a number"),
          Arguments.of("yieldPercent", Double.NaN, "yieldPercent", "expected a number"),
          Arguments.of("yieldPercent", true, "yieldPercent", "expected a number"),
          Arguments.of("sampleCount", "three", "sampleCount", "expected a number"),
          Arguments.of(
              "dataIntegrityConfirmed", "true", "dataIntegrityConfirmed", "expected true or false"),
          Arguments.of("checksDone", "lineClearance", "checksDone", "expected a list"),
          Arguments.of(
              "checksDone",
              List.of(map("value", "lineClearance")),
              "checksDone[0]",
              "expected a single value"),
          Arguments.of("disposition", List.of("release"), "disposition", "expected a single value"),
          Arguments.of("deviationRefs", "DEV-2026-0041", "deviationRefs", "expected a list"),
          Arguments.of(
              "manufacturingDate",
              "02.11.2026",
              "manufacturingDate",
              "expected a date (yyyy-MM-dd)"),
          Arguments.of("manufacturingDate", "2026-02-30", "manufacturingDate", "expected a date"),
          Arguments.of(
              "manufacturingDate", "2026-11-02T10:00", "manufacturingDate", "expected a date"),
          Arguments.of("sampledAt", "25:00", "sampledAt", "expected a time"),
          Arguments.of("sampledAt", new Date(), "sampledAt", "expected a time"),
          Arguments.of("reviewedAt", "2026-11-20", "reviewedAt", "expected a date-time"),
          Arguments.of("reviewedAt", "yesterday", "reviewedAt", "expected a date-time"),
          Arguments.of(
              "certificateFile", 42, "certificateFile", "expected a text (file reference)"),
          Arguments.of("findings", "one finding", "findings", "expected a list of objects"),
          Arguments.of("findings", List.of("one finding"), "findings[0]", "expected an object"),
          Arguments.of("sampling", "Tank 3", "sampling", "expected an object"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("mismatches")
    @DisplayName("a value of the wrong type")
    void mismatch(String key, Object value, String field, String reason) {
      assertOnly(check(with(key, value)), field, reason);
    }

    @Test
    @DisplayName("a path through a non-object is reported once, not per field below it")
    void brokenPathOnce() {
      assertOnly(check(with("equipment", "L-07")), "equipment", "expected an object");
    }
  }

  @Nested
  @DisplayName("limits")
  class Limits {

    @Test
    @DisplayName("number min and max, with the limit")
    void minMax() {
      assertOnly(check(with("yieldPercent", -0.01)), "yieldPercent", "must be at least 0");
      assertOnly(check(with("yieldPercent", 100.01)), "yieldPercent", "must be at most 100");
      assertOnly(check(with("sampleCount", "0")), "sampleCount", "must be at least 1");
      assertOnly(
          check(with("sampling", map("location", "Tank 3", "quantity", 0.4))),
          "sampling.quantity",
          "must be at least 0.5");
    }

    @Test
    @DisplayName("a FEEL limit (max: =maxSamples) is not enforced")
    void feelLimitNotEnforced() {
      assertThat(check(with("sampleCount", "100000"))).isEmpty();
    }

    @Test
    @DisplayName("minLength and maxLength in characters (code points)")
    void lengths() {
      assertOnly(
          check(with("reviewComment", "too short")),
          "reviewComment",
          "must be at least 10 characters");
      assertOnly(
          check(with("reviewComment", "x".repeat(501))),
          "reviewComment",
          "must be at most 500 characters");
      assertThat(check(with("reviewComment", "\uD83D\uDE00".repeat(10)))).isEmpty();
      assertOnly(
          check(with("reviewComment", "\uD83D\uDE00".repeat(9))),
          "reviewComment",
          "at least 10 characters");
    }

    @Test
    @DisplayName("pattern")
    void pattern() {
      assertOnly(
          check(with("batchNumber", "ab-123456")), "batchNumber", "is not in the expected format");
    }

    @Test
    @DisplayName("a pattern must match the whole value, not a part of it")
    void patternFullMatch() {
      CamundaForm form =
          CamundaForm.parse(
              """
          {"id": "f", "components": [{"type": "textfield", "key": "lot", "validate": {"pattern": "L-\\\\d{2}"}}]}""");
      TaskInputSpec spec = TaskInputSpec.of(form, null);
      assertThat(validator.validate(spec, map("lot", "L-07"), null, null)).isEmpty();
      assertOnly(
          validator.validate(spec, map("lot", "L-077"), null, null),
          "lot",
          "is not in the expected format");
      assertOnly(
          validator.validate(spec, map("lot", "xL-07"), null, null),
          "lot",
          "is not in the expected format");
    }

    @Test
    @DisplayName("email")
    void email() {
      for (String bad :
          List.of(
              "quinn.qa@",
              "quinn.qa@gxpflow",
              "quinn qa@gxpflow.io",
              "@gxpflow.io",
              "quinn..qa@gxpflow.io")) {
        assertOnly(check(with("reviewerEmail", bad)), "reviewerEmail", "not a valid email address");
      }
      assertThat(check(with("reviewerEmail", "first.last+qa@sub.gxp-flow.io"))).isEmpty();
    }

    @Test
    @DisplayName("phone")
    void phone() {
      for (String bad :
          List.of("12ab5678", "12345", "+49 30 1234567 ext. 2", "+1234567890123456")) {
        assertOnly(check(with("qaPhone", bad)), "qaPhone", "not a valid phone number");
      }
      for (String good :
          List.of("+41 61 123 45 67", "0041611234567", "(030) 123-4567", "+1.555.123.4567")) {
        assertThat(check(with("qaPhone", good))).as(good).isEmpty();
      }
    }
  }

  @Nested
  @DisplayName("allowed values")
  class AllowedValues {

    @Test
    @DisplayName("radio/select outside the static values")
    void staticValues() {
      assertOnly(
          check(with("disposition", "approve")),
          "disposition",
          "not one of [release, reject, quarantine]");
    }

    @Test
    @DisplayName(
        "select with valuesKey / valuesExpression: values from the caller's lookup, {label, value} or plain")
    void dynamicValues() {
      // options with labels are named as the form showed them
      assertOnly(
          check(with("productCode", "P-999")),
          "productCode",
          "is not one of the options the form offers: Product 100 (P-100), Product 200 (P-200)");
      assertOnly(check(with("site", "Zurich")), "site", "not one of [Basel, Visp]");
    }

    @Test
    @DisplayName("dynamic values not known to the caller are not enforced")
    void dynamicValuesUnknown() {
      Map<String, Object> v = with("productCode", "P-999");
      v.put("site", "Zurich");
      assertThat(validator.validate(SPEC, v, current(), null)).isEmpty();
      assertThat(validator.validate(SPEC, v, current(), DynamicValues.unknown())).isEmpty();
    }

    @Test
    @DisplayName("checklist and taglist: each item outside the values, by index")
    void listItems() {
      assertOnly(
          check(with("checksDone", List.of("lineClearance", "coffeeBreak"))),
          "checksDone[1]",
          "not one of [lineClearance, labelReconciliation, inProcessControls]");
      List<FieldViolation> violations =
          check(with("deviationRefs", List.of("DEV-1", "DEV-2026-0042", "DEV-2")));
      assertThat(violations)
          .extracting(FieldViolation::field)
          .containsExactly("deviationRefs[0]", "deviationRefs[2]");
    }

    @Test
    @DisplayName("dynamic list item fields: values and limits per item")
    void dynamicListItems() {
      Map<String, Object> v =
          with(
              "findings",
              List.of(
                  map("description", "ok", "severity", "minor", "count", 1),
                  map("description", "bad", "severity", "blocker", "count", 0)));
      assertThat(check(v))
          .containsExactly(
              new FieldViolation("findings[1].severity", "not one of [minor, major, critical]"),
              new FieldViolation("findings[1].count", "must be at least 1"));
    }
  }

  @Nested
  @DisplayName("read-only")
  class ReadOnly {

    @Test
    @DisplayName("readonly: true submitted with a different value")
    void changed() {
      assertOnly(check(with("batchStatus", "RELEASED")), "batchStatus", "read-only");
    }

    @Test
    @DisplayName(
        "disabled: true counts as read-only; setting a value the task does not have is a change")
    void disabled() {
      assertOnly(check(with("plantCode", "VSP")), "plantCode", "read-only");
      Map<String, Object> current = current();
      current.remove("batchStatus");
      assertOnly(validator.validate(SPEC, valid(), current, OPTIONS), "batchStatus", "read-only");
    }

    @Test
    @DisplayName("submitting the current value back (as Tasklist does) is no change")
    void unchanged() {
      Map<String, Object> v = with("plantCode", "BSL");
      assertThat(check(v)).isEmpty();
      CamundaForm form =
          CamundaForm.parse(
              """
          {"id": "f", "components": [
            {"type": "number", "key": "n", "readonly": true},
            {"type": "datetime", "subtype": "datetime", "key": "d", "readonly": true}]}""");
      Map<String, Object> current =
          map("n", 5L, "d", Date.from(Instant.parse("2026-11-20T13:30:00Z")));
      assertThat(
              validator.validate(
                  TaskInputSpec.of(form, null),
                  map("n", 5, "d", "2026-11-20T14:30:00+01:00"),
                  current,
                  null))
          .isEmpty();
    }

    @Test
    @DisplayName("a FEEL readonly is not statically known: not enforced")
    void feelReadonly() {
      Map<String, Object> current = current();
      current.put("assignedBy", "carl");
      assertThat(validator.validate(SPEC, with("assignedBy", "mark"), current, OPTIONS)).isEmpty();
    }
  }

  @Nested
  @DisplayName("labels")
  class Labels {

    @Test
    @DisplayName("a refused field carries its form label, for the sentence the user reads")
    void aFieldsOwnViolationCarriesItsLabel() {
      assertThat(check(without("batchNumber")))
          .singleElement()
          .satisfies(v -> assertThat(v.label()).isEqualTo("Batch number"));
    }

    @Test
    @DisplayName("an item inside a list or a key nobody declares has no label")
    void nestedAndUnknownHaveNone() {
      assertThat(check(with("approvedBy", "quinn")))
          .singleElement()
          .satisfies(v -> assertThat(v.label()).isNull());
      assertThat(
              check(
                  with(
                      "findings",
                      List.of(map("description", "d", "severity", "minor", "owner", "ivan")))))
          .singleElement()
          .satisfies(v -> assertThat(v.label()).isNull());
    }
  }

  @Nested
  @DisplayName("unknown variables")
  class UnknownVariables {

    @Test
    @DisplayName("a variable no form field declares")
    void topLevel() {
      assertOnly(check(with("approvedBy", "quinn")), "approvedBy", UNKNOWN);
    }

    @Test
    @DisplayName("a key inside a group's object, a dotted key's object or a list item")
    void nested() {
      assertOnly(
          check(with("sampling", map("location", "Tank 3", "operator", "paul"))),
          "sampling.operator",
          UNKNOWN);
      assertOnly(
          check(with("equipment", map("lineId", "L-07", "speed", 3))), "equipment.speed", UNKNOWN);
      assertOnly(
          check(
              with(
                  "findings",
                  List.of(map("description", "d", "severity", "minor", "owner", "ivan")))),
          "findings[0].owner",
          UNKNOWN);
    }

    @Test
    @DisplayName("a display-only component's name is no field")
    void displayOnly() {
      assertOnly(check(with("previousReviews", List.of())), "previousReviews", UNKNOWN);
    }

    @Test
    @DisplayName("validate.allow lets extra variables through, whatever their value")
    void allowed() {
      TaskInputSpec spec =
          TaskInputSpec.of(FORM, ModelConstraints.from(Map.of("validate.allow", "approvedBy")));
      assertThat(
              validator.validate(spec, with("approvedBy", map("id", "quinn")), current(), OPTIONS))
          .isEmpty();
    }
  }

  @Nested
  @DisplayName("order")
  class Order {

    @Test
    @DisplayName(
        "violations come in form field order (list items in place), then unknown variables")
    void order() {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("zzz", 1);
      v.putAll(valid());
      v.put("aaa", 2);
      v.put("findings", List.of(map("severity", "minor")));
      v.put("yieldPercent", 101);
      v.remove("batchNumber");
      v.put("certificateFile", false);
      assertThat(check(v))
          .extracting(violation -> new FieldViolation(violation.field(), violation.reason()))
          .containsExactly(
              new FieldViolation("batchNumber", "required"),
              new FieldViolation("yieldPercent", "must be at most 100"),
              new FieldViolation("certificateFile", "expected a text (file reference)"),
              new FieldViolation("findings[0].description", "required"),
              new FieldViolation("zzz", UNKNOWN),
              new FieldViolation("aaa", UNKNOWN));
    }
  }

  @Nested
  @DisplayName("model constraints")
  class ModelConstraintsOnTop {

    private List<FieldViolation> check(
        Map<String, String> properties, Map<String, Object> submitted) {
      TaskInputSpec spec = TaskInputSpec.of(FORM, ModelConstraints.from(properties));
      return validator.validate(spec, submitted, current(), OPTIONS);
    }

    @Test
    @DisplayName("both the form's and the model's limits hold")
    void bothHold() {
      Map<String, String> model = Map.of("validate.yieldPercent.min", "95");
      assertOnly(check(model, with("yieldPercent", 94.9)), "yieldPercent", "must be at least 95");
      assertOnly(check(model, with("yieldPercent", 101)), "yieldPercent", "must be at most 100");
      assertThat(check(model, with("yieldPercent", 95))).isEmpty();
    }

    @Test
    @DisplayName("values narrow a select")
    void values() {
      Map<String, String> model = Map.of("validate.disposition.values", "release,reject");
      assertOnly(
          check(model, with("disposition", "quarantine")),
          "disposition",
          "not one of [release, reject]");
    }

    @Test
    @DisplayName(
        "required makes an optional form field required; required=false does not relax the form")
    void required() {
      assertOnly(
          check(Map.of("validate.reviewerEmail.required", "true"), without("reviewerEmail")),
          "reviewerEmail",
          "required");
      assertOnly(
          check(Map.of("validate.batchNumber.required", "false"), without("batchNumber")),
          "batchNumber",
          "required");
    }

    @Test
    @DisplayName("pattern, minLength and maxLength on a form field")
    void textConstraints() {
      Map<String, String> pattern = Map.of("validate.equipment.lineId.pattern", "L-\\d{2}");
      assertOnly(
          check(pattern, with("equipment", map("lineId", "L-077"))),
          "equipment.lineId",
          "is not in the expected format");
      assertThat(check(pattern, valid())).isEmpty();
      Map<String, String> maxLength = Map.of("validate.reviewComment.maxLength", "20");
      assertOnly(
          check(maxLength, with("reviewComment", "x".repeat(21))),
          "reviewComment",
          "must be at most 20 characters");
      assertThat(check(maxLength, with("reviewComment", "x".repeat(20)))).isEmpty();
      assertOnly(
          check(Map.of("validate.batchNumber.minLength", "10"), valid()),
          "batchNumber",
          "must be at least 10 characters");
    }

    @Test
    @DisplayName("requiredWhen: required when another submitted field has the value")
    void requiredWhen() {
      Map<String, String> model =
          Map.of("validate.noCapaRationale.requiredWhen", "capaRequired=false");
      assertOnly(
          check(model, with("capaRequired", false)),
          "noCapaRationale",
          "required when capaRequired = false");
      assertThat(check(model, with("capaRequired", true))).isEmpty();
      Map<String, Object> v = with("capaRequired", false);
      v.put("noCapaRationale", "Root cause is a one-off typo, corrected.");
      assertThat(check(model, v)).isEmpty();
      v.put("noCapaRationale", "Typo.");
      assertOnly(check(model, v), "noCapaRationale", "must be at least 20 characters");
    }

    @Test
    @DisplayName("requiredWhen reads the current value when the other field is not submitted")
    void requiredWhenFromCurrent() {
      TaskInputSpec spec =
          TaskInputSpec.of(
              FORM,
              ModelConstraints.from(
                  Map.of("validate.noCapaRationale.requiredWhen", "capaRequired=false")));
      Map<String, Object> current = current();
      current.put("capaRequired", false);
      assertOnly(
          validator.validate(spec, without("capaRequired"), current, OPTIONS),
          "noCapaRationale",
          "required when capaRequired = false");
    }

    @Test
    @DisplayName("constraints on dynamic list item fields apply to every item")
    void listItemConstraint() {
      Map<String, String> model = Map.of("validate.findings.severity.values", "major,critical");
      assertOnly(check(model, valid()), "findings[0].severity", "not one of [major, critical]");
    }

    @Test
    @DisplayName("a field only the model declares is accepted and checked")
    void modelOnlyField() {
      Map<String, String> model = Map.of("validate.reviewOutcome.values", "ok,nok");
      assertThat(check(model, with("reviewOutcome", "ok"))).isEmpty();
      assertOnly(
          check(model, with("reviewOutcome", "maybe")), "reviewOutcome", "not one of [ok, nok]");
      assertThat(check(model, valid())).isEmpty();
      assertOnly(
          check(Map.of("validate.reviewOutcome.required", "true"), valid()),
          "reviewOutcome",
          "required");
    }

    @Test
    @DisplayName("a model min on a text field asks for a numeric text")
    void minOnText() {
      Map<String, String> model = Map.of("validate.equipment.cleaningRef.min", "10");
      assertOnly(check(model, valid()), "equipment.cleaningRef", "expected a number");
    }

    @Test
    @DisplayName(
        "a model constraint into a field that is not an object, or a missing list item field, is a configuration error")
    void contradictsForm() {
      assertThatThrownBy(
              () ->
                  TaskInputSpec.of(
                      FORM,
                      ModelConstraints.from(
                          Map.of("validate.batchNumber.prefix.required", "true"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("validate.batchNumber.prefix")
          .hasMessageContaining("not an object");
      assertThatThrownBy(
              () ->
                  TaskInputSpec.of(
                      FORM,
                      ModelConstraints.from(Map.of("validate.findings.owner.required", "true"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("validate.findings.owner")
          .hasMessageContaining("dynamic list");
    }
  }

  @Nested
  @DisplayName("a task without form")
  class WithoutForm {

    private final TaskInputSpec spec =
        TaskInputSpec.withoutForm(
            ModelConstraints.from(
                Map.of(
                    "validate.allow", "decision",
                    "validate.comment.required", "true",
                    "signature.meaning", "approval")));

    @Test
    @DisplayName("accepts validate.allow variables and fields the model constrains")
    void accepts() {
      assertThat(
              validator.validate(spec, map("decision", "approve", "comment", "fine"), null, null))
          .isEmpty();
    }

    @Test
    @DisplayName("refuses anything else, and the model's constraints hold")
    void refuses() {
      assertThat(
              validator.validate(
                  spec, map("decision", "approve", "batchNumber", "AB-1"), null, null))
          .containsExactly(
              new FieldViolation("comment", "required"),
              new FieldViolation(
                  "batchNumber",
                  "unknown variable: the task has no form and validate.allow does not list it"));
    }
  }
}
