package io.gxpflow.simulator;

import io.gxpflow.simulator.MesSimulator.Deviation;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo batches of the simulated MES, one per story of batch release (with {@link QmsDemoData}):
 * 0042 no review, 0043 minor exception, 0044 open deviation (hold), 0045 OOS, 0046 incomplete
 * record. Seeded at every start but only when missing, so a status a demo run set survives a
 * restart.
 */
@Component
@Profile("demo")
public class MesDemoBatches implements ApplicationRunner {

  static final String PRODUCT_CODE = "P-100";
  static final String PRODUCT_NAME = "Amoxicillin 500 mg capsules";
  static final String SITE = "Basel";

  private final MesSimulator mes;

  public MesDemoBatches(MesSimulator mes) {
    this.mes = mes;
  }

  @Override
  public void run(ApplicationArguments args) {
    // complete, no exceptions (and nothing open in the QMS): released with no review
    seed("B-2026-0042", true, "IN_REVIEW", List.of());
    // a minor exception only, handled in the batch record: QA reviews the exception
    seed(
        "B-2026-0043",
        true,
        "IN_REVIEW",
        List.of(new Deviation("DEV-TEMP", "Temperature excursion in granulation", "MINOR")));
    // complete and clean here, but the QMS has an open deviation for it: on hold until it closes
    seed("B-2026-0044", true, "IN_REVIEW", List.of());
    // a major exception, and QC found an out-of-specification result: full review
    seed(
        "B-2026-0045",
        true,
        "IN_REVIEW",
        List.of(
            new Deviation("DEV-CONTAM", "Foreign particles found in capsule filling", "MAJOR")));
    // the record is not complete yet: the release checks find it not compliant
    seed("B-2026-0046", false, "IN_PRODUCTION", List.of());
  }

  private void seed(
      String batchNumber, boolean complete, String status, List<Deviation> exceptions) {
    mes.saveIfAbsent(
        mes.batch(batchNumber, complete, PRODUCT_CODE, PRODUCT_NAME, SITE, status, exceptions));
  }
}
