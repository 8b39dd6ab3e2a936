package io.gxpflow.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gxpflow.integration.contract.QmsOperations;
import io.gxpflow.simulator.MesSimulator.Answer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The simulated QMS: deviations, CAPAs, and per batch its quality events and QC results, kept in
 * {@link SimulatorStore} (docs/integration/qms.md).
 */
@Component
@Profile("demo")
public class QmsSimulator {

  public static final String SYSTEM = "qms";
  public static final String DEVIATION = "deviation";
  public static final String CAPA = "capa";
  public static final String BATCH = "batch";
  static final String SEQUENCE = "sequence";

  static final Set<String> CLASSIFICATIONS = Set.of("MINOR", "MAJOR", "CRITICAL");
  /** What GxP Flow may set; CLOSED only through close. */
  static final Set<String> SETTABLE_STATUSES = Set.of("OPEN", "UNDER_INVESTIGATION");
  static final Set<String> ACTION_STATUSES = Set.of("OPEN", "DONE");
  static final String CLOSED = "CLOSED";

  private final SimulatorStore store;
  private final ObjectMapper objectMapper;
  private final TransactionTemplate transaction;
  private final IdempotentWrites writes;
  private final Clock clock;

  public QmsSimulator(SimulatorStore store, ObjectMapper objectMapper, PlatformTransactionManager transactionManager,
      IdempotentWrites writes, Clock clock) {
    this.store = store;
    this.objectMapper = objectMapper;
    this.transaction = new TransactionTemplate(transactionManager);
    this.writes = writes;
    this.clock = clock;
  }

  // ---- reads

  public JsonNode deviation(String id) {
    return store.find(SYSTEM, DEVIATION, id).orElseThrow(() -> unknown("deviation", id));
  }

  public JsonNode capa(String id) {
    return store.find(SYSTEM, CAPA, id).orElseThrow(() -> unknown("capa", id));
  }

  /** The open deviations and change controls of a batch, with their current title and status. */
  public JsonNode batchQualityEvents(String batchNumber) {
    JsonNode batch = store.find(SYSTEM, BATCH, batchNumber).orElseThrow(() -> unknown("batch", batchNumber));
    ObjectNode answer = objectMapper.createObjectNode();
    answer.put("batchNumber", batchNumber);
    ArrayNode deviations = answer.putArray("deviations");
    batch.path("deviationIds").forEach(id -> store.find(SYSTEM, DEVIATION, id.asText())
        .filter(d -> !CLOSED.equals(d.path("status").asText()))
        .ifPresent(d -> deviations.add(event(d))));
    ArrayNode changeControls = answer.putArray("changeControls");
    batch.path("changeControls").forEach(c -> {
      if (!CLOSED.equals(c.path("status").asText())) {
        changeControls.add(event(c));
      }
    });
    return answer;
  }

  public JsonNode qcResults(String batchNumber) {
    JsonNode batch = store.find(SYSTEM, BATCH, batchNumber).orElseThrow(() -> unknown("batch", batchNumber));
    ObjectNode answer = objectMapper.createObjectNode();
    answer.put("batchNumber", batchNumber);
    answer.put("testsComplete", batch.path("testsComplete").asBoolean(false));
    answer.set("oosResults", batch.path("oosResults").isArray() ? batch.get("oosResults")
        : objectMapper.createArrayNode());
    return answer;
  }

  // ---- writes: each once per Idempotency-Key, the first answer stored with the change in one transaction

