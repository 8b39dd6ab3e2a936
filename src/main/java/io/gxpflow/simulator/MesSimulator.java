package io.gxpflow.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gxpflow.integration.contract.MesOperations;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The simulated MES: batch records and their status, kept in {@link SimulatorStore}
 * (docs/integration/mes.md).
 */
@Component
@Profile("demo")
public class MesSimulator {

  public static final String SYSTEM = "mes";
  public static final String BATCH = "batch";

  /**
   * What GxP Flow may set; the MES has more statuses of its own (IN_PRODUCTION, IN_REVIEW, ...).
   */
  static final Set<String> SETTABLE = Set.of("ON_HOLD", "RELEASED", "REJECTED");

  /** A batch in one of these is finished: the MES refuses any further change. */
  static final Set<String> FINAL = Set.of("RELEASED", "REJECTED");

  /** An exception the batch record carries (a deviation raised during manufacture). */
  public record Deviation(String code, String description, String severity) {}

  public record Product(String code, String name) {}

  /**
   * A batch record in the shape of the API (docs/integration/mes.md), as stored and as answered.
   */
  public record BatchRecord(
      String batchNumber,
      boolean complete,
      Product product,
      String site,
      String status,
      List<Deviation> exceptions) {

    BatchRecord withStatus(String newStatus) {
      return new BatchRecord(batchNumber, complete, product, site, newStatus, exceptions);
    }
  }

  public record StatusChange(
      String batchNumber, String status, String previousStatus, String changedAt) {}

  /**
   * An answer: HTTP status and JSON body, as first given and as replayed for the same
   * Idempotency-Key.
   */
  public record Answer(int status, JsonNode body) {}

  private final SimulatorStore store;
  private final ObjectMapper objectMapper;
  private final IdempotentWrites writes;
  private final Clock clock;

  public MesSimulator(
      SimulatorStore store, ObjectMapper objectMapper, IdempotentWrites writes, Clock clock) {
    this.store = store;
    this.objectMapper = objectMapper;
    this.writes = writes;
    this.clock = clock;
  }

  public BatchRecord batch(
      String batchNumber,
      boolean complete,
      String productCode,
      String productName,
      String site,
      String status,
      List<Deviation> exceptions) {
    return new BatchRecord(
        batchNumber,
        complete,
        new Product(productCode, productName),
        site,
        status,
        List.copyOf(exceptions));
  }

  public void save(BatchRecord batch) {
    store.put(SYSTEM, BATCH, batch.batchNumber(), batch);
  }

  public boolean saveIfAbsent(BatchRecord batch) {
    return store.putIfAbsent(SYSTEM, BATCH, batch.batchNumber(), batch);
  }

  public BatchRecord batchRecord(String batchNumber) {
    return store
        .find(SYSTEM, BATCH, batchNumber, BatchRecord.class)
        .orElseThrow(() -> batchUnknown(batchNumber));
  }

  /**
   * Sets the status once per Idempotency-Key: the first successful answer is stored with the
   * change, in one transaction, and every later request with that key gets it back unchanged.
   * Refusals are not stored (they change nothing, and a refused request is refused again: a final
   * status stays final).
   */
  public Answer setStatus(String batchNumber, String idempotencyKey, JsonNode request) {
    return writes.once(
        SYSTEM,
        MesOperations.SET_STATUS,
        batchNumber,
        idempotencyKey,
        () -> {
          String status = request == null ? "" : request.path("status").asText("");
          if (!SETTABLE.contains(status)) {
            throw new SimulatorProblem(
                HttpStatus.BAD_REQUEST,
                "urn:gxpflow:mes:invalid-status",
                "Invalid status",
                "INVALID_STATUS",
                "status must be one of "
                    + SETTABLE.stream().sorted().toList()
                    + ", not '"
                    + status
                    + "'.");
          }
          return apply(batchNumber, idempotencyKey, status);
        });
  }

  private Answer apply(String batchNumber, String idempotencyKey, String status) {
    BatchRecord batch =
        store
            .findForUpdate(SYSTEM, BATCH, batchNumber, BatchRecord.class)
            .orElseThrow(() -> batchUnknown(batchNumber));
    // checked again under the batch's lock: a request with the same key may have committed
    // meanwhile
    Optional<Answer> replay =
        writes.replay(SYSTEM, MesOperations.SET_STATUS, batchNumber, idempotencyKey);
    if (replay.isPresent()) {
      return replay.get();
    }
    String previous = batch.status();
    if (FINAL.contains(previous)) {
      throw new SimulatorProblem(
          HttpStatus.CONFLICT,
          "urn:gxpflow:mes:status-transition-not-allowed",
          "Status transition not allowed",
          "STATUS_TRANSITION_NOT_ALLOWED",
          "Batch " + batchNumber + " is " + previous + " and cannot change to " + status + ".");
    }
    store.put(SYSTEM, BATCH, batchNumber, batch.withStatus(status));
    StatusChange change =
        new StatusChange(
            batchNumber,
            status,
            previous,
            clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
    return new Answer(HttpStatus.OK.value(), objectMapper.valueToTree(change));
  }

  private static SimulatorProblem batchUnknown(String batchNumber) {
    return new SimulatorProblem(
        HttpStatus.NOT_FOUND,
        "urn:gxpflow:mes:batch-unknown",
        "Batch unknown",
        "BATCH_UNKNOWN",
        "The MES has no batch " + batchNumber + ".");
  }
}
