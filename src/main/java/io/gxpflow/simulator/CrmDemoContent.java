package io.gxpflow.simulator;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo content of the simulated CRM: one approved piece already out, so a withdrawal can be
 * shown at once. Seeded only when missing, so a demo run's withdrawal survives a restart.
 */
@Component
@Profile("demo")
public class CrmDemoContent implements ApplicationRunner {

  static final String CONTENT_ID = "MLR-2026-0001";

  private final CrmSimulator crm;

  public CrmDemoContent(CrmSimulator crm) {
    this.crm = crm;
  }

  @Override
  public void run(ApplicationArguments args) {
    crm.seedPublished(
        CONTENT_ID,
        1,
        "Amoxicillin 500 mg: dosing in community-acquired pneumonia",
        List.of("email"),
        List.of("CH"),
        LocalDate.of(2027, 12, 31));
  }
}
