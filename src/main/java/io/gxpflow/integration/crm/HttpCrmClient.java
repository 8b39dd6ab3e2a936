package io.gxpflow.integration.crm;

import io.gxpflow.integration.ExternalSystem;
import io.gxpflow.integration.SystemApi;
import io.gxpflow.integration.SystemCalls;
import io.gxpflow.integration.contract.CrmOperations;
import io.gxpflow.integration.crm.CrmApi.ContentRequest;
import io.gxpflow.integration.crm.CrmApi.SupplyRequest;
import io.gxpflow.integration.crm.CrmApi.WithdrawalRequest;
import org.springframework.stereotype.Component;

/**
 * {@link CrmPort} over HTTP/JSON (docs/integration/crm.md): {@link CrmApi} through {@link
 * SystemCalls}.
 */
@Component
public class HttpCrmClient implements CrmPort {

  private final SystemApi<CrmApi> crm;

  public HttpCrmClient(SystemCalls calls) {
    this.crm = calls.api(ExternalSystem.CRM, CrmApi.class);
  }

  @Override
  public Distribution publishContent(ContentPublication content, String idempotencyKey) {
    ContentRequest request = ContentRequest.of(content);
    return crm.write(
        CrmOperations.PUBLISH_CONTENT,
        idempotencyKey,
        api -> api.publishContent(idempotencyKey, request));
  }

  @Override
  public Withdrawal withdrawContent(String contentId, String reason, String idempotencyKey) {
    WithdrawalRequest request = new WithdrawalRequest(reason == null ? "" : reason);
    return crm.write(
        CrmOperations.WITHDRAW_CONTENT,
        idempotencyKey,
        api -> api.withdrawContent(contentId, idempotencyKey, request));
  }

  @Override
  public SupplyUpdate publishSupply(SupplyAvailability supply, String idempotencyKey) {
    SupplyRequest request = SupplyRequest.of(supply);
    return crm.write(
        CrmOperations.PUBLISH_SUPPLY,
        idempotencyKey,
        api -> api.publishSupply(supply.productCode(), supply.market(), idempotencyKey, request));
  }
}
