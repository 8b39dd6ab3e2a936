package io.gxpflow.deviation;

import static io.gxpflow.deviation.DeviationVariables.*;

import io.gxpflow.integration.IdempotencyKeys;
import io.gxpflow.integration.SystemCallDelegate;
import io.gxpflow.integration.qms.QmsPort;
import io.gxpflow.integration.qms.QmsPort.ActionStatus;
import io.gxpflow.integration.qms.QmsPort.CapaAction;
import io.gxpflow.integration.qms.QmsPort.Classification;
import io.gxpflow.integration.qms.QmsPort.DeviationStatus;
import io.gxpflow.integration.qms.QmsPort.NewCapa;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The QMS steps of {@code deviation-capa} after intake (intake is {@link CreateDeviationDelegate}),
 * one bean per service task, each keeping the QMS record in step with the process. Variable names
 * are those of docs/processes/deviation-capa.md. CAPA steps carry {@code capaRound} in their
 * Idempotency-Key: a new round after a failed effectiveness check is a new write, a retry of the
 * same round is not.
 */
@Configuration(proxyBeanMethods = false)
public class QmsDeviationSteps {

  /**
   * {@code ${qmsClassifyDeviation}}: the QA-approved {@code severity}; under investigation unless
   * closed as minor.
   */
  @Bean
  public SystemCallDelegate qmsClassifyDeviation(QmsPort qms) {
    return execution -> {
      boolean closedAsMinor =
          "MINOR".equals(SEVERITY.from(execution)) && CLOSE_WITHOUT_INVESTIGATION.isTrue(execution);
      qms.updateDeviation(
          DEVIATION_ID.from(execution),
          Classification.valueOf(SEVERITY.from(execution)),
          closedAsMinor ? null : DeviationStatus.UNDER_INVESTIGATION,
          IdempotencyKeys.of(execution));
    };
  }

  /**
   * {@code ${qmsRecordCapaPlan}}: opens the CAPA ({@code capaTitle}, {@code findings}) on the first
   * round and replaces its actions (the plan form's action slots, see {@link CapaActionItem}) on
   * later rounds; writes {@code capaId} and {@code capaActionList}, the plan's actions as the
   * multi-instance collection of the action tasks.
   */
  @Bean
  public SystemCallDelegate qmsRecordCapaPlan(QmsPort qms) {
    return execution -> {
      List<CapaActionItem> items = CapaActionItem.listOf(execution::getVariable);
      List<CapaAction> actions = items.stream().map(item -> item.toQms(ActionStatus.OPEN)).toList();
      String key = IdempotencyKeys.of(execution, CAPA_ROUND.from(execution));
      String capaId = CAPA_ID.from(execution);
      if (capaId == null) {
        String owner = items.isEmpty() ? null : items.get(0).owner();
        capaId =
            qms.createCapa(
                DEVIATION_ID.from(execution),
                new NewCapa(CAPA_TITLE.from(execution), FINDINGS.from(execution), owner),
                key + ":create");
        CAPA_ID.set(execution, capaId);
      }
      qms.updateCapa(capaId, actions, key);
      // an ArrayList: stored as JSON, the variable must name a type Jackson can build again (not
      // List.of's)
      List<Map<String, Object>> actionList =
          new ArrayList<>(items.stream().map(CapaActionItem::toVariable).toList());
      CAPA_ACTION_LIST.set(execution, actionList);
    };
  }

  /** {@code ${qmsCompleteCapaActions}}: every action of the current round done. */
  @Bean
  public SystemCallDelegate qmsCompleteCapaActions(QmsPort qms) {
    return execution -> {
      List<CapaAction> done =
          CapaActionItem.listOf(execution::getVariable).stream()
              .map(item -> item.toQms(ActionStatus.DONE))
              .toList();
      qms.updateCapa(
          CAPA_ID.from(execution), done, IdempotencyKeys.of(execution, CAPA_ROUND.from(execution)));
    };
  }

  /**
   * {@code ${qmsCloseDeviation}}: closes the record with {@code closureSummary} (after closure or
   * cancellation).
   */
  @Bean
  public SystemCallDelegate qmsCloseDeviation(QmsPort qms) {
    return execution ->
        qms.closeDeviation(
            DEVIATION_ID.from(execution),
            CLOSURE_SUMMARY.from(execution),
            IdempotencyKeys.of(execution));
  }

  /**
   * {@code ${qmsCloseCapa}}: closes the CAPA with the effectiveness check's {@code
   * effectivenessSummary}.
   */
  @Bean
  public SystemCallDelegate qmsCloseCapa(QmsPort qms) {
    return execution ->
        qms.closeCapa(
            CAPA_ID.from(execution),
            EFFECTIVENESS_SUMMARY.from(execution),
            IdempotencyKeys.of(execution));
  }
}
