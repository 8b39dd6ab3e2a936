package io.gxpflow.deviation;

import static io.gxpflow.deviation.DeviationVariables.ACTION_EVIDENCE;
import static io.gxpflow.deviation.DeviationVariables.ACTION_NUMBER;
import static io.gxpflow.deviation.DeviationVariables.CAPA_ACTION_LIST;
import static io.gxpflow.deviation.DeviationVariables.CAPA_ROUND;
import static io.gxpflow.deviation.DeviationVariables.actionDone;

import io.gxpflow.compliance.EngineContext;
import io.gxpflow.identity.DisplayName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The evidence of each CAPA action, kept with the case so that QA sees it at closure and at the
 * effectiveness check: the action task's {@code actionEvidence} lives only in that task, which
 * history cleanup removes.
 *
 * <p>Two steps, because the action tasks run in parallel: each completed action writes its own
 * variable ({@code capaActionDone<n>}, nobody else writes it), and once every action is done one
 * listener merges them into {@code capaActionList} ({@code evidence}, {@code completedBy}, {@code
 * completedAt}) — one writer, no two owners changing the same list at the same moment.
 */
@Configuration(proxyBeanMethods = false)
public class CapaActionEvidence {

  /** {@code ${deviationActionDone}}: complete listener of the action task. */
  @Bean
  public TaskListener deviationActionDone() {
    return task -> {
      Integer number = ACTION_NUMBER.from(task);
      Map<String, Object> done = new LinkedHashMap<>();
      done.put("round", CAPA_ROUND.from(task));
      done.put("evidence", ACTION_EVIDENCE.from(task));
      done.put("completedBy", EngineContext.completer(task));
      done.put("completedAt", EngineContext.now().toInstant().toString());
      actionDone(number).set(task.getExecution().getProcessInstance(), done);
    };
  }

  /** {@code ${deviationCollectActionEvidence}}: once every action of the round is done. */
  @Bean
  public ExecutionListener deviationCollectActionEvidence() {
    return CapaActionEvidence::collect;
  }

  static void collect(DelegateExecution execution) {
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    Integer round = CAPA_ROUND.from(execution);
    List<Map<String, Object>> actions = new ArrayList<>();
    for (Map<String, Object> action : CAPA_ACTION_LIST.from(execution, List.of())) {
      Map<String, Object> merged = new LinkedHashMap<>(action);
      // people read names, not user ids (the job runs as the engine: no authorization applies)
      merged.put("ownerName", DisplayName.of(identity, (String) action.get("owner")));
      Map<String, Object> done =
          actionDone(((Number) action.get("number")).intValue()).from(execution);
      if (done != null && round != null && round.equals(((Number) done.get("round")).intValue())) {
        merged.put("evidence", done.get("evidence"));
        merged.put("completedBy", done.get("completedBy"));
        merged.put("completedByName", DisplayName.of(identity, (String) done.get("completedBy")));
        merged.put("completedAt", done.get("completedAt"));
      }
      actions.add(merged);
    }
    CAPA_ACTION_LIST.set(execution, actions);
  }
}
