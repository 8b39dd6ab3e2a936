package io.gxpflow.mlr.review;

import static io.gxpflow.mlr.review.MlrVariables.*;

import io.gxpflow.compliance.EngineContext;
import io.gxpflow.engine.expression.TaskDue;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${mlrRouting}}: the routing tables of {@code bpmn/mlr-routing.dmn} as last deployed — the
 * reviews required ({@code reviewsRequired}, medical always), the SLA ({@code reviewDueAt}, in
 * working days) and the default expiry date the coordinator sees at release ({@code expiryDate}).
 */
@Component("mlrRouting")
public class ReviewRouting implements JavaDelegate {

  static final String ROUTING = "mlr-routing";
  static final String SLA = "mlr-review-sla";
  static final String EXPIRY = "mlr-content-expiry";
  static final List<String> REVIEWS = List.of("medical", "legal", "regulatory");

  private final TaskDue taskDue;

  public ReviewRouting(TaskDue taskDue) {
    this.taskDue = taskDue;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DecisionService decisions = execution.getProcessEngineServices().getDecisionService();
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("audience", AUDIENCE.from(execution));
    inputs.put("channel", CHANNEL.from(execution));
    inputs.put("precheckScore", PRECHECK_SCORE.from(execution));
    inputs.put("usMarket", MARKETS.from(execution).contains("US"));
    inputs.put("expedited", EXPEDITED.isTrue(execution));

    REVIEWS_REQUIRED.set(
        execution,
        required(decisions.evaluateDecisionTableByKey(ROUTING, inputs).collectEntries("review")));

    int slaDays = number(decisions.evaluateDecisionTableByKey(SLA, inputs), "slaDays");
    REVIEW_SLA_DAYS.set(execution, slaDays);
    REVIEW_DUE_AT.set(execution, taskDue.workingDays(slaDays));

    int months = number(decisions.evaluateDecisionTableByKey(EXPIRY, inputs), "expiryMonths");
    EXPIRY_DATE.set(
        execution,
        EngineContext.now()
            .toInstant()
            .atZone(ZoneOffset.UTC)
            .toLocalDate()
            .plusMonths(months)
            .toString());
  }

  /**
   * The reviews the routing table found, in a fixed order, each once, medical whatever the table
   * says: the signatory is medical.
   */
  static List<String> required(List<?> found) {
    List<String> required = new ArrayList<>();
    for (String review : REVIEWS) {
      if (review.equals("medical") || found.contains(review)) {
        required.add(review);
      }
    }
    return required;
  }

  private static int number(DmnDecisionTableResult result, String output) {
    Object value = result.getSingleEntry();
    if (!(value instanceof Number number)) {
      throw new IllegalStateException("no " + output + " from the routing tables");
    }
    return number.intValue();
  }
}
