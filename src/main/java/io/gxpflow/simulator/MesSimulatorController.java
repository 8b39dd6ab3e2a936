package io.gxpflow.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.gxpflow.integration.contract.MesOperations;
import io.gxpflow.integration.contract.SystemHeaders;
import io.gxpflow.simulator.MesSimulator.Answer;
import io.gxpflow.simulator.MesSimulator.BatchRecord;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The MES API GxP Flow calls (docs/integration/mes.md), served by the app itself in the demo
 * profile so the real HTTP client runs against it. {@code X-Api-Key} is checked by {@link
 * SimulatorApiKeyFilter}.
 */
@RestController
@Profile("demo")
@RequestMapping("/sim/mes")
public class MesSimulatorController {

  private final MesSimulator mes;
  private final SimulatorFaults faults;

  public MesSimulatorController(MesSimulator mes, SimulatorFaults faults) {
    this.mes = mes;
    this.faults = faults;
  }

  @GetMapping("/batches/{batchNumber}/record")
  BatchRecord batchRecord(@PathVariable String batchNumber) {
    faults.inject(MesSimulator.SYSTEM, MesOperations.BATCH_RECORD);
    return mes.batchRecord(batchNumber);
  }

  @PutMapping(path = "/batches/{batchNumber}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<JsonNode> setStatus(
      @PathVariable String batchNumber,
      @RequestHeader(name = SystemHeaders.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @RequestBody(required = false) JsonNode request) {
    faults.inject(MesSimulator.SYSTEM, MesOperations.SET_STATUS);
    Answer answer = mes.setStatus(batchNumber, idempotencyKey, request);
    return ResponseEntity.status(answer.status())
        .contentType(MediaType.APPLICATION_JSON)
        .body(answer.body());
  }
}
