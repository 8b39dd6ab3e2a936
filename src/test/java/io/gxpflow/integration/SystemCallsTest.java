package io.gxpflow.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/**
 * The call path for requests built on the system's RestClient itself (callers without an HTTP
 * interface, such as a connector): the same API key, error mapping and audit as the ports' clients
 * get.
 */
class SystemCallsTest {

  static final String STOCK = "/mes/stock/P-100";

  StubbedSystem stub = new StubbedSystem(ExternalSystem.MES, "/mes");

  @AfterEach
  void stop() {
    stub.stop();
  }

  @Test
  void aRequestOnTheRestClientIsAuditedWithTheApiKeySent() {
    stub.server.stubFor(
        get(STOCK)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"packs\":12}")));

    Map<String, Object> stock =
        stub.calls.call(
            ExternalSystem.MES,
            "stock",
            null,
            mes ->
                mes.get()
                    .uri("/stock/P-100")
                    .retrieve()
                    .body(new ParameterizedTypeReference<Map<String, Object>>() {}));

    assertThat(stock).containsEntry("packs", 12);
    stub.server.verify(
        getRequestedFor(urlEqualTo(STOCK)).withHeader("X-Api-Key", equalTo("test-key")));
    assertThat(stub.audited).containsExactly("MES stock null OK null");
  }

  @Test
  void itsAnswersAreMappedAsThePortsAre() {
    stub.server.stubFor(
        get(STOCK)
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"status\":404,\"code\":\"PRODUCT_UNKNOWN\",\"detail\":\"No product P-100\"}")));
    stub.server.stubFor(
        get("/mes/stock/P-200")
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"detail\":\"maintenance\"}")));

    assertThatThrownBy(() -> stock("P-100"))
        .isInstanceOf(BusinessRejection.class)
        .hasMessage("MES stock rejected: PRODUCT_UNKNOWN (No product P-100)")
        .satisfies(
            e ->
                assertThat(((BusinessRejection) e).bpmnErrorCode())
                    .isEqualTo("MES_PRODUCT_UNKNOWN"));
    assertThatThrownBy(() -> stock("P-200"))
        .isInstanceOf(SystemUnavailable.class)
        .hasMessage("MES stock failed: HTTP 503 (maintenance)");
    assertThat(stub.audited)
        .containsExactly("MES stock null REJECTED 404", "MES stock null FAILED 503");
  }

  private String stock(String product) {
    return stub.calls.call(
        ExternalSystem.MES,
        "stock",
        null,
        mes -> mes.get().uri("/stock/{product}", product).retrieve().body(String.class));
  }
}
