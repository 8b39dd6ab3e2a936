package io.gxpflow.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.integration.contract.CrmOperations;
import io.gxpflow.simulator.MesSimulator.Answer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The simulated CRM: distributed promotional content and supply availability per product and
 * market, kept in {@link SimulatorStore} (docs/integration/crm.md). Idempotency as in {@link
 * MesSimulator}.
 */
@Component
@Profile("demo")
public class CrmSimulator {

  public static final String SYSTEM = "crm";
  public static final String CONTENT = "content";
  public static final String SUPPLY = "supply";
  static final String PUBLISHED = "PUBLISHED";
  static final String WITHDRAWN = "WITHDRAWN";

  static final Set<String> MARKETS = Set.of("CH", "DE", "FR", "IT", "AT", "GB", "US");
  static final Set<String> CHANNELS = Set.of("email", "rep-detail", "web");
  static final Set<String> SUPPLY_STATUSES = Set.of("AVAILABLE", "CONSTRAINED", "UNAVAILABLE");

  /** A content as the CRM keeps it: the published version, and every version withdrawn so far. */
  public record Content(
      String contentId,
      int version,
      String title,
      List<String> channels,
      List<String> markets,
      String expiryDate,
      String status,
      String distributionId,
      String publishedAt,
      List<Integer> withdrawnVersions,
      @JsonInclude(JsonInclude.Include.NON_NULL) String withdrawnAt,
      @JsonInclude(JsonInclude.Include.NON_NULL) String withdrawalReason) {

    public Content {
      withdrawnVersions = withdrawnVersions == null ? List.of() : List.copyOf(withdrawnVersions);
    }

    Content withdrawn(String at, String reason) {
      List<Integer> versions = new ArrayList<>(withdrawnVersions);
      versions.add(version);
      return new Content(
          contentId,
          version,
          title,
          channels,
          markets,
          expiryDate,
          WITHDRAWN,
          distributionId,
          publishedAt,
          versions,
          at,
          reason);
    }
  }

  public record Distribution(
      String distributionId, String contentId, int version, String status, String publishedAt) {}

  public record Withdrawal(String contentId, String status, String withdrawnAt) {}

  public record Supply(
      String productCode,
      String market,
      String status,
      String batchNumber,
      long quantity,
      String updatedAt) {}

  private final SimulatorStore store;
  private final ObjectMapper objectMapper;
  private final IdempotentWrites writes;
  private final Clock clock;

  public CrmSimulator(
      SimulatorStore store, ObjectMapper objectMapper, IdempotentWrites writes, Clock clock) {
    this.store = store;
    this.objectMapper = objectMapper;
    this.writes = writes;
    this.clock = clock;
  }

