package io.gxpflow.compliance.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

class SubmittedValuesTest {

  @Test
  void aJsonVariableAsRestAndTasklistSendItIsReadAsPlainLists() {
    // {"value": "[...]", "type": "Json"}: serialized only, never deserialized before the check
    Object plain =
        SubmittedValues.plain(SpinValues.jsonValue("[{\"owner\":\"ivan\",\"number\":1}]").create());

    assertThat(plain).isEqualTo(List.of(Map.of("owner", "ivan", "number", 1)));
  }

  @Test
  void aVariableMapFromTheRestApiGivesTheJsonOfItsSerializedValues() {
    var submitted =
        Variables.createVariables()
            .putValueTyped("capaActions", SpinValues.jsonValue("[{\"owner\":\"ivan\"}]").create())
            .putValue("capaTitle", "Setpoints");

    assertThat(SubmittedValues.plain(submitted))
        .isEqualTo(
            Map.of("capaActions", List.of(Map.of("owner", "ivan")), "capaTitle", "Setpoints"));
  }

  @Test
  void typedAndPlainValuesKeepTheirValue() {
    assertThat(SubmittedValues.plain(Variables.stringValue("approve"))).isEqualTo("approve");
    assertThat(SubmittedValues.plain(Map.of("capaRequired", Variables.booleanValue(true))))
        .isEqualTo(Map.of("capaRequired", true));
  }
}
