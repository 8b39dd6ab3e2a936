package io.gxpflow.compliance.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gxpflow.compliance.CanonicalJson;
import io.gxpflow.compliance.Sha256;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash chain of the audit trail, plain Java so that anyone can recompute it from an export.
 *
 * <p>Canonical form of an event: one {@link CanonicalJson} object of every field except {@code
 * hash} — {@code actor}, {@code businessKey}, {@code details}, {@code occurredAt}, {@code
 * previousHash}, {@code processDefinitionKey}, {@code processInstanceId}, {@code seq}, {@code
 * taskId}, {@code type} — with the keys of every object (details included, at any depth) sorted, no
 * whitespace, nulls written as {@code null}, {@code occurredAt} as ISO-8601 UTC with milliseconds
 * ({@code 2026-11-22T09:15:00.120Z}). Then {@code hash = lowercase hex(SHA-256(UTF-8(previousHash +
 * "\n" + canonicalForm)))}; the first event's previous hash is {@link #GENESIS_HASH}.
 *
 * <p>Details are normalized before hashing: written as JSON and read back (floating-point numbers
 * as {@code BigDecimal}), so the hash computed on append is the hash recomputed from the stored
 * text later, whatever Java types the caller passed.
 */
public final class AuditChain {

  public static final String GENESIS_HASH = "0".repeat(64);

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private AuditChain() {}

  /**
   * The event at position {@code seq} after {@code previousHash}, with normalized details and its
   * hash.
   */
  public static StoredAuditEvent append(
      long seq, Instant occurredAt, AuditEvent event, String previousHash) {
    StoredAuditEvent unsealed =
        new StoredAuditEvent(
            seq,
            occurredAt.truncatedTo(ChronoUnit.MILLIS),
            event.type(),
            event.actor(),
            event.businessKey(),
            event.processInstanceId(),
            event.processDefinitionKey(),
            event.taskId(),
            normalize(event.details()),
            previousHash,
            null);
    return withHash(unsealed, hash(unsealed));
  }

  /**
   * The hash the event should have: from its content and previous hash, never from its {@code hash}
   * field.
   */
  public static String hash(StoredAuditEvent event) {
    return Sha256.hex(event.previousHash() + "\n" + canonicalForm(event));
  }

  public static String canonicalForm(StoredAuditEvent event) {
    Map<String, Object> fields = new TreeMap<>();
    fields.put("seq", event.seq());
    fields.put(
        "occurredAt", event.occurredAt() == null ? null : formatTimestamp(event.occurredAt()));
    fields.put("type", event.type());
    fields.put("actor", event.actor());
    fields.put("businessKey", event.businessKey());
    fields.put("processInstanceId", event.processInstanceId());
    fields.put("processDefinitionKey", event.processDefinitionKey());
    fields.put("taskId", event.taskId());
    fields.put("details", event.details());
    fields.put("previousHash", event.previousHash());
    return write(fields);
  }

  /** The details as stored in {@code gxp_audit_event.details}: canonical JSON. */
  public static String detailsJson(Map<String, Object> details) {
    return write(details == null ? Map.of() : details);
  }

  /** Stored details back to the normalized map the hash was computed over. */
  public static Map<String, Object> parseDetails(String json) {
    try {
      Map<String, Object> details = CanonicalJson.readObject(json);
      if (details == null) {
        throw new IllegalArgumentException("details are not a JSON object: null");
      }
      return Collections.unmodifiableMap(details);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "details are not a JSON object: " + e.getOriginalMessage(), e);
    }
  }

  public static String formatTimestamp(Instant instant) {
    return TIMESTAMP.format(instant);
  }

  static Map<String, Object> normalize(Map<String, Object> details) {
    return parseDetails(detailsJson(details));
  }

  private static StoredAuditEvent withHash(StoredAuditEvent e, String hash) {
    return new StoredAuditEvent(
        e.seq(),
        e.occurredAt(),
        e.type(),
        e.actor(),
        e.businessKey(),
        e.processInstanceId(),
        e.processDefinitionKey(),
        e.taskId(),
        e.details(),
        e.previousHash(),
        hash);
  }

  private static String write(Object value) {
    return CanonicalJson.write(value);
  }
}
