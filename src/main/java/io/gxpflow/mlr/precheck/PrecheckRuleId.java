package io.gxpflow.mlr.precheck;

import java.util.Arrays;

/**
 * The pre-check's rules by the id findings, the weights table ({@code
 * bpmn/mlr-precheck-weights.dmn}) and the documentation use.
 */
public enum PrecheckRuleId {
  PROHIBITED_PHRASE("prohibited-phrase"),
  CLAIM_NOT_IN_LIBRARY("claim-not-in-library"),
  CLAIM_TEXT_NOT_APPROVED("claim-text-not-approved"),
  CLAIM_REFERENCE_EXPIRED("claim-reference-expired"),
  CLAIM_MARKET_NOT_ALLOWED("claim-market-not-allowed"),
  CLAIM_OTHER_PRODUCT("claim-other-product"),
  FAIR_BALANCE_MISSING("fair-balance-missing"),
  PRE_APPROVED_MODULE_CHANGED("pre-approved-module-changed"),
  PRODUCT_UNKNOWN("product-unknown"),
  PRODUCT_OTHER_NAMED("product-other-named"),
  PRODUCT_AMOUNT_NOT_APPROVED("product-amount-not-approved"),
  EMAIL_UNSUBSCRIBE_MISSING("email-unsubscribe-missing");

  private final String id;

  PrecheckRuleId(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static PrecheckRuleId ofId(String id) {
    return Arrays.stream(values())
        .filter(rule -> rule.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown pre-check rule: " + id));
  }
}
