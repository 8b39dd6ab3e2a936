package io.gxpflow.mlr.review;

import io.gxpflow.support.ProcessVariablesTestBase;
import java.nio.file.Path;

/**
 * The variables mlr-review's Java code declares are the ones its model, decisions and forms use or
 * its documentation's variable table lists, and the code spells no variable name elsewhere.
 */
class MlrVariablesTest extends ProcessVariablesTestBase {

  @Override
  protected Class<?> variablesClass() {
    return MlrVariables.class;
  }

  @Override
  protected Path processSources() {
    return Path.of("src/main/java/io/gxpflow/mlr/review");
  }

  @Override
  protected String fileNamePrefix() {
    return "mlr-";
  }

  @Override
  protected Path documentation() {
    return Path.of("docs/processes/mlr-review.md");
  }

  @Override
  protected int atLeast() {
    return 40;
  }
}
