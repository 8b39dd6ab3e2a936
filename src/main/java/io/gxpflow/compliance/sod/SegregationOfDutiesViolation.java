package io.gxpflow.compliance.sod;

import io.gxpflow.compliance.ComplianceRefusal;
import io.gxpflow.compliance.ProblemType;

/**
 * A person tried to perform two steps the model keeps apart; 403, nothing changes, the attempt is
 * audited.
 */
public class SegregationOfDutiesViolation extends ComplianceRefusal {

  /**
   * {@code rule} names the model's rule and the conflicting step: {@code
   * sod.notSameAs=Task_Investigation}.
   */
  public SegregationOfDutiesViolation(String rule, String message) {
    super(ProblemType.SEGREGATION_OF_DUTIES, rule, message);
  }
}
