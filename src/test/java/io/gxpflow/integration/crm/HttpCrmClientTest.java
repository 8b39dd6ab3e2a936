package io.gxpflow.integration.crm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.gxpflow.integration.BusinessRejection;
import io.gxpflow.integration.ExternalSystem;
import io.gxpflow.integration.StubbedSystem;
import io.gxpflow.integration.SystemUnavailable;
import io.gxpflow.integration.crm.CrmPort.ContentPublication;
import io.gxpflow.integration.crm.CrmPort.Distribution;
import io.gxpflow.integration.crm.CrmPort.SupplyAvailability;
import io.gxpflow.integration.crm.CrmPort.SupplyStatus;
import io.gxpflow.integration.crm.CrmPort.Withdrawal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CRM client against a stub server: requests it sends, what each kind of answer becomes, what
 * is audited.
 */
class HttpCrmClientTest {

  static final String CONTENT = "/crm/content";
  static final String WITHDRAWAL = "/crm/content/MLR-2026-0001/withdrawal";
  static final String SUPPLY = "/crm/products/P-100/markets/CH/supply";
  static final ContentPublication PUBLICATION =
      new ContentPublication(
          "MLR-2026-0001",
          2,
          "Dosing leaflet",
          List.of("email", "rep-detail"),
          List.of("CH", "DE"),
          LocalDate.of(2027, 6, 30));

  StubbedSystem stub = new StubbedSystem(ExternalSystem.CRM, "/crm");
  WireMockServer server = stub.server;
  List<String> audited = stub.audited;
  HttpCrmClient crm;

  @BeforeEach
  void start() {
    crm = new HttpCrmClient(stub.calls);
  }

  @AfterEach
  void stop() {
    stub.stop();
  }

