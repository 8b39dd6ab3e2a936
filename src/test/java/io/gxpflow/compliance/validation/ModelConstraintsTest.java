package io.gxpflow.compliance.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelConstraintsTest {

  @Test
  @DisplayName(
      "every validate.<field>.* constraint and validate.allow are read; other properties are ignored")
  void readsEveryConstraint() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("signature.meaning", "approval");
    properties.put("sod.notSameAs", "initiator");
    properties.put("validate.batchNumber.required", "true");
    properties.put("validate.batchNumber.pattern", "[A-Z]{2}-\\d{6}");
    properties.put("validate.yieldPercent.min", "90");
    properties.put("validate.yieldPercent.max", "100.5");
    properties.put("validate.comment.minLength", " 5 ");
    properties.put("validate.comment.maxLength", "200");
    properties.put("validate.disposition.values", "release, reject ,quarantine,");
    properties.put("validate.noCapaRationale.requiredWhen", "capaRequired=false");
    properties.put("validate.equipment.lineId.required", "false");
    properties.put("validate.allow", "reviewOutcome, signatureId");

    ModelConstraints constraints = ModelConstraints.from(properties);

    assertThat(constraints.allowed()).containsExactly("reviewOutcome", "signatureId");
    assertThat(constraints.fields())
        .extracting(FieldConstraints::field)
        .containsExactly(
            "batchNumber",
            "comment",
            "disposition",
            "equipment.lineId",
            "noCapaRationale",
            "yieldPercent");
    FieldConstraints batch = constraints.field("batchNumber").orElseThrow();
    assertThat(batch.required()).isTrue();
    assertThat(batch.pattern().pattern()).isEqualTo("[A-Z]{2}-\\d{6}");
    assertThat(constraints.field("yieldPercent").orElseThrow())
        .returns(new BigDecimal("90"), FieldConstraints::min)
        .returns(new BigDecimal("100.5"), FieldConstraints::max);
    assertThat(constraints.field("comment").orElseThrow())
        .returns(5, FieldConstraints::minLength)
        .returns(200, FieldConstraints::maxLength);
    assertThat(constraints.field("disposition").orElseThrow().values())
        .containsExactly("release", "reject", "quarantine");
    assertThat(constraints.field("noCapaRationale").orElseThrow().requiredWhen())
        .isEqualTo(new FieldConstraints.RequiredWhen("capaRequired", "false"));
    assertThat(constraints.field("equipment.lineId").orElseThrow().required()).isFalse();
  }

  @Test
  @DisplayName("a model with no validate.* property has no constraint")
  void noValidateProperties() {
    ModelConstraints constraints = ModelConstraints.from(Map.of("signature.meaning", "approval"));
    assertThat(constraints.isEmpty()).isTrue();
    assertThat(ModelConstraints.none().isEmpty()).isTrue();
  }

  @Test
  @DisplayName("requiredWhen splits at the first '=': the value may contain '='")
  void requiredWhenValueWithEquals() {
    ModelConstraints constraints =
        ModelConstraints.from(Map.of("validate.x.requiredWhen", "mode = a=b"));
    assertThat(constraints.field("x").orElseThrow().requiredWhen())
        .isEqualTo(new FieldConstraints.RequiredWhen("mode", "a=b"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @DisplayName("a malformed constraint is a configuration error naming the property")
  @CsvSource(
      delimiter = '|',
      value = {
        "validate.batchNumber.pattern|[A-Z{2}|not a valid regular expression",
        "validate.yieldPercent.min|ninety|not a number",
        "validate.yieldPercent.max|1,5|not a number",
        "validate.comment.minLength|-1|non-negative whole number",
        "validate.comment.maxLength|2.5|non-negative whole number",
        "validate.comment.required|yes|expected true or false",
        "validate.comment.requird|true|unknown constraint 'requird'",
        "validate.comment|true|expected validate.<field>.<constraint>",
        "validate.disposition.values|' , '|lists no value",
        "validate.rationale.requiredWhen|capaRequired|expected <otherField>=<value>",
        "validate.rationale.requiredWhen|=false|expected <otherField>=<value>",
        "validate.rationale.requiredWhen|capa required=false|not a field name",
        "validate.allow|ok, not ok|not a field name",
        "validate.bad-name.required|true|not a field name",
      })
  void malformed(String property, String value, String reason) {
    assertThatThrownBy(() -> ModelConstraints.from(Map.of(property, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(property)
        .hasMessageContaining(reason);
  }

  @Test
  @DisplayName("min above max and minLength above maxLength are configuration errors")
  void contradictoryLimits() {
    assertThatThrownBy(
            () -> ModelConstraints.from(Map.of("validate.n.min", "10", "validate.n.max", "5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("validate.n.min")
        .hasMessageContaining("above max 5");
    assertThatThrownBy(
            () ->
                ModelConstraints.from(
                    Map.of("validate.t.minLength", "10", "validate.t.maxLength", "5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("validate.t.minLength");
  }
}