  /** Publishes a content version; the same version while published keeps its distribution. */
  public Answer publishContent(String idempotencyKey, JsonNode request) {
    JsonNode body = request == null ? objectMapper.createObjectNode() : request;
    String contentId = text(body, "contentId");
    return writes.once(
        SYSTEM,
        CrmOperations.PUBLISH_CONTENT,
        contentId,
        idempotencyKey,
        () -> {
          int version = body.path("version").asInt(0);
          String title = text(body, "title");
          List<String> channels = strings(body, "channels");
          List<String> markets = strings(body, "markets");
          if (contentId.isEmpty() || title.isEmpty() || version < 1) {
            throw invalid("contentId, title and version (1 or more) are required.");
          }
          if (channels.isEmpty() || !CHANNELS.containsAll(channels)) {
            throw invalid(
                "channels must be a non-empty list of "
                    + sorted(CHANNELS)
                    + ", not "
                    + channels
                    + ".");
          }
          if (markets.isEmpty()) {
            throw invalid("markets must be a non-empty list.");
          }
          LocalDate expiry = date(body, "expiryDate");
          markets.stream()
              .filter(m -> !MARKETS.contains(m))
              .findFirst()
              .ifPresent(
                  m -> {
                    throw marketUnknown(m);
                  });
          if (expiry.isBefore(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
            throw new SimulatorProblem(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "urn:gxpflow:crm:content-expired",
                "Content expired",
                "CONTENT_EXPIRED",
                "Content " + contentId + " expired on " + expiry + " and cannot be published.");
          }
          Optional<Content> stored = store.findForUpdate(SYSTEM, CONTENT, contentId, Content.class);
          List<Integer> withdrawn = stored.map(Content::withdrawnVersions).orElse(List.of());
          if (withdrawn.contains(version)) {
            throw new SimulatorProblem(
                HttpStatus.CONFLICT,
                "urn:gxpflow:crm:content-withdrawn",
                "Content withdrawn",
                "CONTENT_WITHDRAWN",
                "Version "
                    + version
                    + " of "
                    + contentId
                    + " was withdrawn and cannot be published again; publish a new version.");
          }
          // the same version while published keeps its distribution
          Optional<Content> samePublished =
              stored.filter(c -> PUBLISHED.equals(c.status()) && c.version() == version);
          String distributionId =
              samePublished
                  .map(Content::distributionId)
                  .orElseGet(
                      () -> "DIST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
          String publishedAt = samePublished.map(Content::publishedAt).orElseGet(this::now);
          Content content =
              new Content(
                  contentId,
                  version,
                  title,
                  channels,
                  markets,
                  expiry.toString(),
                  PUBLISHED,
                  distributionId,
                  publishedAt,
                  withdrawn,
                  null,
                  null);
          store.put(SYSTEM, CONTENT, contentId, content);
          Distribution answer =
              new Distribution(distributionId, contentId, version, PUBLISHED, publishedAt);
          return new Answer(HttpStatus.CREATED.value(), objectMapper.valueToTree(answer));
        });
  }

  /**
   * Withdraws the content; withdrawing withdrawn content again answers the first withdrawal's time.
   */
  public Answer withdrawContent(String contentId, String idempotencyKey, JsonNode request) {
    String reason = request == null ? "" : request.path("reason").asText("");
    return writes.once(
        SYSTEM,
        CrmOperations.WITHDRAW_CONTENT,
        contentId,
        idempotencyKey,
        () -> {
          Content content =
              store
                  .findForUpdate(SYSTEM, CONTENT, contentId, Content.class)
                  .orElseThrow(
                      () ->
                          new SimulatorProblem(
                              HttpStatus.NOT_FOUND,
                              "urn:gxpflow:crm:content-unknown",
                              "Content unknown",
                              "CONTENT_UNKNOWN",
                              "The CRM has no content " + contentId + "."));
          if (!WITHDRAWN.equals(content.status())) {
            content = content.withdrawn(now(), reason);
            store.put(SYSTEM, CONTENT, contentId, content);
          }
          Withdrawal answer = new Withdrawal(contentId, WITHDRAWN, content.withdrawnAt());
          return new Answer(HttpStatus.OK.value(), objectMapper.valueToTree(answer));
        });
  }

  /** Sets the supply availability of a product in a market (replaces the previous one). */
  public Answer publishSupply(
      String productCode, String market, String idempotencyKey, JsonNode request) {
    JsonNode body = request == null ? objectMapper.createObjectNode() : request;
    String subject = productCode + "/" + market;
    return writes.once(
        SYSTEM,
        CrmOperations.PUBLISH_SUPPLY,
        subject,
        idempotencyKey,
        () -> {
          String status = text(body, "status");
          if (!SUPPLY_STATUSES.contains(status)) {
            throw invalid(
                "status must be one of " + sorted(SUPPLY_STATUSES) + ", not '" + status + "'.");
          }
          if (!body.path("quantity").canConvertToLong() || body.path("quantity").asLong() < 0) {
            throw invalid("quantity must be a whole number, 0 or more.");
          }
          if (!MARKETS.contains(market)) {
            throw marketUnknown(market);
          }
          JsonNode batch = body.path("batchNumber");
          Supply supply =
              new Supply(
                  productCode,
                  market,
                  status,
                  batch.isTextual() && !batch.asText().isBlank() ? batch.asText() : null,
                  body.path("quantity").asLong(),
                  now());
          store.put(SYSTEM, SUPPLY, subject, supply);
          return new Answer(HttpStatus.OK.value(), objectMapper.valueToTree(supply));
        });
  }

  public Optional<JsonNode> content(String contentId) {
    return store.find(SYSTEM, CONTENT, contentId);
  }

  public Optional<JsonNode> supply(String productCode, String market) {
    return store.find(SYSTEM, SUPPLY, productCode + "/" + market);
  }

  /** Seeding: the record as it would be after a publish, only when the content is not there yet. */
  public boolean seedPublished(
      String contentId,
      int version,
      String title,
      List<String> channels,
      List<String> markets,
      LocalDate expiry) {
    return store.putIfAbsent(
        SYSTEM,
        CONTENT,
        contentId,
        new Content(
            contentId,
            version,
            title,
            channels,
            markets,
            expiry.toString(),
            PUBLISHED,
            "DIST-" + contentId + "-V" + version,
            now(),
            List.of(),
            null,
            null));
  }

  private String now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.path(field);
    return value.isTextual() ? value.asText().trim() : "";
  }

  private static List<String> strings(JsonNode body, String field) {
    List<String> values = new ArrayList<>();
    body.path(field).forEach(v -> values.add(v.asText()));
    return values;
  }

  private static LocalDate date(JsonNode body, String field) {
    try {
      return LocalDate.parse(text(body, field));
    } catch (DateTimeParseException e) {
      throw invalid(field + " must be an ISO date (2027-03-31).");
    }
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  static SimulatorProblem invalid(String detail) {
    return new SimulatorProblem(
        HttpStatus.BAD_REQUEST,
        "urn:gxpflow:crm:invalid-request",
        "Invalid request",
        "INVALID_REQUEST",
        detail);
  }

  private static SimulatorProblem marketUnknown(String market) {
    return new SimulatorProblem(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "urn:gxpflow:crm:market-unknown",
        "Market unknown",
        "MARKET_UNKNOWN",
        "The CRM has no market '" + market + "'; known: " + sorted(MARKETS) + ".");
  }
}
