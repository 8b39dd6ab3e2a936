package io.gxpflow.compliance.sod;

import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.compliance.tasks.UserTaskRules;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The segregation-of-duties rule without the engine: who may not perform a step, read from the
 * model.
 */
class SegregationOfDutiesTest {

  private static final Map<String, Set<String>> PERFORMED =
      Map.of(
          SegregationOfDuties.INITIATOR,
          Set.of("paul"),
          "Assessment",
          Set.of("ivan"),
          "Approval",
          Set.of("quinn"));
  private static final Function<String, Set<String>> WHO =
      step -> PERFORMED.getOrDefault(step, Set.of());

  @Test
  void theAssessorMayNotApproveButAnotherQaMemberMay() {
    assertThat(SegregationOfDuties.firstConflict(List.of("Assessment"), "ivan", WHO))
        .contains("Assessment");
    assertThat(SegregationOfDuties.firstConflict(List.of("Assessment"), "quinn", WHO)).isEmpty();
  }

  @Test
  void theAuthorIsTheInitiator() {
    assertThat(SegregationOfDuties.firstConflict(List.of("initiator"), "paul", WHO))
        .contains("initiator");
    assertThat(SegregationOfDuties.firstConflict(List.of("initiator"), "ivan", WHO)).isEmpty();
  }

  @Test
  void everyNamedStepCountsAndTheFirstConflictIsReported() {
    List<String> closure = List.of("initiator", "Assessment", "Approval");
    assertThat(SegregationOfDuties.firstConflict(closure, "quinn", WHO)).contains("Approval");
    assertThat(SegregationOfDuties.firstConflict(closure, "ivan", WHO)).contains("Assessment");
    assertThat(SegregationOfDuties.firstConflict(closure, "petra", WHO)).isEmpty();
  }

  @Test
  void noRuleNoConflict() {
    assertThat(SegregationOfDuties.firstConflict(List.of(), "ivan", WHO)).isEmpty();
  }

  @Test
  void theModelDeclaresTheRuleAsACommaSeparatedList() {
    String xml =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            targetNamespace="test">
          <process id="p" isExecutable="true">
            <userTask id="Closure" name="Closure">
              <extensionElements>
                <camunda:properties>
                  <camunda:property name="sod.notSameAs" value=" initiator, Assessment ,," />
                  <camunda:property name="signature.meaning" value="Deviation closure approved" />
                </camunda:properties>
              </extensionElements>
            </userTask>
          </process>
        </definitions>
        """;
    BpmnModelInstance model =
        Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

    UserTaskRules rules = UserTaskRules.of((UserTask) model.getModelElementById("Closure"));

    assertThat(rules.notSameAs()).containsExactly("initiator", "Assessment");
    assertThat(rules.signatureMeaning()).isEqualTo("Deviation closure approved");
    assertThat(rules.isSignatureStep()).isTrue();
  }
}
