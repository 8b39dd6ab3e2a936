package io.gxpflow.batchrelease;

import static io.gxpflow.batchrelease.BatchReleaseVariables.*;

import io.gxpflow.identity.TaskCard;
import java.util.List;
import org.springframework.stereotype.Component;

/** A batch release's task card in Tasklist: its batch number, product and review depth. */
@Component
class BatchReleaseTaskCard implements TaskCard {

  @Override
  public List<Variable> variables() {
    return List.of(
        new Variable(BATCH_NUMBER.name(), "Batch"),
        new Variable(PRODUCT_NAME.name(), "Product"),
        new Variable(REVIEW_DEPTH.name(), "Review depth"));
  }
}
