package io.gxpflow.deviation;

import io.gxpflow.support.ProcessVariablesTestBase;
import java.nio.file.Path;

/**
 * The variables deviation-capa's Java code declares are the ones its model, decision and forms use
 * (a variable only the code sets and reads, such as reportedAt, is in the process documentation's
 * variable table), and the code spells no variable name elsewhere.
 */
class DeviationVariablesTest extends ProcessVariablesTestBase {

  @Override
  protected Class<?> variablesClass() {
    return DeviationVariables.class;
  }

  @Override
  protected Path processSources() {
    return Path.of("src/main/java/io/gxpflow/deviation");
  }

  @Override
  protected String fileNamePrefix() {
    return "deviation";
  }

  @Override
  protected Path documentation() {
    return Path.of("docs/processes/deviation-capa.md");
  }

  @Override
  protected int atLeast() {
    return 30;
  }
}
