package io.gxpflow.integration.crm;

import io.gxpflow.integration.ExternalSystem;
import io.gxpflow.integration.SystemCalls;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** {@link CrmPort} over HTTP/JSON (docs/integration/crm.md). */
@Component
public class HttpCrmClient implements CrmPort {

  static final String PUBLISH_CONTENT = "publish-content";
  static final String WITHDRAW_CONTENT = "withdraw-content";
  static final String PUBLISH_SUPPLY = "publish-supply";

  private final SystemCalls calls;

  public HttpCrmClient(SystemCalls calls) {
    this.calls = calls;
  }

  @Override
  public Distribution publishContent(ContentPublication content, String idempotencyKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("contentId", content.contentId());
    body.put("version", content.version());
    body.put("title", content.title());
    body.put("channels", content.channels());
    body.put("markets", content.markets());
    // ISO date as text: the wire format must not depend on the mapper's date settings
    body.put("expiryDate", content.expiryDate().toString());
    return calls.call(ExternalSystem.CRM, PUBLISH_CONTENT, idempotencyKey, crm -> crm.post()
        .uri("/content")
        .header(SystemCalls.IDEMPOTENCY_KEY_HEADER, idempotencyKey)
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .body(Distribution.class));
  }

  @Override
  public Withdrawal withdrawContent(String contentId, String reason, String idempotencyKey) {
    return calls.call(ExternalSystem.CRM, WITHDRAW_CONTENT, idempotencyKey, crm -> crm.post()
        .uri("/content/{contentId}/withdrawal", contentId)
        .header(SystemCalls.IDEMPOTENCY_KEY_HEADER, idempotencyKey)
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON)
        .body(Map.of("reason", reason == null ? "" : reason))
        .retrieve()
        .body(Withdrawal.class));
  }

  @Override
  public SupplyUpdate publishSupply(SupplyAvailability supply, String idempotencyKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", supply.status().name());
    body.put("batchNumber", supply.batchNumber());
    body.put("quantity", supply.quantity());
    return calls.call(ExternalSystem.CRM, PUBLISH_SUPPLY, idempotencyKey, crm -> crm.put()
        .uri("/products/{productCode}/markets/{market}/supply", supply.productCode(), supply.market())
        .header(SystemCalls.IDEMPOTENCY_KEY_HEADER, idempotencyKey)
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .body(SupplyUpdate.class));
  }
}
