package io.gxpflow.batchrelease;

import static io.gxpflow.batchrelease.BatchReleaseVariables.*;

import io.gxpflow.compliance.EngineContext;
import io.gxpflow.integration.IdempotencyKeys;
import io.gxpflow.integration.SystemCallDelegate;
import io.gxpflow.integration.crm.CrmPort;
import io.gxpflow.integration.crm.CrmPort.SupplyAvailability;
import io.gxpflow.integration.crm.CrmPort.SupplyStatus;
import io.gxpflow.integration.mes.MesPort;
import io.gxpflow.integration.mes.MesPort.BatchStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What follows the QP's decision: the MES status, the supply the CRM publishes per intended market
 * for a released batch, and the deviation a rejected batch starts through the contract message
 * {@code DeviationReported}.
 */
@Configuration(proxyBeanMethods = false)
public class Disposition {

  public static final String RELEASE = "RELEASE";
  public static final String REJECT = "REJECT";
  static final String DEVIATION_REPORTED = "DeviationReported";

  /**
   * {@code ${batchReleaseMesDisposition}}: {@code RELEASED} or {@code REJECTED} in the MES, as the
   * QP decided.
   */
  @Bean
  public SystemCallDelegate batchReleaseMesDisposition(MesPort mes) {
    return execution -> {
      String decision = RELEASE_DECISION.from(execution);
      BatchStatus status =
          switch (decision) {
            case RELEASE -> BatchStatus.RELEASED;
            case REJECT -> BatchStatus.REJECTED;
            default -> throw new IllegalStateException("No QP decision: " + decision);
          };
      String justification = RELEASE_JUSTIFICATION.from(execution);
      mes.setBatchStatus(
          BATCH_NUMBER.from(execution),
          status,
          "QP decision "
              + decision
              + (justification == null || justification.isBlank() ? "" : ": " + justification),
          IdempotencyKeys.of(execution));
    };
  }

  /**
   * {@code ${batchReleasePublishSupply}}, once per intended market ({@code market}): the product is
   * AVAILABLE there. The Idempotency-Key names the market, so a retry never publishes twice. The
   * batch record summary carries no quantity: 0 says the release does not state one.
   */
  @Bean
  public SystemCallDelegate batchReleasePublishSupply(CrmPort crm) {
    return execution -> {
      String market = MARKET.from(execution);
      crm.publishSupply(
          new SupplyAvailability(
              PRODUCT_CODE.from(execution),
              market,
              SupplyStatus.AVAILABLE,
              BATCH_NUMBER.from(execution),
              0),
          IdempotencyKeys.of(execution, market));
    };
  }

  /**
   * {@code ${batchReleaseReportDeviation}}: a rejected batch starts {@code deviation-capa} through
   * {@code DeviationReported}, with the batch as its affected batch and the QP's justification as
   * its description (the variables deviation-capa's message start allows).
   */
  @Bean
  public JavaDelegate batchReleaseReportDeviation() {
    return execution -> {
      ProcessInstance deviation =
          execution
              .getProcessEngineServices()
              .getRuntimeService()
              .createMessageCorrelation(DEVIATION_REPORTED)
              .setVariables(deviationReport(execution::getVariable))
              .correlateStartMessage();
      REJECTION_DEVIATION_INSTANCE.set(execution, deviation.getId());
    };
  }

  /** The report of a rejected batch, as deviation-capa's message start reads it. */
  static Map<String, Object> deviationReport(Function<String, Object> vars) {
    String batch = (String) vars.apply(BATCH_NUMBER.name());
    String summary = (String) vars.apply(RELEASE_CHECKS_SUMMARY.name());
    String justification = (String) vars.apply(RELEASE_JUSTIFICATION.name());
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("title", "Batch " + batch + " rejected at QP certification");
    report.put(
        "description",
        "QP justification: "
            + (justification == null ? "none given" : justification)
            + "\n\nRelease checks:\n"
            + (summary == null ? "none" : summary));
    report.put("occurredAt", EngineContext.now().toInstant().toString());
    report.put("site", vars.apply(SITE.name()));
    report.put("product", vars.apply(PRODUCT_CODE.name()));
    report.put("affectedBatches", batch);
    report.put("category", qcFailed(vars.apply(RELEASE_CHECKS.name())) ? "laboratory" : "process");
    report.put("containmentActions", "Batch " + batch + " set to REJECTED in the MES");
    report.put("reportedBy", "batch-release");
    report.put("sourceEventId", "batch-release:" + batch);
    return report;
  }

  private static boolean qcFailed(Object checks) {
    return checks instanceof List<?> list
        && list.stream()
            .anyMatch(
                check ->
                    check instanceof Map<?, ?> map
                        && ReleaseCheckJudge.QC_RESULTS.equals(map.get("check"))
                        && !ReleaseCheckJudge.COMPLIANT.equals(map.get("status")));
  }
}
