package io.gxpflow.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.gxpflow.integration.contract.CrmOperations;
import io.gxpflow.integration.contract.SystemHeaders;
import io.gxpflow.simulator.MesSimulator.Answer;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CRM API GxP Flow calls (docs/integration/crm.md), served by the app itself in the demo
 * profile. {@code X-Api-Key} is checked by {@link SimulatorApiKeyFilter}.
 */
@RestController
@Profile("demo")
@RequestMapping("/sim/crm")
public class CrmSimulatorController {

  private final CrmSimulator crm;
  private final SimulatorFaults faults;

  public CrmSimulatorController(CrmSimulator crm, SimulatorFaults faults) {
    this.crm = crm;
    this.faults = faults;
  }

  @PostMapping(path = "/content", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<JsonNode> publishContent(
      @RequestHeader(name = SystemHeaders.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @RequestBody(required = false) JsonNode request) {
    faults.inject(CrmSimulator.SYSTEM, CrmOperations.PUBLISH_CONTENT);
    return answer(crm.publishContent(idempotencyKey, request));
  }

  @PostMapping(
      path = "/content/{contentId}/withdrawal",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<JsonNode> withdrawContent(
      @PathVariable String contentId,
      @RequestHeader(name = SystemHeaders.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @RequestBody(required = false) JsonNode request) {
    faults.inject(CrmSimulator.SYSTEM, CrmOperations.WITHDRAW_CONTENT);
    return answer(crm.withdrawContent(contentId, idempotencyKey, request));
  }

  @PutMapping(
      path = "/products/{productCode}/markets/{market}/supply",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<JsonNode> publishSupply(
      @PathVariable String productCode,
      @PathVariable String market,
      @RequestHeader(name = SystemHeaders.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @RequestBody(required = false) JsonNode request) {
    faults.inject(CrmSimulator.SYSTEM, CrmOperations.PUBLISH_SUPPLY);
    return answer(crm.publishSupply(productCode, market, idempotencyKey, request));
  }

  private static ResponseEntity<JsonNode> answer(Answer answer) {
    return ResponseEntity.status(answer.status())
        .contentType(MediaType.APPLICATION_JSON)
        .body(answer.body());
  }
}
