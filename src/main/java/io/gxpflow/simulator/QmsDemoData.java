package io.gxpflow.simulator;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The simulated QMS's view of the MES demo batches ({@link MesDemoBatches}). Seeded at every start
 * but only when missing, so deviations a demo run created or closed survive a restart.
 */
@Component
@Profile("demo")
public class QmsDemoData implements ApplicationRunner {

  /** The open deviation that holds B-2026-0044. */
  static final String OPEN_DEVIATION = "DEV-2026-0001";

  static final String OPEN_DEVIATION_TITLE =
      "Blend sampled at the wrong positions before encapsulation";

  private final QmsSimulator qms;

  public QmsDemoData(QmsSimulator qms) {
    this.qms = qms;
  }

  @Override
  public void run(ApplicationArguments args) {
    // QC done, nothing open: release can go ahead
    qms.seedBatch("B-2026-0042", true, List.of(), List.of());
    // QC done, nothing open: the MES's minor exception is all QA reviews
    qms.seedBatch("B-2026-0043", true, List.of(), List.of());
    // QC done, but a major deviation is open: the release waits for its closure
    qms.seedBatch("B-2026-0044", true, List.of(), List.of());
    qms.seedDeviation(OPEN_DEVIATION, OPEN_DEVIATION_TITLE, "B-2026-0044", "MAJOR");
    // QC done with an out-of-specification result
    qms.seedBatch(
        "B-2026-0045",
        true,
        List.of(
            qms.oos("Visible particles", "Foreign particles in 3 of 20 capsules", "None detected")),
        List.of());
    // still in production: QC not complete
    qms.seedBatch("B-2026-0046", false, List.of(), List.of());
  }
}