  public Answer createDeviation(String idempotencyKey, JsonNode request) {
    return writes.once(SYSTEM, QmsOperations.CREATE_DEVIATION, "", idempotencyKey, () -> {
      // a deviation may affect no batch at all (an environmental or documentation event)
      List<String> batchNumbers = strings(request, "batchNumbers");
      String occurredAt = instant(request, "occurredAt");
      require(request, "title", "site", "category");
      String id = nextId("DEV");
      ObjectNode deviation = objectMapper.createObjectNode();
      deviation.put("id", id);
      deviation.put("title", text(request, "title"));
      deviation.put("description", text(request, "description"));
      deviation.put("site", text(request, "site"));
      deviation.put("product", text(request, "product"));
      ArrayNode batches = deviation.putArray("batchNumbers");
      batchNumbers.forEach(batches::add);
      deviation.put("category", text(request, "category"));
      deviation.put("occurredAt", occurredAt);
      deviation.put("status", "OPEN");
      deviation.putNull("classification");
      deviation.put("createdAt", now());
      deviation.putNull("closedAt");
      store.put(SYSTEM, DEVIATION, id, deviation);
      batchNumbers.forEach(batch -> linkToBatch(batch, id));
      return new Answer(HttpStatus.CREATED.value(), deviation);
    });
  }

  public Answer updateDeviation(String id, String idempotencyKey, JsonNode request) {
    return writes.once(SYSTEM, QmsOperations.UPDATE_DEVIATION, id, idempotencyKey, () -> {
      String classification = optional(request, "classification", CLASSIFICATIONS, "INVALID_CLASSIFICATION");
      String status = optional(request, "status", SETTABLE_STATUSES, "INVALID_STATUS");
      if (classification == null && status == null) {
        throw badRequest("INVALID_REQUEST", "Give classification, status or both.");
      }
      ObjectNode deviation = openDeviation(id);
      if (classification != null) {
        deviation.put("classification", classification);
      }
      if (status != null) {
        deviation.put("status", status);
      }
      store.put(SYSTEM, DEVIATION, id, deviation);
      return new Answer(HttpStatus.OK.value(), deviation);
    });
  }

  public Answer closeDeviation(String id, String idempotencyKey, JsonNode request) {
    return writes.once(SYSTEM, QmsOperations.CLOSE_DEVIATION, id, idempotencyKey, () -> {
      ObjectNode deviation = openDeviation(id);
      deviation.put("status", CLOSED);
      deviation.put("closureSummary", text(request, "closureSummary"));
      deviation.put("closedAt", now());
      store.put(SYSTEM, DEVIATION, id, deviation);
      return new Answer(HttpStatus.OK.value(), deviation);
    });
  }

  public Answer createCapa(String deviationId, String idempotencyKey, JsonNode request) {
    return writes.once(SYSTEM, QmsOperations.CREATE_CAPA, deviationId, idempotencyKey, () -> {
      require(request, "title");
      openDeviation(deviationId);
      String id = nextId("CAPA");
      ObjectNode capa = objectMapper.createObjectNode();
      capa.put("id", id);
      capa.put("deviationId", deviationId);
      capa.put("title", text(request, "title"));
      capa.put("description", text(request, "description"));
      capa.put("owner", text(request, "owner"));
      capa.put("status", "OPEN");
      capa.putArray("actions");
      capa.put("createdAt", now());
      capa.putNull("closedAt");
      store.put(SYSTEM, CAPA, id, capa);
      return new Answer(HttpStatus.CREATED.value(), capa);
    });
  }

  public Answer updateCapa(String id, String idempotencyKey, JsonNode request) {
    return writes.once(SYSTEM, QmsOperations.UPDATE_CAPA, id, idempotencyKey, () -> {
      ArrayNode actions = actions(request);
      ObjectNode capa = openCapa(id);
      capa.set("actions", actions);
      store.put(SYSTEM, CAPA, id, capa);
      return new Answer(HttpStatus.OK.value(), capa);
    });
  }

  public Answer closeCapa(String id, String idempotencyKey, JsonNode request) {
    return writes.once(SYSTEM, QmsOperations.CLOSE_CAPA, id, idempotencyKey, () -> {
      ObjectNode capa = openCapa(id);
      capa.put("status", CLOSED);
      capa.put("effectivenessCheck", text(request, "effectivenessCheck"));
      capa.put("closedAt", now());
      store.put(SYSTEM, CAPA, id, capa);
      return new Answer(HttpStatus.OK.value(), capa);
    });
  }

