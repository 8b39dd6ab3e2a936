package io.gxpflow.integration.contract;

import java.util.Set;

/**
 * The CRM calls (docs/integration/crm.md) by the names audit records, incidents and injected faults
 * use.
 */
public final class CrmOperations {

  public static final String PUBLISH_CONTENT = "publish-content";
  public static final String WITHDRAW_CONTENT = "withdraw-content";
  public static final String PUBLISH_SUPPLY = "publish-supply";

  public static final Set<String> ALL = Set.of(PUBLISH_CONTENT, WITHDRAW_CONTENT, PUBLISH_SUPPLY);

  private CrmOperations() {}
}
