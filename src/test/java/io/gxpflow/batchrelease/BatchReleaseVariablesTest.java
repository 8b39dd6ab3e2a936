package io.gxpflow.batchrelease;

import io.gxpflow.support.ProcessVariablesTestBase;
import java.nio.file.Path;

/**
 * The variables batch-release's Java code declares are the ones its model, decision and forms use
 * (a variable only the code sets and reads, such as checkRound, is in the process documentation's
 * variable table), and the code spells no variable name elsewhere.
 */
class BatchReleaseVariablesTest extends ProcessVariablesTestBase {

  @Override
  protected Class<?> variablesClass() {
    return BatchReleaseVariables.class;
  }

  @Override
  protected Path processSources() {
    return Path.of("src/main/java/io/gxpflow/batchrelease");
  }

  @Override
  protected String fileNamePrefix() {
    return "batch-re";
  }

  @Override
  protected Path documentation() {
    return Path.of("docs/processes/batch-release.md");
  }

  @Override
  protected int atLeast() {
    return 25;
  }
}
