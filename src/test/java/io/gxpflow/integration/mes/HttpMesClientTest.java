package io.gxpflow.integration.mes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.gxpflow.integration.BusinessRejection;
import io.gxpflow.integration.ExternalSystem;
import io.gxpflow.integration.StubbedSystem;
import io.gxpflow.integration.SystemUnavailable;
import io.gxpflow.integration.mes.MesPort.BatchRecordSummary;
import io.gxpflow.integration.mes.MesPort.BatchStatus;
import io.gxpflow.integration.mes.MesPort.Severity;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MES client against a stub server: what each kind of answer becomes, and what is audited. */
class HttpMesClientTest {

  static final String RECORD = "/mes/batches/B-1/record";
  static final String STATUS = "/mes/batches/B-1/status";

  StubbedSystem stub = new StubbedSystem(ExternalSystem.MES, "/mes");
  WireMockServer server = stub.server;
  List<String> audited = stub.audited;
  HttpMesClient mes;

  @BeforeEach
  void start() {
    mes = new HttpMesClient(stub.calls);
  }

  @AfterEach
  void stop() {
    stub.stop();
  }

  @Test
  void readsTheBatchRecordWithTheApiKey() {
    server.stubFor(
        get(RECORD)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"batchNumber\":\"B-1\",\"complete\":true,\"product\":{\"code\":\"P-100\",\"name\":\"Amoxicillin\"},"
                            + "\"site\":\"Basel\",\"status\":\"IN_REVIEW\",\"exceptions\":[{\"code\":\"DEV-TEMP\","
                            + "\"description\":\"Temperature excursion\",\"severity\":\"MINOR\"}]}")));

    BatchRecordSummary record = mes.batchRecord("B-1");

    assertThat(record.complete()).isTrue();
    assertThat(record.product().code()).isEqualTo("P-100");
    assertThat(record.exceptions())
        .singleElement()
        .satisfies(e -> assertThat(e.severity()).isEqualTo(Severity.MINOR));
    server.verify(getRequestedFor(urlEqualTo(RECORD)).withHeader("X-Api-Key", equalTo("test-key")));
    assertThat(audited).containsExactly("MES batch-record null OK null");
  }

  @Test
  void aBusinessAnswerBecomesTheModelsBpmnError() {
    server.stubFor(
        get(RECORD)
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"status\":404,\"code\":\"BATCH_UNKNOWN\",\"detail\":\"No batch B-1\"}")));

    assertThatThrownBy(() -> mes.batchRecord("B-1"))
        .isInstanceOf(BusinessRejection.class)
        .satisfies(
            e -> assertThat(((BusinessRejection) e).bpmnErrorCode()).isEqualTo("MES_BATCH_UNKNOWN"))
        .satisfies(
            e ->
                assertThat(((BusinessRejection) e).toBpmnError().getErrorCode())
                    .isEqualTo("MES_BATCH_UNKNOWN"));
    assertThat(audited).containsExactly("MES batch-record null REJECTED 404");
  }

  @Test
  void aServerErrorIsRetriedNotCaught() {
    server.stubFor(
        get(RECORD)
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"detail\":\"database down\"}")));

    assertThatThrownBy(() -> mes.batchRecord("B-1"))
        .isInstanceOf(SystemUnavailable.class)
        .hasMessage("MES batch-record failed: HTTP 500 (database down)");
    assertThat(audited).containsExactly("MES batch-record null FAILED 500");
  }

  @Test
  void aNotFoundWithoutBusinessCodeIsATechnicalFailure() {
    // a wrong base URL answers 404 too, but with no business code: an incident, not a BPMN error
    server.stubFor(get(RECORD).willReturn(aResponse().withStatus(404).withBody("Not Found")));

    assertThatThrownBy(() -> mes.batchRecord("B-1")).isInstanceOf(SystemUnavailable.class);
  }

  @Test
  void aWrongApiKeyIsATechnicalFailure() {
    server.stubFor(get(RECORD).willReturn(aResponse().withStatus(401)));

    assertThatThrownBy(() -> mes.batchRecord("B-1"))
        .isInstanceOf(SystemUnavailable.class)
        .hasMessageContaining("HTTP 401");
  }

  @Test
  void aTimeoutIsATechnicalFailure() {
    server.stubFor(
        get(RECORD)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withFixedDelay(4_000)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{}")));

    assertThatThrownBy(() -> mes.batchRecord("B-1"))
        .isInstanceOf(SystemUnavailable.class)
        .hasMessageContaining("got no answer (timeout 2000 ms");
    assertThat(audited).containsExactly("MES batch-record null FAILED null");
  }

  @Test
  void aMalformedBodyIsATechnicalFailure() {
    server.stubFor(
        get(RECORD)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"batchNumber\": \"B-1\", \"complete\": tru")));

    assertThatThrownBy(() -> mes.batchRecord("B-1"))
        .isInstanceOf(SystemUnavailable.class)
        .hasMessageContaining("malformed body");
  }

  @Test
  void aRetryAfterATimeoutSendsTheSameIdempotencyKey() {
    server.stubFor(
        put(STATUS)
            .inScenario("retry")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(200).withFixedDelay(4_000))
            .willSetStateTo("answered"));
    server.stubFor(
        put(STATUS)
            .inScenario("retry")
            .whenScenarioStateIs("answered")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"batchNumber\":\"B-1\",\"status\":\"ON_HOLD\",\"previousStatus\":\"IN_REVIEW\"}")));

    assertThatThrownBy(
            () -> mes.setBatchStatus("B-1", BatchStatus.ON_HOLD, "DEV-1 open", "pi-1:HoldBatch"))
        .isInstanceOf(SystemUnavailable.class);
    assertThat(
            mes.setBatchStatus("B-1", BatchStatus.ON_HOLD, "DEV-1 open", "pi-1:HoldBatch").status())
        .isEqualTo("ON_HOLD");

    server.verify(
        2,
        putRequestedFor(urlEqualTo(STATUS))
            .withHeader("Idempotency-Key", equalTo("pi-1:HoldBatch"))
            .withRequestBody(equalToJson("{\"status\":\"ON_HOLD\",\"reason\":\"DEV-1 open\"}")));
    assertThat(audited)
        .containsExactly(
            "MES set-status pi-1:HoldBatch FAILED null", "MES set-status pi-1:HoldBatch OK null");
  }
}
