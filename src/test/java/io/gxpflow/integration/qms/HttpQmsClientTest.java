package io.gxpflow.integration.qms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.gxpflow.integration.BusinessRejection;
import io.gxpflow.integration.ExternalSystem;
import io.gxpflow.integration.StubbedSystem;
import io.gxpflow.integration.SystemUnavailable;
import io.gxpflow.integration.qms.QmsPort.ActionStatus;
import io.gxpflow.integration.qms.QmsPort.CapaAction;
import io.gxpflow.integration.qms.QmsPort.Classification;
import io.gxpflow.integration.qms.QmsPort.NewDeviation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The QMS client against a stub server: what each kind of answer becomes, and what is audited. */
class HttpQmsClientTest {

  static final String DEVIATIONS = "/qms/deviations";
  static final String JSON = "application/json";

  StubbedSystem stub = new StubbedSystem(ExternalSystem.QMS, "/qms");
  WireMockServer server = stub.server;
  List<String> audited = stub.audited;
  HttpQmsClient qms;

  @BeforeEach
  void start() {
    qms = new HttpQmsClient(stub.calls);
  }

  @AfterEach
  void stop() {
    stub.stop();
  }

  @Test
  void createsADeviationWithItsIdempotencyKeyAndReturnsTheQmsId() {
    server.stubFor(
        post(DEVIATIONS)
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", JSON)
                    .withBody(
                        "{\"id\":\"DEV-2026-0007\",\"title\":\"Temperature excursion\",\"status\":\"OPEN\","
                            + "\"classification\":null,\"batchNumbers\":[\"B-1\"],\"createdAt\":\"2026-11-22T09:14:03.120Z\"}")));

    String id =
        qms.createDeviation(
            new NewDeviation(
                "Temperature excursion",
                "22 °C for 40 min",
                "Basel",
                "P-100",
                List.of("B-1"),
                "PROCESS",
                Instant.parse("2026-11-22T08:00:00Z")),
            "pi-1:RecordDeviation");

