package io.gxpflow.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.gxpflow.integration.contract.QmsOperations;
import io.gxpflow.integration.contract.SystemHeaders;
import io.gxpflow.simulator.MesSimulator.Answer;
import io.gxpflow.simulator.QmsSimulator.Capa;
import io.gxpflow.simulator.QmsSimulator.Deviation;
import io.gxpflow.simulator.QmsSimulator.QcResults;
import io.gxpflow.simulator.QmsSimulator.QualityEvents;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The QMS API GxP Flow calls (docs/integration/qms.md), served by the app itself in the demo
 * profile so the real HTTP client runs against it. {@code X-Api-Key} is checked by {@link
 * SimulatorApiKeyFilter}; every operation takes its injected fault first, before it reads or
 * changes anything.
 */
@RestController
@Profile("demo")
@RequestMapping("/sim/qms")
public class QmsSimulatorController {

  static final String KEY = SystemHeaders.IDEMPOTENCY_KEY;

  private final QmsSimulator qms;
  private final SimulatorFaults faults;

  public QmsSimulatorController(QmsSimulator qms, SimulatorFaults faults) {
    this.qms = qms;
    this.faults = faults;
  }

  @PostMapping(path = "/deviations", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<JsonNode> createDeviation(
      @RequestHeader(name = KEY, required = false) String idempotencyKey,
      @RequestBody(required = false) JsonNode request) {
    faults.inject(QmsSimulator.SYSTEM, QmsOperations.CREATE_DEVIATION);
    return answer(qms.createDeviation(idempotencyKey, request));
  }

  @PatchMapping(path = "/deviations/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<JsonNode> updateDeviation(
      @PathVariable String id,
      @RequestHeader(name = KEY, required = false) String idempotencyKey,
      @RequestBody(required = false) JsonNode request) {
    faults.inject(QmsSimulator.SYSTEM, QmsOperations.UPDATE_DEVIATION);
    return answer(qms.updateDeviation(id, idempotencyKey, request));
  }

  @PostMapping(path = "/deviations/{id}/close", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<JsonNode> closeDeviation(
      @PathVariable String id,
      @RequestHeader(name = KEY, required = false) String idempotencyKey,
      @RequestBody(required = false) JsonNode request) {
    faults.inject(QmsSimulator.SYSTEM, QmsOperations.CLOSE_DEVIATION);
    return answer(qms.closeDeviation(id, idempotencyKey, request));
  }

  @GetMapping("/deviations/{id}")
  Deviation deviation(@PathVariable String id) {
    return qms.deviation(id);
  }

  @PostMapping(path = "/deviations/{id}/capas", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<JsonNode> createCapa(
      @PathVariable String id,
      @RequestHeader(name = KEY, required = false) String idempotencyKey,
      @RequestBody(required = false) JsonNode request) {
    faults.inject(QmsSimulator.SYSTEM, QmsOperations.CREATE_CAPA);
    return answer(qms.createCapa(id, idempotencyKey, request));
  }

  @PatchMapping(path = "/capas/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<JsonNode> updateCapa(
      @PathVariable String id,
      @RequestHeader(name = KEY, required = false) String idempotencyKey,
      @RequestBody(required = false) JsonNode request) {
    faults.inject(QmsSimulator.SYSTEM, QmsOperations.UPDATE_CAPA);
    return answer(qms.updateCapa(id, idempotencyKey, request));
  }

  @PostMapping(path = "/capas/{id}/close", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<JsonNode> closeCapa(
      @PathVariable String id,
      @RequestHeader(name = KEY, required = false) String idempotencyKey,
      @RequestBody(required = false) JsonNode request) {
    faults.inject(QmsSimulator.SYSTEM, QmsOperations.CLOSE_CAPA);
    return answer(qms.closeCapa(id, idempotencyKey, request));
  }

  @GetMapping("/capas/{id}")
  Capa capa(@PathVariable String id) {
    return qms.capa(id);
  }

  @GetMapping("/batches/{batchNumber}/quality-events")
  QualityEvents batchQualityEvents(@PathVariable String batchNumber) {
    faults.inject(QmsSimulator.SYSTEM, QmsOperations.BATCH_QUALITY_EVENTS);
    return qms.batchQualityEvents(batchNumber);
  }

  @GetMapping("/batches/{batchNumber}/qc-results")
  QcResults qcResults(@PathVariable String batchNumber) {
    faults.inject(QmsSimulator.SYSTEM, QmsOperations.QC_RESULTS);
    return qms.qcResults(batchNumber);
  }

  private static ResponseEntity<JsonNode> answer(Answer answer) {
    return ResponseEntity.status(answer.status())
        .contentType(MediaType.APPLICATION_JSON)
        .body(answer.body());
  }
}