  // ---- seeding (QmsDemoData)

  /** A batch as the QMS knows it: QC status, OOS results, change controls; deviations are linked on creation. */
  public boolean seedBatch(String batchNumber, boolean testsComplete, List<ObjectNode> oosResults,
      List<ObjectNode> changeControls) {
    ObjectNode batch = objectMapper.createObjectNode();
    batch.put("batchNumber", batchNumber);
    batch.put("testsComplete", testsComplete);
    batch.putArray("oosResults").addAll(oosResults);
    batch.putArray("changeControls").addAll(changeControls);
    batch.putArray("deviationIds");
    return store.putIfAbsent(SYSTEM, BATCH, batchNumber, batch);
  }

  /** Seeds a deviation under a fixed id and moves that year's counter past it, so new ids never collide. */
  public void seedDeviation(String id, String title, String batchNumber, String classification) {
    transaction.executeWithoutResult(tx -> {
      ObjectNode deviation = objectMapper.createObjectNode();
      deviation.put("id", id);
      deviation.put("title", title);
      deviation.put("description", title);
      deviation.put("site", MesDemoBatches.SITE);
      deviation.put("product", MesDemoBatches.PRODUCT_CODE);
      deviation.putArray("batchNumbers").add(batchNumber);
      deviation.put("category", "PROCESS");
      deviation.put("occurredAt", "2026-11-02T08:30:00Z");
      deviation.put("status", "OPEN");
      deviation.put("classification", classification);
      deviation.put("createdAt", "2026-11-02T09:00:00Z");
      deviation.putNull("closedAt");
      if (store.putIfAbsent(SYSTEM, DEVIATION, id, deviation)) {
        linkToBatch(batchNumber, id);
      }
    });
  }

  public ObjectNode oos(String test, String result, String specification) {
    return objectMapper.createObjectNode().put("test", test).put("result", result).put("specification",
        specification);
  }

  public ObjectNode changeControl(String id, String title, String status) {
    return objectMapper.createObjectNode().put("id", id).put("title", title).put("status", status);
  }

  // ---- internals

  /** The next id of that kind this year, e.g. DEV-2026-0008; the counter row is locked until the commit. */
  private String nextId(String prefix) {
    int year = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear();
    String counterKey = prefix + "-" + year;
    store.putIfAbsent(SYSTEM, SEQUENCE, counterKey, objectMapper.createObjectNode().put("last", 0));
    ObjectNode counter = (ObjectNode) store.findForUpdate(SYSTEM, SEQUENCE, counterKey).orElseThrow();
    String kind = "DEV".equals(prefix) ? DEVIATION : CAPA;
    int next = counter.path("last").asInt() + 1;
    // skip ids taken by seeding
    while (store.find(SYSTEM, kind, String.format("%s-%04d", counterKey, next)).isPresent()) {
      next++;
    }
    counter.put("last", next);
    store.put(SYSTEM, SEQUENCE, counterKey, counter);
    return String.format("%s-%04d", counterKey, next);
  }

  /** A deviation makes its batches known to the QMS (a batch without QC results yet). */
  private void linkToBatch(String batchNumber, String deviationId) {
    seedBatch(batchNumber, false, List.of(), List.of());
    ObjectNode batch = (ObjectNode) store.findForUpdate(SYSTEM, BATCH, batchNumber).orElseThrow();
    ArrayNode ids = batch.withArray("deviationIds");
    ids.add(deviationId);
    store.put(SYSTEM, BATCH, batchNumber, batch);
  }

