package io.gxpflow.deviation;

import static io.gxpflow.deviation.DeviationVariables.*;

import io.gxpflow.compliance.variables.ProcessVariable;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * {@code ${deviationExtensionRequest}}, when an extension request starts its event subprocess: the
 * request's date, reason and requester arrive on the process instance (where the message
 * subscription lives) and move into the subprocess, so each pending request keeps its own data, its
 * own QA task shows it and approving it applies it; a second request no longer overwrites the
 * first. The decision fields are declared here too, so QA's answer stays with its request.
 */
@Component("deviationExtensionRequest")
public class ExtensionRequestScope implements ExecutionListener {

  static final List<ProcessVariable<String>> REQUEST =
      List.of(REQUESTED_DUE_DATE, EXTENSION_REASON, EXTENSION_REQUESTED_BY);
  static final List<ProcessVariable<String>> DECISION =
      List.of(EXTENSION_DECISION, EXTENSION_COMMENT);

  @Override
  public void notify(DelegateExecution execution) {
    VariableScope instance = execution.getProcessInstance();
    for (ProcessVariable<String> variable : REQUEST) {
      execution.setVariableLocal(variable.name(), instance.getVariableLocal(variable.name()));
      instance.removeVariableLocal(variable.name());
    }
    for (ProcessVariable<String> variable : DECISION) {
      execution.setVariableLocal(variable.name(), null);
    }
  }
}
