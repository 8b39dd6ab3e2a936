package io.gxpflow.compliance.signature;

import java.time.Instant;

/**
 * The manifestation of an electronic signature (21 CFR 11.50): printed name, user id, UTC date and
 * time, the meaning, the signed record and a SHA-256 of the signed content; linked to its audit
 * event (11.70).
 */
public record SignatureManifest(
    String id,
    String signerId,
    String signerName,
    Instant signedAt,
    String meaning,
    String businessKey,
    String processInstanceId,
    String processDefinitionKey,
    String taskId,
    String taskName,
    String contentHash,
    long auditSeq) {}