  private ObjectNode openDeviation(String id) {
    ObjectNode deviation = (ObjectNode) store.findForUpdate(SYSTEM, DEVIATION, id)
        .orElseThrow(() -> unknown("deviation", id));
    if (CLOSED.equals(deviation.path("status").asText())) {
      throw new SimulatorProblem(HttpStatus.CONFLICT, "urn:gxpflow:qms:deviation-already-closed",
          "Deviation already closed", "DEVIATION_ALREADY_CLOSED", "Deviation " + id + " is closed.");
    }
    return deviation;
  }

  private ObjectNode openCapa(String id) {
    ObjectNode capa = (ObjectNode) store.findForUpdate(SYSTEM, CAPA, id).orElseThrow(() -> unknown("capa", id));
    if (CLOSED.equals(capa.path("status").asText())) {
      throw new SimulatorProblem(HttpStatus.CONFLICT, "urn:gxpflow:qms:capa-already-closed",
          "CAPA already closed", "CAPA_ALREADY_CLOSED", "CAPA " + id + " is closed.");
    }
    return capa;
  }

  private ArrayNode actions(JsonNode request) {
    JsonNode actions = request == null ? null : request.get("actions");
    if (actions == null || !actions.isArray()) {
      throw badRequest("INVALID_REQUEST", "actions must be a list.");
    }
    ArrayNode clean = objectMapper.createArrayNode();
    for (JsonNode action : actions) {
      require(action, "description");
      String status = action.path("status").asText("OPEN");
      if (!ACTION_STATUSES.contains(status)) {
        throw badRequest("INVALID_STATUS", "action status must be one of " + sorted(ACTION_STATUSES) + ".");
      }
      String dueDate = text(action, "dueDate");
      if (dueDate != null) {
        try {
          LocalDate.parse(dueDate);
        } catch (DateTimeParseException e) {
          throw badRequest("INVALID_REQUEST", "dueDate must be an ISO date (2026-12-31), not '" + dueDate + "'.");
        }
      }
      clean.addObject().put("description", text(action, "description")).put("owner", text(action, "owner"))
          .put("dueDate", dueDate).put("status", status);
    }
    return clean;
  }

  private static void require(JsonNode request, String... fields) {
    List<String> missing = new ArrayList<>();
    for (String field : fields) {
      if (text(request, field) == null || text(request, field).isBlank()) {
        missing.add(field);
      }
    }
    if (!missing.isEmpty()) {
      throw badRequest("INVALID_REQUEST", "Missing: " + String.join(", ", missing) + ".");
    }
  }

  private static String optional(JsonNode request, String field, Set<String> allowed, String code) {
    String value = text(request, field);
    if (value != null && !allowed.contains(value)) {
      throw badRequest(code, field + " must be one of " + sorted(allowed) + ", not '" + value + "'.");
    }
    return value;
  }

  private static List<String> strings(JsonNode request, String field) {
    JsonNode list = request == null ? null : request.get(field);
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw badRequest("INVALID_REQUEST", field + " must be a list.");
    }
    List<String> values = new ArrayList<>();
    list.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static String instant(JsonNode request, String field) {
    String value = text(request, field);
    try {
      return Instant.parse(value).toString();
    } catch (RuntimeException e) {
      throw badRequest("INVALID_REQUEST", field + " must be an ISO-8601 instant (2026-11-22T09:14:03Z).");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private String now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private ObjectNode event(JsonNode record) {
    return objectMapper.createObjectNode().put("id", record.path("id").asText())
        .put("title", record.path("title").asText()).put("status", record.path("status").asText());
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  private static SimulatorProblem badRequest(String code, String detail) {
    return new SimulatorProblem(HttpStatus.BAD_REQUEST, "urn:gxpflow:qms:" + code.toLowerCase().replace('_', '-'),
        "Invalid request", code, detail);
  }

  private static SimulatorProblem unknown(String kind, String id) {
    String code = kind.toUpperCase() + "_UNKNOWN";
    return new SimulatorProblem(HttpStatus.NOT_FOUND, "urn:gxpflow:qms:" + kind + "-unknown",
        Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " unknown", code,
        "The QMS has no " + kind + " " + id + ".");
  }
}
