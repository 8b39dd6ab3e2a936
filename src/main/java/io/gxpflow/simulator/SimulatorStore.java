package io.gxpflow.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The simulators' state in the database ({@code gxp_sim_record}, {@code gxp_sim_idempotency}), so a
 * restart of the app keeps it. Records are JSON bodies keyed by system, kind and key; callers bring
 * their own transaction when they read-modify-write.
 */
@Component
@Profile("demo")
public class SimulatorStore {

  private final JdbcTemplate jdbc;
  private final ObjectMapper objectMapper;
  private final Clock clock;

  public SimulatorStore(JdbcTemplate jdbc, ObjectMapper objectMapper, Clock clock) {
    this.jdbc = jdbc;
    this.objectMapper = objectMapper;
    this.clock = clock;
  }

  /** A stored first response to an Idempotency-Key. */
  public record StoredResponse(String operation, int status, JsonNode body) {}

  public Optional<JsonNode> find(String system, String kind, String key) {
    return first(
            jdbc.queryForList(
                "select body from gxp_sim_record where system = ? and kind = ? and record_key = ?",
                String.class,
                system,
                kind,
                key))
        .map(this::parse);
  }

  /** The record as the simulator's own Java record type. */
  public <T> Optional<T> find(String system, String kind, String key, Class<T> type) {
    return find(system, kind, key).map(body -> as(body, type));
  }

  /**
   * Reads and locks the record until the caller's transaction ends: two writers of one record take
   * turns.
   */
  public Optional<JsonNode> findForUpdate(String system, String kind, String key) {
    return first(
            jdbc.queryForList(
                "select body from gxp_sim_record where system = ? and kind = ? and record_key = ? for update",
                String.class,
                system,
                kind,
                key))
        .map(this::parse);
  }

  public <T> Optional<T> findForUpdate(String system, String kind, String key, Class<T> type) {
    return findForUpdate(system, kind, key).map(body -> as(body, type));
  }

  public Optional<Instant> updatedAt(String system, String kind, String key) {
    return first(
            jdbc.queryForList(
                "select updated_at from gxp_sim_record where system = ? and kind = ? and record_key = ?",
                Timestamp.class,
                system,
                kind,
                key))
        .map(Timestamp::toInstant);
  }

  /** Inserts or replaces the record: a JSON tree or a record Jackson writes. */
  public void put(String system, String kind, String key, Object body) {
    Timestamp now = Timestamp.from(clock.instant());
    int updated =
        jdbc.update(
            "update gxp_sim_record set body = ?, updated_at = ? where system = ? and kind = ? and record_key = ?",
            write(body),
            now,
            system,
            kind,
            key);
    if (updated == 0) {
      jdbc.update(
          "insert into gxp_sim_record (system, kind, record_key, body, updated_at) values (?, ?, ?, ?, ?)",
          system,
          kind,
          key,
          write(body),
          now);
    }
  }

  /**
   * Inserts the record unless one with that key exists (seeding: never overwrite what a demo run
   * changed).
   */
  public boolean putIfAbsent(String system, String kind, String key, Object body) {
    if (find(system, kind, key).isPresent()) {
      return false;
    }
    try {
      jdbc.update(
          "insert into gxp_sim_record (system, kind, record_key, body, updated_at) values (?, ?, ?, ?, ?)",
          system,
          kind,
          key,
          write(body),
          Timestamp.from(clock.instant()));
      return true;
    } catch (DuplicateKeyException concurrentlySeeded) {
      return false;
    }
  }

  public Optional<StoredResponse> findResponse(String system, String idempotencyKey) {
    return first(
        jdbc.query(
            "select operation, status, response from gxp_sim_idempotency where system = ? and idempotency_key = ?",
            (rs, row) -> new StoredResponse(rs.getString(1), rs.getInt(2), parse(rs.getString(3))),
            system,
            idempotencyKey));
  }

  /**
   * Stores the first response to a key; {@link DuplicateKeyException} when another request stored
   * one first.
   */
  public void saveResponse(
      String system, String idempotencyKey, String operation, int status, Object body) {
    jdbc.update(
        "insert into gxp_sim_idempotency (system, idempotency_key, operation, status, response) values (?, ?, ?, ?, ?)",
        system,
        idempotencyKey,
        operation,
        status,
        write(body));
  }

  private static <T> Optional<T> first(List<T> rows) {
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  private JsonNode parse(String json) {
    try {
      return objectMapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("simulator state is not JSON: " + json, e);
    }
  }

  private <T> T as(JsonNode body, Class<T> type) {
    try {
      return objectMapper.treeToValue(body, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "simulator state is not a " + type.getSimpleName() + ": " + body, e);
    }
  }

  private String write(Object body) {
    try {
      return objectMapper.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
