package io.gxpflow.compliance.audit;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a DBA without the checkpoint key can do to the chain, with the public algorithm ({@link
 * AuditChain}) only: change an event and recompute every hash after it, or cut off the newest
 * events and move the head back. Used by the tests inside {@code DatabaseOwner.withTriggersOff},
 * and to put everything back afterwards.
 */
final class ChainAttacks {

  private ChainAttacks() {}

  static List<StoredAuditEvent> read(JdbcTemplate jdbc, long fromSeq) {
    return jdbc.query(
        "SELECT seq, occurred_at, event_type, actor, business_key, process_instance_id,"
            + " process_definition_key, task_id, details, previous_hash, hash FROM gxp_audit_event WHERE seq >= ?"
            + " ORDER BY seq",
        (rs, row) ->
            new StoredAuditEvent(
                rs.getLong("seq"),
                rs.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getString("event_type"),
                rs.getString("actor"),
                rs.getString("business_key"),
                rs.getString("process_instance_id"),
                rs.getString("process_definition_key"),
                rs.getString("task_id"),
                AuditChain.parseDetails(rs.getString("details")),
                rs.getString("previous_hash"),
                rs.getString("hash")),
        fromSeq);
  }

  /**
   * Sets the actor of {@code seq} and rehashes the chain from there to the head; the head follows.
   */
  static void rewriteActor(JdbcTemplate jdbc, long seq, String actor) {
    String previous =
        seq == 1
            ? AuditChain.GENESIS_HASH
            : jdbc.queryForObject(
                "SELECT hash FROM gxp_audit_event WHERE seq = ?", String.class, seq - 1);
    long last = seq - 1;
    for (StoredAuditEvent e : read(jdbc, seq)) {
      StoredAuditEvent rewritten =
          new StoredAuditEvent(
              e.seq(),
              e.occurredAt(),
              e.type(),
              e.seq() == seq ? actor : e.actor(),
              e.businessKey(),
              e.processInstanceId(),
              e.processDefinitionKey(),
              e.taskId(),
              e.details(),
              previous,
              null);
      String hash = AuditChain.hash(rewritten);
      jdbc.update(
          "UPDATE gxp_audit_event SET actor = ?, previous_hash = ?, hash = ? WHERE seq = ?",
          rewritten.actor(),
          previous,
          hash,
          e.seq());
      previous = hash;
      last = e.seq();
    }
    jdbc.update(
        "UPDATE gxp_audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1", last, previous);
  }

  /**
   * Removes every event after {@code keepUpTo} and moves the head back onto it; returns what was
   * removed.
   */
  static List<StoredAuditEvent> cutAfter(JdbcTemplate jdbc, long keepUpTo) {
    List<StoredAuditEvent> removed = new ArrayList<>(read(jdbc, keepUpTo + 1));
    jdbc.update("DELETE FROM gxp_audit_event WHERE seq > ?", keepUpTo);
    String hash =
        jdbc.queryForObject(
            "SELECT hash FROM gxp_audit_event WHERE seq = ?", String.class, keepUpTo);
    jdbc.update(
        "UPDATE gxp_audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1", keepUpTo, hash);
    return removed;
  }

  /** Puts cut-off events back and the head onto the last of them. */
  static void restore(JdbcTemplate jdbc, List<StoredAuditEvent> events) {
    for (StoredAuditEvent e : events) {
      jdbc.update(
          "INSERT INTO gxp_audit_event (seq, occurred_at, event_type, actor, business_key,"
              + " process_instance_id, process_definition_key, task_id, details, previous_hash, hash)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          e.seq(),
          LocalDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC),
          e.type(),
          e.actor(),
          e.businessKey(),
          e.processInstanceId(),
          e.processDefinitionKey(),
          e.taskId(),
          AuditChain.detailsJson(e.details()),
          e.previousHash(),
          e.hash());
    }
    StoredAuditEvent last = events.get(events.size() - 1);
    jdbc.update(
        "UPDATE gxp_audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1",
        last.seq(),
        last.hash());
  }
}
