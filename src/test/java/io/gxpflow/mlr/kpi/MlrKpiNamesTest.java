package io.gxpflow.mlr.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.mlr.review.MlrVariables;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The names the MLR KPIs read ({@link MlrKpiNames}) are the names of bpmn/mlr-review.bpmn: the
 * activities are its user tasks, and the variables are the ones its expressions use. That the
 * model's delegates write {@code moduleCount} and {@code reusedUnchangedModules} with each
 * pre-check is shown by {@link MlrKpiServiceTest}, which reads them from the real model's history.
 */
class MlrKpiNamesTest {

  static final BpmnModelInstance MODEL = Bpmn.readModelFromFile(new File("bpmn/mlr-review.bpmn"));

  @Test
  void theProcessKeyIsTheModels() {
    assertThat(MODEL.getModelElementsByType(Process.class))
        .extracting(Process::getId)
        .containsExactly(MlrKpiNames.PROCESS_KEY);
  }

  @Test
  void everyActivityTheKpisReadIsAUserTaskOfTheModel() {
    List<String> activities = new ArrayList<>(MlrKpiNames.REVIEWS.values());
    activities.addAll(
        List.of(MlrKpiNames.APPROVE, MlrKpiNames.REVISE, MlrKpiNames.PERIODIC_REVIEW));
    for (String activity : activities) {
      assertThat(MODEL.<UserTask>getModelElementById(activity)).as(activity).isNotNull();
    }
    assertThat(MODEL.<UserTask>getModelElementById(MlrKpiNames.APPROVE).getCamundaCandidateGroups())
        .isEqualTo("mlr-medical");
    assertThat(
            MlrKpiNames.REVIEWS.values().stream()
                .map(id -> MODEL.<UserTask>getModelElementById(id).getCamundaCandidateGroups()))
        .containsExactly("mlr-medical", "mlr-legal", "mlr-regulatory");
  }

  @Test
  void aNewVersionOfApprovedContentIsTheModelsMessageEventThatStartsANewCycle() {
    IntermediateCatchEvent event = MODEL.getModelElementById(MlrKpiNames.NEW_VERSION);
    assertThat(event).isNotNull();
    assertThat(event.getEventDefinitions())
        .singleElement()
        .isInstanceOfSatisfying(
            MessageEventDefinition.class,
            message ->
                assertThat(message.getMessage().getName())
                    .isEqualTo(MlrVariables.NEW_VERSION_SUBMITTED));
  }

  @Test
  void theReviewsAreDueAtTheVariableTheKpisReadAndTheRoundLimitCountsTheirRound() {
    String dueAt = "${" + MlrKpiNames.REVIEW_DUE_AT.name() + "}";
    for (String review : MlrKpiNames.REVIEWS.values()) {
      assertThat(MODEL.<UserTask>getModelElementById(review).getCamundaDueDate())
          .as(review)
          .isEqualTo(dueAt);
    }
    // the overdue chase starts at the same time
    assertThat(MODEL.getModelElementsByType(TimeDate.class))
        .extracting(TimeDate::getTextContent)
        .contains(dueAt);
    assertThat(MODEL.getModelElementsByType(ConditionExpression.class))
        .extracting(ConditionExpression::getTextContent)
        .contains("${" + MlrKpiNames.REVIEW_ROUND.name() + " >= 3}");
  }
}
