package io.gxpflow.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.gxpflow.simulator.MesSimulator.Answer;
import io.gxpflow.simulator.SimulatorStore.StoredResponse;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Idempotency-Key semantics every simulator honours, as the documented APIs promise: a write
 * needs a key; its first successful answer is stored with the change in one transaction and
 * replayed for the same key; a key reused for another operation or subject is refused (422);
 * refusals are not stored (they change nothing and are refused again). The stored answer carries
 * the request's subject (batch, record, content) for that check.
 */
@Component
@Profile("demo")
class IdempotentWrites {

  /** What is kept per key: the first answer, and the subject it was about for the reuse check. */
  record Stored(String subject, JsonNode body) {}

  private final SimulatorStore store;
  private final TransactionTemplate transaction;

  IdempotentWrites(SimulatorStore store, PlatformTransactionManager transactionManager) {
    this.store = store;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /**
   * Applies {@code write} once for this key; {@code subject} names what it changes ("" for a new
   * record).
   */
  Answer once(
      String system,
      String operation,
      String subject,
      String idempotencyKey,
      Supplier<Answer> write) {
    String about = subject == null ? "" : subject;
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new SimulatorProblem(
          HttpStatus.BAD_REQUEST,
          "urn:gxpflow:" + system + ":idempotency-key-missing",
          "Idempotency-Key missing",
          "IDEMPOTENCY_KEY_MISSING",
          "A write needs an Idempotency-Key header; retries send the same key.");
    }
    Optional<Answer> replay = replay(system, operation, about, idempotencyKey);
    if (replay.isPresent()) {
      return replay.get();
    }
    try {
      return transaction.execute(
          tx -> {
            Answer answer = write.get();
            store.saveResponse(
                system,
                idempotencyKey,
                operation,
                answer.status(),
                new Stored(about, answer.body()));
            return answer;
          });
    } catch (DuplicateKeyException sameKeyAtTheSameTime) {
      // a concurrent request with the same key won: answer what it answered (its change is the only
      // one)
      return replay(system, operation, about, idempotencyKey)
          .orElseThrow(() -> sameKeyAtTheSameTime);
    }
  }

  /**
   * The stored answer for this key, if any. Also for a write to check again under its record's
   * lock, since a request with the same key may have committed meanwhile.
   */
  Optional<Answer> replay(String system, String operation, String subject, String idempotencyKey) {
    Optional<StoredResponse> stored = store.findResponse(system, idempotencyKey);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    StoredResponse response = stored.get();
    String storedSubject = response.body().path("subject").asText();
    // a key names one request: reusing it for another operation or subject is the client's bug, not
    // a retry
    if (!operation.equals(response.operation())
        || !(subject == null ? "" : subject).equals(storedSubject)) {
      throw new SimulatorProblem(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "urn:gxpflow:" + system + ":idempotency-key-reused",
          "Idempotency-Key reused",
          "IDEMPOTENCY_KEY_REUSED",
          "Idempotency-Key '"
              + idempotencyKey
              + "' was used for another request ("
              + response.operation()
              + " of "
              + storedSubject
              + ").");
    }
    JsonNode body = response.body().path("body");
    return Optional.of(new Answer(response.status(), body));
  }
}
