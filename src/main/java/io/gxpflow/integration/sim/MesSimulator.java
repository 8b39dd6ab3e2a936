package io.gxpflow.integration.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gxpflow.integration.sim.SimulatorStore.StoredResponse;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The simulated MES: batch records and their status, kept in {@link SimulatorStore} (docs/integration/mes.md). */
@Component
@Profile("demo")
public class MesSimulator {

  public static final String SYSTEM = "mes";
  public static final String BATCH = "batch";
  public static final String BATCH_RECORD = "batch-record";
  public static final String SET_STATUS = "set-status";

  /** What GxP Flow may set; the MES has more statuses of its own (IN_PRODUCTION, IN_REVIEW, ...). */
  static final Set<String> SETTABLE = Set.of("ON_HOLD", "RELEASED", "REJECTED");
  /** A batch in one of these is finished: the MES refuses any further change. */
  static final Set<String> FINAL = Set.of("RELEASED", "REJECTED");

  public record Deviation(String code, String description, String severity) {}

  /** An answer: HTTP status and JSON body, as first given and as replayed for the same Idempotency-Key. */
  public record Answer(int status, JsonNode body) {}

  private final SimulatorStore store;
  private final ObjectMapper objectMapper;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public MesSimulator(SimulatorStore store, ObjectMapper objectMapper, PlatformTransactionManager transactionManager,
      Clock clock) {
    this.store = store;
    this.objectMapper = objectMapper;
    this.transaction = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** A batch record in the shape of the API. */
  public ObjectNode batch(String batchNumber, boolean complete, String productCode, String productName, String site,
      String status, List<Deviation> exceptions) {
    ObjectNode batch = objectMapper.createObjectNode();
    batch.put("batchNumber", batchNumber);
    batch.put("complete", complete);
    batch.putObject("product").put("code", productCode).put("name", productName);
    batch.put("site", site);
    batch.put("status", status);
    ArrayNode list = batch.putArray("exceptions");
    exceptions.forEach(e -> list.addObject()
        .put("code", e.code()).put("description", e.description()).put("severity", e.severity()));
    return batch;
  }

  public void save(ObjectNode batch) {
    store.put(SYSTEM, BATCH, batch.path("batchNumber").asText(), batch);
  }

  public boolean saveIfAbsent(ObjectNode batch) {
    return store.putIfAbsent(SYSTEM, BATCH, batch.path("batchNumber").asText(), batch);
  }

  public JsonNode batchRecord(String batchNumber) {
    return store.find(SYSTEM, BATCH, batchNumber).orElseThrow(() -> batchUnknown(batchNumber));
  }

  /**
   * Sets the status once per Idempotency-Key: the first successful answer is stored with the change, in one
   * transaction, and every later request with that key gets it back unchanged. Refusals are not stored (they
   * change nothing, and a refused request is refused again: a final status stays final).
   */
  public Answer setStatus(String batchNumber, String idempotencyKey, JsonNode request) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new SimulatorProblem(HttpStatus.BAD_REQUEST, "urn:gxpflow:mes:idempotency-key-missing",
          "Idempotency-Key missing", "IDEMPOTENCY_KEY_MISSING",
          "A status change needs an Idempotency-Key header; retries send the same key.");
    }
    Optional<Answer> replay = replay(batchNumber, idempotencyKey);
    if (replay.isPresent()) {
      return replay.get();
    }
    String status = request == null ? "" : request.path("status").asText("");
    if (!SETTABLE.contains(status)) {
      throw new SimulatorProblem(HttpStatus.BAD_REQUEST, "urn:gxpflow:mes:invalid-status", "Invalid status",
          "INVALID_STATUS", "status must be one of " + SETTABLE.stream().sorted().toList() + ", not '" + status + "'.");
    }
    try {
      return transaction.execute(tx -> apply(batchNumber, idempotencyKey, status));
    } catch (DuplicateKeyException sameKeyAtTheSameTime) {
      // a concurrent request with the same key won: answer what it answered (its change is the only one)
      return replay(batchNumber, idempotencyKey).orElseThrow(() -> sameKeyAtTheSameTime);
    }
  }

  private Answer apply(String batchNumber, String idempotencyKey, String status) {
    ObjectNode batch = (ObjectNode) store.findForUpdate(SYSTEM, BATCH, batchNumber)
        .orElseThrow(() -> batchUnknown(batchNumber));
    // checked again under the batch's lock: a request with the same key may have committed meanwhile
    Optional<Answer> replay = replay(batchNumber, idempotencyKey);
    if (replay.isPresent()) {
      return replay.get();
    }
    String previous = batch.path("status").asText();
    if (FINAL.contains(previous)) {
      throw new SimulatorProblem(HttpStatus.CONFLICT, "urn:gxpflow:mes:status-transition-not-allowed",
          "Status transition not allowed", "STATUS_TRANSITION_NOT_ALLOWED",
          "Batch " + batchNumber + " is " + previous + " and cannot change to " + status + ".");
    }
    batch.put("status", status);
    store.put(SYSTEM, BATCH, batchNumber, batch);
    ObjectNode change = objectMapper.createObjectNode();
    change.put("batchNumber", batchNumber);
    change.put("status", status);
    change.put("previousStatus", previous);
    change.put("changedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
    store.saveResponse(SYSTEM, idempotencyKey, SET_STATUS, HttpStatus.OK.value(), change);
    return new Answer(HttpStatus.OK.value(), change);
  }

  private Optional<Answer> replay(String batchNumber, String idempotencyKey) {
    Optional<StoredResponse> stored = store.findResponse(SYSTEM, idempotencyKey);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    StoredResponse response = stored.get();
    // a key names one request: reusing it for another batch or operation is the client's bug, not a retry
    if (!SET_STATUS.equals(response.operation())
        || !batchNumber.equals(response.body().path("batchNumber").asText())) {
      throw new SimulatorProblem(HttpStatus.UNPROCESSABLE_ENTITY, "urn:gxpflow:mes:idempotency-key-reused",
          "Idempotency-Key reused", "IDEMPOTENCY_KEY_REUSED",
          "Idempotency-Key '" + idempotencyKey + "' was used for another request (" + response.operation() + " of "
              + response.body().path("batchNumber").asText() + ").");
    }
    return Optional.of(new Answer(response.status(), response.body()));
  }

  private static SimulatorProblem batchUnknown(String batchNumber) {
    return new SimulatorProblem(HttpStatus.NOT_FOUND, "urn:gxpflow:mes:batch-unknown", "Batch unknown",
        "BATCH_UNKNOWN", "The MES has no batch " + batchNumber + ".");
  }
}
