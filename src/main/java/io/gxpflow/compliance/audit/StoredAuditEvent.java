package io.gxpflow.compliance.audit;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.util.Map;

/**
 * An event as the audit trail holds it: its place in the chain ({@code seq}), the server time in
 * UTC to the millisecond, the event, the hash of its predecessor and its own hash ({@link
 * AuditChain#hash}). The details are in their normalized form, as read back from the stored JSON
 * (floating-point numbers as {@code BigDecimal}).
 */
public record StoredAuditEvent(
    long seq,
    // always with milliseconds, as in the canonical form (Instant.toString() drops ".000")
    @JsonFormat(
            shape = JsonFormat.Shape.STRING,
            pattern = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'",
            timezone = "UTC")
        Instant occurredAt,
    String type,
    String actor,
    String businessKey,
    String processInstanceId,
    String processDefinitionKey,
    String taskId,
    Map<String, Object> details,
    String previousHash,
    String hash) {}
