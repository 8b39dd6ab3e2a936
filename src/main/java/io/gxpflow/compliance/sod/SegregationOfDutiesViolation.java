package io.gxpflow.compliance.sod;

import io.gxpflow.compliance.ComplianceRefusal;

/** A person tried to perform two steps the model keeps apart; 403, nothing changes, the attempt is audited. */
public class SegregationOfDutiesViolation extends ComplianceRefusal {

  public SegregationOfDutiesViolation(String rule, String message) {
    super(rule, message);
  }
}
