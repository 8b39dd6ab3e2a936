package io.gxpflow.compliance.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gxpflow.compliance.validation.CamundaForm.UnknownComponent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CamundaFormTest {

  static CamundaForm fixture(String name) {
    try (InputStream in = CamundaFormTest.class.getResourceAsStream("/validation/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name);
      }
      return CamundaForm.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String fixtureText(String name) {
    try (InputStream in = CamundaFormTest.class.getResourceAsStream("/validation/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final CamundaForm ALL_TYPES = fixture("batch-record-review.form");

  private static FormField field(String name) {
    return ALL_TYPES.field(name).orElseThrow(() -> new AssertionError("no field " + name));
  }

  @Test
  @DisplayName(
      "a form exported by Camunda Modeler 5.31 (schemaVersion 16, layout blocks) is read field by field")
  void modelerExport() {
    CamundaForm form = fixture("deviation-assessment.form");

    assertThat(form.id()).isEqualTo("deviation-assessment");
    assertThat(form.schemaVersion()).hasValue(16);
    assertThat(form.unknownComponents()).isEmpty();
    assertThat(form.fields())
        .extracting(FormField::key, FormField::type, FormField::kind)
        .containsExactly(
            tuple("deviationNumber", "textfield", FieldKind.TEXT),
            tuple("classification", "radio", FieldKind.SINGLE_CHOICE),
            tuple("rootCause", "textarea", FieldKind.TEXT),
            tuple("impactedBatches", "taglist", FieldKind.MULTI_CHOICE),
            tuple("capaRequired", "checkbox", FieldKind.BOOLEAN),
            tuple("noCapaRationale", "textarea", FieldKind.TEXT),
            tuple("assessmentDue", "datetime", FieldKind.DATETIME));
    assertThat(form.field("deviationNumber").orElseThrow().readOnly()).isTrue();
    assertThat(form.field("classification").orElseThrow().values())
        .containsExactly("minor", "major", "critical");
    assertThat(form.field("rootCause").orElseThrow())
        .returns(true, FormField::required)
        .returns(20, FormField::minLength)
        .returns("Root cause", FormField::label)
        .returns("Field_17u9pyt", FormField::id);
    assertThat(form.field("impactedBatches").orElseThrow())
        .returns("openBatches", FormField::valuesKey)
        .returns(null, FormField::values);
    assertThat(form.field("noCapaRationale").orElseThrow().conditional()).isTrue();
    assertThat(form.field("assessmentDue").orElseThrow().subtype()).isEqualTo("date");
  }

  @Test
  @DisplayName(
      "every input type maps to its kind; display-only components (text, table, image, ...) are no fields")
  void everyInputType() {
    assertThat(ALL_TYPES.schemaVersion()).hasValue(18);
    assertThat(ALL_TYPES.fields())
        .extracting(FormField::key, FormField::type, FormField::kind)
        .containsExactly(
            tuple("batchNumber", "textfield", FieldKind.TEXT),
            tuple("batchStatus", "textfield", FieldKind.TEXT),
            tuple("plantCode", "textfield", FieldKind.TEXT),
            tuple("assignedBy", "textfield", FieldKind.TEXT),
            tuple("reviewerEmail", "textfield", FieldKind.TEXT),
            tuple("qaPhone", "textfield", FieldKind.TEXT),
            tuple("reviewComment", "textarea", FieldKind.TEXT),
            tuple("yieldPercent", "number", FieldKind.NUMBER),
            tuple("sampleCount", "number", FieldKind.NUMBER),
            tuple("dataIntegrityConfirmed", "checkbox", FieldKind.BOOLEAN),
            tuple("checksDone", "checklist", FieldKind.MULTI_CHOICE),
            tuple("disposition", "radio", FieldKind.SINGLE_CHOICE),
            tuple("productCode", "select", FieldKind.SINGLE_CHOICE),
            tuple("site", "select", FieldKind.SINGLE_CHOICE),
            tuple("deviationRefs", "taglist", FieldKind.MULTI_CHOICE),
            tuple("manufacturingDate", "datetime", FieldKind.DATETIME),
            tuple("sampledAt", "datetime", FieldKind.DATETIME),
            tuple("reviewedAt", "datetime", FieldKind.DATETIME),
            tuple("yieldBand", "expression", FieldKind.COMPUTED),
            tuple("certificateFile", "filepicker", FieldKind.FILE),
            tuple("sampling.location", "textfield", FieldKind.TEXT),
            tuple("sampling.quantity", "number", FieldKind.NUMBER),
            tuple("equipment.lineId", "textfield", FieldKind.TEXT),
            tuple("equipment.cleaningRef", "textfield", FieldKind.TEXT),
            tuple("capaRequired", "checkbox", FieldKind.BOOLEAN),
            tuple("noCapaRationale", "textarea", FieldKind.TEXT),
            tuple("findings", "dynamiclist", FieldKind.LIST),
            tuple("qaSignature", "signaturepad", FieldKind.ANY));
  }

  @Test
  @DisplayName(
      "validate.* of a textfield: required, lengths, pattern; validationType custom means none")
  void textRules() {
    assertThat(field("batchNumber"))
        .returns(true, FormField::required)
        .returns(9, FormField::minLength)
        .returns(9, FormField::maxLength)
        .returns(null, FormField::validationType);
    assertThat(field("batchNumber").pattern().pattern()).isEqualTo("[A-Z]{2}-\\d{6}");
    assertThat(field("reviewerEmail").validationType()).isEqualTo("email");
    assertThat(field("qaPhone").validationType()).isEqualTo("phone");
  }

  @Test
  @DisplayName(
      "number: min/max as numbers or numeric strings; a FEEL limit is not enforced; serializeToString kept")
  void numberRules() {
    assertThat(field("yieldPercent"))
        .returns(new BigDecimal("0"), FormField::min)
        .returns(new BigDecimal("100"), FormField::max)
        .returns(false, FormField::serializeToString);
    assertThat(field("sampleCount"))
        .returns(new BigDecimal("1"), FormField::min)
        .returns(null, FormField::max)
        .returns(true, FormField::serializeToString);
  }

  @Test
  @DisplayName("readonly/disabled true are read-only; a FEEL readonly is not statically known")
  void readOnly() {
    assertThat(field("batchStatus").readOnly()).isTrue();
    assertThat(field("plantCode").readOnly()).isTrue();
    assertThat(field("assignedBy").readOnly()).isFalse();
    assertThat(field("batchNumber").readOnly()).isFalse();
  }

  @Test
  @DisplayName("static values, valuesKey and valuesExpression")
  void allowedValues() {
    assertThat(field("checksDone").values())
        .containsExactly("lineClearance", "labelReconciliation", "inProcessControls");
    assertThat(field("productCode"))
        .returns(null, FormField::values)
        .returns("productOptions", FormField::valuesKey)
        .returns(true, FormField::hasDynamicValues);
    assertThat(field("site"))
        .returns(null, FormField::values)
        .returns("=sites", FormField::valuesExpression)
        .returns(true, FormField::hasDynamicValues);
    assertThat(field("disposition").hasDynamicValues()).isFalse();
    // what a person reads for each value, in the form's order (the signature step shows them)
    assertThat(field("disposition").valueLabels())
        .containsExactly(
            Map.entry("release", "Release"),
            Map.entry("reject", "Reject"),
            Map.entry("quarantine", "Quarantine"));
    assertThat(field("productCode").valueLabels()).isEmpty();
  }

  @Test
  @DisplayName(
      "a group's path prefixes its children; a group without path and dotted keys give nested paths")
  void groupsAndDottedKeys() {
    assertThat(field("sampling.location").path()).containsExactly("sampling", "location");
    assertThat(field("sampling.location").required()).isTrue();
    assertThat(field("sampling.quantity").min()).isEqualByComparingTo("0.5");
    assertThat(field("equipment.lineId").path()).containsExactly("equipment", "lineId");
  }

  @Test
  @DisplayName(
      "a dynamic list is one list field at its path whose item fields are relative to the item")
  void dynamicList() {
    FormField findings = field("findings");
    assertThat(findings.kind()).isEqualTo(FieldKind.LIST);
    assertThat(findings.itemFields())
        .extracting(FormField::key, FormField::kind)
        .containsExactly(
            tuple("description", FieldKind.TEXT),
            tuple("severity", FieldKind.SINGLE_CHOICE),
            tuple("count", FieldKind.NUMBER));
    assertThat(ALL_TYPES.field("findings.severity").orElseThrow().values())
        .containsExactly("minor", "major", "critical");
    assertThat(ALL_TYPES.field("findings.nothing")).isEmpty();
  }

  @Test
  @DisplayName("conditional.hide marks the field; datetime subtypes are kept")
  void conditionalAndSubtypes() {
    assertThat(field("noCapaRationale").conditional()).isTrue();
    assertThat(field("capaRequired").conditional()).isFalse();
    assertThat(field("manufacturingDate").subtype()).isEqualTo("date");
    assertThat(field("sampledAt").subtype()).isEqualTo("time");
    assertThat(field("reviewedAt").subtype()).isEqualTo("datetime");
  }

  @Test
  @DisplayName(
      "unknown components are listed; one with a key is a field of any value, without rules")
  void unknownComponents() {
    assertThat(ALL_TYPES.unknownComponents())
        .containsExactly(
            new UnknownComponent("signaturepad", "Field_0signature", "qaSignature"),
            new UnknownComponent("fancyBanner", "Field_0banner", null));
    assertThat(field("qaSignature"))
        .returns(FieldKind.ANY, FormField::kind)
        .returns(false, FormField::required);
  }

  @Test
  @DisplayName(
      "children of a hidden group are conditional; an unknown container is walked with its path")
  void hiddenContainerAndUnknownContainer() {
    CamundaForm form =
        CamundaForm.parse(
            """
        {"id": "f", "components": [
          {"type": "group", "id": "g", "conditional": {"hide": "=skip"}, "components": [
            {"type": "textfield", "key": "a", "validate": {"required": true}}]},
          {"type": "multipage", "id": "m", "path": "wizard", "components": [
            {"type": "page", "id": "p", "components": [{"type": "number", "key": "n"}]}]},
          {"type": "textfield", "label": "unbound"}
        ]}""");

    assertThat(form.fields())
        .extracting(FormField::key, FormField::conditional)
        .containsExactly(tuple("a", true), tuple("wizard.n", false));
    assertThat(form.unknownComponents())
        .extracting(UnknownComponent::type)
        .containsExactly("multipage", "page");
  }

  @Test
  @DisplayName("a schemaVersion newer than 18 is still read")
  void newerSchemaVersion() {
    CamundaForm form =
        CamundaForm.parse(
            """
        {"id": "f", "schemaVersion": 19, "components": [{"type": "textfield", "key": "a"}]}""");
    assertThat(form.schemaVersion()).hasValue(19);
    assertThat(form.fields()).extracting(FormField::key).containsExactly("a");
  }

  @Test
  @DisplayName("configuration errors name the form and the field")
  void configurationErrors() {
    assertThatThrownBy(() -> CamundaForm.parse("{ not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> CamundaForm.parse("{\"id\": \"f\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("components");
    assertThatThrownBy(
            () ->
                parseOne(
                    "{\"type\": \"textfield\", \"key\": \"a\", \"validate\": {\"pattern\": \"[a-\"}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Camunda Form f")
        .hasMessageContaining("field a: validate.pattern");
    assertThatThrownBy(
            () ->
                parseOne(
                    "{\"type\": \"number\", \"key\": \"n\", \"validate\": {\"min\": \"ten\"}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field n: validate.min");
    assertThatThrownBy(
            () ->
                parseOne(
                    "{\"type\": \"textfield\", \"key\": \"t\", \"validate\": {\"maxLength\": -1}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field t: validate.maxLength");
    assertThatThrownBy(() -> parseOne("{\"type\": \"textfield\", \"key\": \"a..b\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a..b");
    assertThatThrownBy(
            () -> parseOne("{\"type\": \"dynamiclist\", \"id\": \"L\", \"components\": []}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dynamiclist L has no path");
    assertThatThrownBy(
            () -> parseOne("{\"type\": \"datetime\", \"key\": \"d\", \"subtype\": \"week\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("week");
  }

  @Test
  @DisplayName("parse(String) and parse(InputStream) agree")
  void stringAndStream() {
    CamundaForm fromText = CamundaForm.parse(fixtureText("batch-record-review.form"));
    assertThat(fromText.fields())
        .extracting(FormField::key)
        .isEqualTo(ALL_TYPES.fields().stream().map(FormField::key).toList());
  }

  private static CamundaForm parseOne(String component) {
    return CamundaForm.parse("{\"id\": \"f\", \"components\": [" + component + "]}");
  }
}
