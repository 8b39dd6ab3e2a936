package io.gxpflow.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AuditChainTest {

  static final Instant AT = Instant.parse("2026-11-22T09:15:00Z");

  static AuditEvent signature() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("z", Arrays.asList(true, null, "x"));
    nested.put("a", 1);
    return AuditEvent.builder(AuditEventTypes.SIGNATURE, "quinn")
        .businessKey("BR-2026-001")
        .processInstanceId("pi-1")
        .processDefinitionKey("batch-release")
        .detail("score", new BigDecimal("1.10"))
        .detail("outcome", "approved")
        .detail("nested", nested)
        .detail("batch", "B-17")
        .build();
  }

  @Test
  void canonicalFormIsSortedCompactJsonWithNullsAndMillisecondTimestamps() {
    StoredAuditEvent event = AuditChain.append(1, AT, signature(), AuditChain.GENESIS_HASH);

    assertThat(AuditChain.canonicalForm(event))
        .isEqualTo(
            "{\"actor\":\"quinn\",\"businessKey\":\"BR-2026-001\","
                + "\"details\":{\"batch\":\"B-17\",\"nested\":{\"a\":1,\"z\":[true,null,\"x\"]},\"outcome\":\"approved\","
                + "\"score\":1.10},\"occurredAt\":\"2026-11-22T09:15:00.000Z\",\"previousHash\":\""
                + "0".repeat(64)
                + "\","
                + "\"processDefinitionKey\":\"batch-release\",\"processInstanceId\":\"pi-1\",\"seq\":1,\"taskId\":null,"
                + "\"type\":\"SIGNATURE\"}");
  }

  @Test
  void hashIsSha256OfPreviousHashNewlineCanonicalForm() {
    // computed outside Java: python3 hashlib.sha256((prev + "\n" + canonical).encode()).hexdigest()
    assertThat(AuditChain.append(1, AT, signature(), AuditChain.GENESIS_HASH).hash())
        .isEqualTo("a7a24c21487bf073a2b9e55fd971408d124324974e9070927f512d64a5265b65");
  }

  @Test
  void sameInputGivesTheSameHash() {
    StoredAuditEvent first = AuditChain.append(7, AT, signature(), "ab".repeat(32));
    StoredAuditEvent second = AuditChain.append(7, AT, signature(), "ab".repeat(32));

    assertThat(second.hash()).isEqualTo(first.hash()).hasSize(64).matches("[0-9a-f]{64}");
    assertThat(AuditChain.hash(first)).isEqualTo(first.hash());
  }

  @Test
  void anyFieldChangeGivesAnotherHash() {
    StoredAuditEvent event = AuditChain.append(7, AT, signature(), "ab".repeat(32));
    List<UnaryOperator<StoredAuditEvent>> changes = new ArrayList<>();
    changes.add(
        e ->
            copy(
                e,
                e.seq() + 1,
                e.occurredAt(),
                e.type(),
                e.actor(),
                e.businessKey(),
                e.processInstanceId(),
                e.processDefinitionKey(),
                e.taskId(),
                e.details(),
                e.previousHash()));
    changes.add(
        e ->
            copy(
                e,
                e.seq(),
                e.occurredAt().plusMillis(1),
                e.type(),
                e.actor(),
                e.businessKey(),
                e.processInstanceId(),
                e.processDefinitionKey(),
                e.taskId(),
                e.details(),
                e.previousHash()));
    changes.add(
        e ->
            copy(
                e,
                e.seq(),
                e.occurredAt(),
                "SIGNATURE_FAILED",
                e.actor(),
                e.businessKey(),
                e.processInstanceId(),
                e.processDefinitionKey(),
                e.taskId(),
                e.details(),
                e.previousHash()));
    changes.add(
        e ->
            copy(
                e,
                e.seq(),
                e.occurredAt(),
                e.type(),
                "mallory",
                e.businessKey(),
                e.processInstanceId(),
                e.processDefinitionKey(),
                e.taskId(),
                e.details(),
                e.previousHash()));
    changes.add(
        e ->
            copy(
                e,
                e.seq(),
                e.occurredAt(),
                e.type(),
                e.actor(),
                null,
                e.processInstanceId(),
                e.processDefinitionKey(),
                e.taskId(),
                e.details(),
                e.previousHash()));
    changes.add(
        e ->
            copy(
                e,
                e.seq(),
                e.occurredAt(),
                e.type(),
                e.actor(),
                e.businessKey(),
                "pi-2",
                e.processDefinitionKey(),
                e.taskId(),
                e.details(),
                e.previousHash()));
    changes.add(
        e ->
            copy(
                e,
                e.seq(),
                e.occurredAt(),
                e.type(),
                e.actor(),
                e.businessKey(),
                e.processInstanceId(),
                "mlr-review",
                e.taskId(),
                e.details(),
                e.previousHash()));
    changes.add(
        e ->
            copy(
                e,
                e.seq(),
                e.occurredAt(),
                e.type(),
                e.actor(),
                e.businessKey(),
                e.processInstanceId(),
                e.processDefinitionKey(),
                "task-1",
                e.details(),
                e.previousHash()));
    changes.add(
        e ->
            copy(
                e,
                e.seq(),
                e.occurredAt(),
                e.type(),
                e.actor(),
                e.businessKey(),
                e.processInstanceId(),
                e.processDefinitionKey(),
                e.taskId(),
                with(e.details(), "outcome", "rejected"),
                e.previousHash()));
    changes.add(
        e ->
            copy(
                e,
                e.seq(),
                e.occurredAt(),
                e.type(),
                e.actor(),
                e.businessKey(),
                e.processInstanceId(),
                e.processDefinitionKey(),
                e.taskId(),
                with(e.details(), "score", new BigDecimal("1.1")),
                e.previousHash()));
    changes.add(
        e ->
            copy(
                e,
                e.seq(),
                e.occurredAt(),
                e.type(),
                e.actor(),
                e.businessKey(),
                e.processInstanceId(),
                e.processDefinitionKey(),
                e.taskId(),
                with(e.details(), "extra", null),
                e.previousHash()));
    changes.add(
        e ->
            copy(
                e,
                e.seq(),
                e.occurredAt(),
                e.type(),
                e.actor(),
                e.businessKey(),
                e.processInstanceId(),
                e.processDefinitionKey(),
                e.taskId(),
                e.details(),
                "cd".repeat(32)));

    for (UnaryOperator<StoredAuditEvent> change : changes) {
      assertThat(AuditChain.hash(change.apply(event))).isNotEqualTo(event.hash());
    }
  }

  @Test
  void canonicalFormDoesNotDependOnMapInsertionOrder() {
    Map<String, Object> innerOne = new LinkedHashMap<>();
    innerOne.put("b", 2);
    innerOne.put("a", 1);
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("zeta", "last");
    one.put("inner", innerOne);
    one.put("alpha", "first");
    Map<String, Object> innerTwo = new LinkedHashMap<>();
    innerTwo.put("a", 1);
    innerTwo.put("b", 2);
    Map<String, Object> two = new LinkedHashMap<>();
    two.put("alpha", "first");
    two.put("inner", innerTwo);
    two.put("zeta", "last");

    StoredAuditEvent first =
        AuditChain.append(
            1,
            AT,
            AuditEvent.of(AuditEventTypes.DEPLOYMENT, "olivia", one),
            AuditChain.GENESIS_HASH);
    StoredAuditEvent second =
        AuditChain.append(
            1,
            AT,
            AuditEvent.of(AuditEventTypes.DEPLOYMENT, "olivia", two),
            AuditChain.GENESIS_HASH);

    assertThat(AuditChain.canonicalForm(first))
        .isEqualTo(AuditChain.canonicalForm(second))
        .contains(
            "\"details\":{\"alpha\":\"first\",\"inner\":{\"a\":1,\"b\":2},\"zeta\":\"last\"}");
    assertThat(first.hash()).isEqualTo(second.hash());
  }

  @Test
  void theHashSurvivesTheRoundTripThroughTheStoredJson() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("long", 5L);
    details.put("double", 0.1d);
    details.put("decimal", new BigDecimal("1.10"));
    details.put("big", 1e20);
    details.put("instant", Instant.parse("2026-11-22T09:15:00.120Z"));
    details.put("numericKeys", Map.of(10, "ten", 9, "nine"));
    StoredAuditEvent appended =
        AuditChain.append(
            3,
            AT.plusNanos(123_456_789),
            AuditEvent.of("SYSTEM_CALL", AuditEvent.SYSTEM, details),
            "ab".repeat(32));

    StoredAuditEvent reread =
        copy(
            appended,
            appended.seq(),
            appended.occurredAt(),
            appended.type(),
            appended.actor(),
            appended.businessKey(),
            appended.processInstanceId(),
            appended.processDefinitionKey(),
            appended.taskId(),
            AuditChain.parseDetails(AuditChain.detailsJson(appended.details())),
            appended.previousHash());

    assertThat(AuditChain.hash(reread)).isEqualTo(appended.hash());
    assertThat(appended.occurredAt()).isEqualTo(Instant.parse("2026-11-22T09:15:00.123Z"));
    assertThat(appended.details().get("decimal")).isEqualTo(new BigDecimal("1.10"));
  }

  static StoredAuditEvent copy(
      StoredAuditEvent e,
      long seq,
      Instant occurredAt,
      String type,
      String actor,
      String businessKey,
      String processInstanceId,
      String processDefinitionKey,
      String taskId,
      Map<String, Object> details,
      String previousHash) {
    return new StoredAuditEvent(
        seq,
        occurredAt,
        type,
        actor,
        businessKey,
        processInstanceId,
        processDefinitionKey,
        taskId,
        details,
        previousHash,
        e.hash());
  }

  private static Map<String, Object> with(Map<String, Object> details, String key, Object value) {
    Map<String, Object> changed = new LinkedHashMap<>(details);
    changed.put(key, value);
    return changed;
  }
}
