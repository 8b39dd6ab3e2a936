package io.gxpflow.deviation;

import io.gxpflow.identity.TaskCard;
import java.util.List;
import org.springframework.stereotype.Component;

/** A deviation's task card in Tasklist: its id, title and severity. */
@Component
class DeviationTaskCard implements TaskCard {

  @Override
  public List<Variable> variables() {
    return List.of(
        new Variable("deviationId", "Deviation"),
        new Variable("title", "Title"),
        new Variable("severity", "Severity"));
  }
}
