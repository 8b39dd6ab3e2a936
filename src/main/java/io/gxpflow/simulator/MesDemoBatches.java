package io.gxpflow.simulator;

import io.gxpflow.simulator.MesSimulator.Deviation;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo batches of the simulated MES, one per path through batch release. Seeded at every start
 * but only when missing, so a status a demo run set survives a restart.
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
    // complete, no exceptions: straight to QP certification
    seed("B-2026-0042", true, "IN_REVIEW", List.of());
    // a minor deviation the QA review has to look at
    seed(
        "B-2026-0043",
        true,
        "IN_REVIEW",
        List.of(new Deviation("DEV-TEMP", "Temperature excursion in granulation", "MINOR")));
    // the record is not complete yet: release must wait
    seed("B-2026-0044", false, "IN_PRODUCTION", List.of());
    // a major deviation: release goes through a deviation/CAPA first
    seed(
        "B-2026-0045",
        true,
        "IN_REVIEW",
        List.of(
            new Deviation("DEV-CONTAM", "Foreign particles found in capsule filling", "MAJOR")));
  }

  private void seed(
      String batchNumber, boolean complete, String status, List<Deviation> exceptions) {
    mes.saveIfAbsent(
        mes.batch(batchNumber, complete, PRODUCT_CODE, PRODUCT_NAME, SITE, status, exceptions));
  }
}
