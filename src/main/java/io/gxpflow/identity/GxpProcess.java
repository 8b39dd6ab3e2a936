package io.gxpflow.identity;

import static io.gxpflow.identity.GxpGroup.CONTENT_AUTHORS;
import static io.gxpflow.identity.GxpGroup.INVESTIGATORS;
import static io.gxpflow.identity.GxpGroup.MLR_COORDINATORS;
import static io.gxpflow.identity.GxpGroup.MLR_LEGAL;
import static io.gxpflow.identity.GxpGroup.MLR_MEDICAL;
import static io.gxpflow.identity.GxpGroup.MLR_REGULATORY;
import static io.gxpflow.identity.GxpGroup.PRODUCTION;
import static io.gxpflow.identity.GxpGroup.QA;
import static io.gxpflow.identity.GxpGroup.QP;

import java.util.Set;

/**
 * The process definitions of the contract, who starts each one by hand and who works in it.
 * Authorizations are derived from this table: starters may create instances, participants may read
 * the definition (Tasklist shows its name, diagram and forms). {@code batch-release} has no human
 * starter: the MES starts it.
 */
public enum GxpProcess {
  MLR_REVIEW(
      "mlr-review",
      Set.of(CONTENT_AUTHORS),
      Set.of(CONTENT_AUTHORS, MLR_COORDINATORS, MLR_MEDICAL, MLR_LEGAL, MLR_REGULATORY)),
  BATCH_RELEASE("batch-release", Set.of(), Set.of(PRODUCTION, QA, QP)),
  DEVIATION_CAPA("deviation-capa", Set.of(PRODUCTION), Set.of(PRODUCTION, INVESTIGATORS, QA));

  private final String key;
  private final Set<GxpGroup> starters;
  private final Set<GxpGroup> participants;

  GxpProcess(String key, Set<GxpGroup> starters, Set<GxpGroup> participants) {
    this.key = key;
    this.starters = starters;
    this.participants = participants;
  }

  public String key() {
    return key;
  }

  public Set<GxpGroup> starters() {
    return starters;
  }

  public Set<GxpGroup> participants() {
    return participants;
  }
}