  @Test
  void publishesContentWithIdempotencyKeyApiKeyAndTheDocumentedBody() {
    server.stubFor(
        post(CONTENT)
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"distributionId\":\"DIST-1\",\"contentId\":\"MLR-2026-0001\",\"version\":2,"
                            + "\"status\":\"PUBLISHED\",\"publishedAt\":\"2026-11-22T09:14:03.120Z\",\"extra\":\"ignored\"}")));

    Distribution distribution = crm.publishContent(PUBLICATION, "pi-1:PublishToCrm");

    assertThat(distribution)
        .isEqualTo(
            new Distribution(
                "DIST-1", "MLR-2026-0001", 2, Instant.parse("2026-11-22T09:14:03.120Z")));
    server.verify(
        postRequestedFor(urlEqualTo(CONTENT))
            .withHeader("Idempotency-Key", equalTo("pi-1:PublishToCrm"))
            .withHeader("X-Api-Key", equalTo("test-key"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"contentId\":\"MLR-2026-0001\",\"version\":2,\"title\":\"Dosing leaflet\","
                        + "\"channels\":[\"email\",\"rep-detail\"],\"markets\":[\"CH\",\"DE\"],\"expiryDate\":\"2027-06-30\"}")));
    assertThat(audited).containsExactly("CRM publish-content pi-1:PublishToCrm OK null");
  }

  @Test
  void withdrawsContentAndPublishesSupply() {
    server.stubFor(
        post(WITHDRAWAL)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"contentId\":\"MLR-2026-0001\",\"status\":\"WITHDRAWN\","
                            + "\"withdrawnAt\":\"2026-11-22T10:00:00Z\"}")));
    server.stubFor(
        put(SUPPLY)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"productCode\":\"P-100\",\"market\":\"CH\",\"status\":\"CONSTRAINED\","
                            + "\"batchNumber\":\"B-2026-0042\",\"quantity\":1200,\"updatedAt\":\"2026-11-22T10:00:01Z\"}")));

    Withdrawal withdrawal =
        crm.withdrawContent("MLR-2026-0001", "claim no longer supported", "pi-2:Withdraw");
    var update =
        crm.publishSupply(
            new SupplyAvailability("P-100", "CH", SupplyStatus.CONSTRAINED, "B-2026-0042", 1200),
            "pi-3:Supply");

    assertThat(withdrawal.withdrawnAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    assertThat(update.status()).isEqualTo(SupplyStatus.CONSTRAINED);
    server.verify(
        postRequestedFor(urlEqualTo(WITHDRAWAL))
            .withHeader("Idempotency-Key", equalTo("pi-2:Withdraw"))
            .withRequestBody(equalToJson("{\"reason\":\"claim no longer supported\"}")));
    server.verify(
        putRequestedFor(urlEqualTo(SUPPLY))
            .withHeader("Idempotency-Key", equalTo("pi-3:Supply"))
            .withRequestBody(
                equalToJson(
                    "{\"status\":\"CONSTRAINED\",\"batchNumber\":\"B-2026-0042\","
                        + "\"quantity\":1200}")));
    assertThat(audited)
        .containsExactly(
            "CRM withdraw-content pi-2:Withdraw OK null", "CRM publish-supply pi-3:Supply OK null");
  }

  @Test
  void aBusinessConflictBecomesTheModelsBpmnError() {
    server.stubFor(
        post(CONTENT)
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"status\":409,\"code\":\"CONTENT_WITHDRAWN\",\"detail\":\"Version 2 was withdrawn\"}")));

    assertThatThrownBy(() -> crm.publishContent(PUBLICATION, "pi-1:PublishToCrm"))
        .isInstanceOf(BusinessRejection.class)
        .satisfies(
            e ->
                assertThat(((BusinessRejection) e).toBpmnError().getErrorCode())
                    .isEqualTo("CRM_CONTENT_WITHDRAWN"));
    assertThat(audited).containsExactly("CRM publish-content pi-1:PublishToCrm REJECTED 409");
  }

  @Test
  void anUnprocessableAnswerBecomesTheModelsBpmnError() {
    server.stubFor(
        post(CONTENT)
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"status\":422,\"code\":\"CONTENT_EXPIRED\",\"detail\":\"expired on 2026-01-31\"}")));

    assertThatThrownBy(() -> crm.publishContent(PUBLICATION, "pi-1:PublishToCrm"))
        .isInstanceOf(BusinessRejection.class)
        .satisfies(
            e ->
                assertThat(((BusinessRejection) e).bpmnErrorCode())
                    .isEqualTo("CRM_CONTENT_EXPIRED"));
  }

  @Test
  void anUnknownContentOnWithdrawalIsABusinessRejection() {
    server.stubFor(
        post(WITHDRAWAL)
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"status\":404,\"code\":\"CONTENT_UNKNOWN\"}")));

    assertThatThrownBy(() -> crm.withdrawContent("MLR-2026-0001", "r", "pi-2:Withdraw"))
        .isInstanceOf(BusinessRejection.class)
        .satisfies(
            e ->
                assertThat(((BusinessRejection) e).bpmnErrorCode())
                    .isEqualTo("CRM_CONTENT_UNKNOWN"));
  }

  @Test
  void aServiceUnavailableIsRetriedNotCaught() {
    server.stubFor(
        put(SUPPLY)
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"detail\":\"maintenance window\"}")));

    assertThatThrownBy(
            () ->
                crm.publishSupply(
                    new SupplyAvailability("P-100", "CH", SupplyStatus.AVAILABLE, "B-1", 10),
                    "pi-3:Supply"))
        .isInstanceOf(SystemUnavailable.class)
        .hasMessage("CRM publish-supply failed: HTTP 503 (maintenance window)");
    assertThat(audited).containsExactly("CRM publish-supply pi-3:Supply FAILED 503");
  }

  @Test
  void aTimeoutIsATechnicalFailure() {
    server.stubFor(
        post(CONTENT)
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withFixedDelay(4_000)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{}")));

    assertThatThrownBy(() -> crm.publishContent(PUBLICATION, "pi-1:PublishToCrm"))
        .isInstanceOf(SystemUnavailable.class)
        .hasMessageContaining("CRM publish-content got no answer (timeout 2000 ms");
    assertThat(audited).containsExactly("CRM publish-content pi-1:PublishToCrm FAILED null");
  }
}