    assertThat(id).isEqualTo("DEV-2026-0007");
    server.verify(
        postRequestedFor(urlEqualTo(DEVIATIONS))
            .withHeader("Idempotency-Key", equalTo("pi-1:RecordDeviation"))
            .withHeader("X-Api-Key", equalTo("test-key"))
            .withRequestBody(
                equalToJson(
                    "{\"title\":\"Temperature excursion\",\"description\":\"22 °C for 40 min\","
                        + "\"site\":\"Basel\",\"product\":\"P-100\",\"batchNumbers\":[\"B-1\"],\"category\":\"PROCESS\","
                        + "\"occurredAt\":\"2026-11-22T08:00:00Z\"}")));
    assertThat(audited).containsExactly("QMS create-deviation pi-1:RecordDeviation OK null");
  }

  @Test
  void updatesOnlyWhatIsGivenAndReplacesCapaActions() {
    server.stubFor(
        patch(urlEqualTo(DEVIATIONS + "/DEV-1"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", JSON)
                    .withBody(
                        "{\"id\":\"DEV-1\",\"status\":\"OPEN\",\"classification\":\"MAJOR\"}")));
    server.stubFor(
        patch(urlEqualTo("/qms/capas/CAPA-1"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", JSON)
                    .withBody(
                        "{\"id\":\"CAPA-1\",\"deviationId\":\"DEV-1\",\"status\":\"OPEN\","
                            + "\"actions\":[{\"description\":\"Recalibrate\",\"owner\":\"mark\",\"dueDate\":\"2026-12-31\","
                            + "\"status\":\"OPEN\"}]}")));

    assertThat(qms.updateDeviation("DEV-1", Classification.MAJOR, null, "k-1").classification())
        .isEqualTo("MAJOR");
    assertThat(
            qms.updateCapa(
                    "CAPA-1",
                    List.of(new CapaAction("Recalibrate", "mark", "2026-12-31", ActionStatus.OPEN)),
                    "k-2")
                .actions())
        .singleElement()
        .satisfies(a -> assertThat(a.status()).isEqualTo(ActionStatus.OPEN));

    server.verify(
        patchRequestedFor(urlEqualTo(DEVIATIONS + "/DEV-1"))
            .withHeader("Idempotency-Key", equalTo("k-1"))
            .withRequestBody(equalToJson("{\"classification\":\"MAJOR\"}")));
    server.verify(
        patchRequestedFor(urlEqualTo("/qms/capas/CAPA-1"))
            .withRequestBody(
                equalToJson(
                    "{\"actions\":[{\"description\":\"Recalibrate\",\"owner\":\"mark\",\"dueDate\":\"2026-12-31\","
                        + "\"status\":\"OPEN\"}]}")));
  }

  @Test
  void readsQualityEventsAndQcResults() {
    server.stubFor(
        get("/qms/batches/B-1/quality-events")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", JSON)
                    .withBody(
                        "{\"batchNumber\":\"B-1\",\"deviations\":[{\"id\":\"DEV-1\","
                            + "\"title\":\"Excursion\",\"status\":\"OPEN\"}],\"changeControls\":[]}")));
    server.stubFor(
        get("/qms/batches/B-1/qc-results")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", JSON)
                    .withBody(
                        "{\"batchNumber\":\"B-1\",\"testsComplete\":true,"
                            + "\"oosResults\":[{\"test\":\"Assay\",\"result\":\"89 %\",\"specification\":\"95-105 %\"}]}")));

    assertThat(qms.batchQualityEvents("B-1").deviations())
        .singleElement()
        .satisfies(d -> assertThat(d.id()).isEqualTo("DEV-1"));
    assertThat(qms.qcResults("B-1").oosResults())
        .singleElement()
        .satisfies(r -> assertThat(r.specification()).isEqualTo("95-105 %"));
    assertThat(audited)
        .containsExactly("QMS batch-quality-events null OK null", "QMS qc-results null OK null");
  }

  @Test
  void anUnknownDeviationBecomesTheModelsBpmnError() {
    server.stubFor(
        post(DEVIATIONS + "/DEV-9/close")
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"status\":404,\"code\":\"DEVIATION_UNKNOWN\",\"detail\":\"No deviation DEV-9\"}")));

    assertThatThrownBy(() -> qms.closeDeviation("DEV-9", "done", "k-1"))
        .isInstanceOf(BusinessRejection.class)
        .satisfies(
            e ->
                assertThat(((BusinessRejection) e).toBpmnError().getErrorCode())
                    .isEqualTo("QMS_DEVIATION_UNKNOWN"));
    assertThat(audited).containsExactly("QMS close-deviation k-1 REJECTED 404");
  }

  @Test
  void anUnknownCapaBecomesTheModelsBpmnError() {
    // 409 DEVIATION_ALREADY_CLOSED is covered against the simulator (SimQmsApiIT): WireMock's Jetty
    // leaves a
    // POST/PATCH with a 409 problem body hanging until the read timeout
    server.stubFor(
        patch(urlEqualTo("/qms/capas/CAPA-9"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"status\":404,\"code\":\"CAPA_UNKNOWN\",\"detail\":\"No CAPA CAPA-9\"}")));

    assertThatThrownBy(() -> qms.updateCapa("CAPA-9", List.of(), "k-1"))
        .isInstanceOf(BusinessRejection.class)
        .satisfies(
            e -> assertThat(((BusinessRejection) e).bpmnErrorCode()).isEqualTo("QMS_CAPA_UNKNOWN"));
    assertThat(audited).containsExactly("QMS update-capa k-1 REJECTED 404");
  }

  @Test
  void anUnavailableQmsIsRetriedNotCaught() {
    server.stubFor(
        get("/qms/batches/B-1/qc-results")
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"detail\":\"maintenance\"}")));

    assertThatThrownBy(() -> qms.qcResults("B-1"))
        .isInstanceOf(SystemUnavailable.class)
        .hasMessage("QMS qc-results failed: HTTP 503 (maintenance)");
    assertThat(audited).containsExactly("QMS qc-results null FAILED 503");
  }

  @Test
  void aMalformedBodyIsATechnicalFailure() {
    server.stubFor(
        post(DEVIATIONS)
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", JSON)
                    .withBody("{\"id\": \"DEV-2026-00")));

    assertThatThrownBy(
            () ->
                qms.createDeviation(
                    new NewDeviation(
                        "t", "d", "Basel", "P-100", List.of("B-1"), "PROCESS", Instant.now()),
                    "k-1"))
        .isInstanceOf(SystemUnavailable.class)
        .hasMessageContaining("QMS create-deviation answered with a malformed body");
    assertThat(audited).containsExactly("QMS create-deviation k-1 FAILED null");
  }
}
