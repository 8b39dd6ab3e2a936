package io.gxpflow.integration.crm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The CRM (Veeva CRM / Salesforce; API in docs/integration/crm.md), in commercial terms: approved
 * promotional content goes out to reps and channels, withdrawn content is pulled back, and the
 * field learns about supply. Business rejections ("content unknown") arrive as {@code
 * BusinessRejection}, technical failures as {@code SystemUnavailable}. Every write applies at most
 * once per {@code idempotencyKey}.
 */
public interface CrmPort {

  /**
   * Publishes an MLR-approved content version to its channels and markets until its expiry date.
   */
  Distribution publishContent(ContentPublication content, String idempotencyKey);

  /** Withdraws the content from every channel and market (all its versions). */
  Withdrawal withdrawContent(String contentId, String reason, String idempotencyKey);

  /** Tells the field whether a product can be promoted and ordered in a market. */
  SupplyUpdate publishSupply(SupplyAvailability supply, String idempotencyKey);

  enum SupplyStatus {
    AVAILABLE,
    CONSTRAINED,
    UNAVAILABLE
  }

  /**
   * {@code channels}: {@code email}, {@code rep-detail}, {@code web}; {@code markets}: ISO country
   * codes.
   */
  record ContentPublication(
      String contentId,
      int version,
      String title,
      List<String> channels,
      List<String> markets,
      LocalDate expiryDate) {

    public ContentPublication {
      channels = List.copyOf(channels);
      markets = List.copyOf(markets);
    }
  }

  record Distribution(String distributionId, String contentId, int version, Instant publishedAt) {}

  record Withdrawal(String contentId, Instant withdrawnAt) {}

  /**
   * {@code batchNumber} may be null (e.g. UNAVAILABLE); {@code quantity} in packs available to the
   * market.
   */
  record SupplyAvailability(
      String productCode, String market, SupplyStatus status, String batchNumber, long quantity) {}

  record SupplyUpdate(String productCode, String market, SupplyStatus status, Instant updatedAt) {}
}
