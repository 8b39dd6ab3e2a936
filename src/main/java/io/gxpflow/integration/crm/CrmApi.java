package io.gxpflow.integration.crm;

import io.gxpflow.integration.contract.SystemHeaders;
import io.gxpflow.integration.crm.CrmPort.ContentPublication;
import io.gxpflow.integration.crm.CrmPort.Distribution;
import io.gxpflow.integration.crm.CrmPort.SupplyAvailability;
import io.gxpflow.integration.crm.CrmPort.SupplyUpdate;
import io.gxpflow.integration.crm.CrmPort.Withdrawal;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/** The CRM API of docs/integration/crm.md, as {@link HttpCrmClient} calls it. */
@HttpExchange(
    accept = MediaType.APPLICATION_JSON_VALUE,
    contentType = MediaType.APPLICATION_JSON_VALUE)
interface CrmApi {

  @PostExchange("/content")
  Distribution publishContent(
      @RequestHeader(SystemHeaders.IDEMPOTENCY_KEY) String idempotencyKey,
      @RequestBody ContentRequest request);

  @PostExchange("/content/{contentId}/withdrawal")
  Withdrawal withdrawContent(
      @PathVariable String contentId,
      @RequestHeader(SystemHeaders.IDEMPOTENCY_KEY) String idempotencyKey,
      @RequestBody WithdrawalRequest request);

  @PutExchange("/products/{productCode}/markets/{market}/supply")
  SupplyUpdate publishSupply(
      @PathVariable String productCode,
      @PathVariable String market,
      @RequestHeader(SystemHeaders.IDEMPOTENCY_KEY) String idempotencyKey,
      @RequestBody SupplyRequest request);

  /**
   * {@code expiryDate} as ISO text: the wire format must not depend on the converter's date
   * settings.
   */
  record ContentRequest(
      String contentId,
      int version,
      String title,
      List<String> channels,
      List<String> markets,
      String expiryDate) {

    static ContentRequest of(ContentPublication content) {
      return new ContentRequest(
          content.contentId(),
          content.version(),
          content.title(),
          content.channels(),
          content.markets(),
          content.expiryDate().toString());
    }
  }

  record WithdrawalRequest(String reason) {}

  record SupplyRequest(String status, String batchNumber, long quantity) {

    static SupplyRequest of(SupplyAvailability supply) {
      return new SupplyRequest(supply.status().name(), supply.batchNumber(), supply.quantity());
    }
  }
}
