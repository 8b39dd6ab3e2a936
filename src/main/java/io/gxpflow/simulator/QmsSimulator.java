package io.gxpflow.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
  static final String OPEN = "OPEN";

  /** A deviation as the QMS keeps and answers it; {@code closureSummary} once closed. */
  public record Deviation(
      String id,
      String title,
      String description,
      String site,
      String product,
      List<String> batchNumbers,
      String category,
      String occurredAt,
      String status,
      String classification,
      String createdAt,
      String closedAt,
      @JsonInclude(JsonInclude.Include.NON_NULL) String closureSummary) {

    Deviation classified(String newClassification, String newStatus) {
      return new Deviation(
          id,
          title,
          description,
          site,
          product,
          batchNumbers,
          category,
          occurredAt,
          newStatus == null ? status : newStatus,
          newClassification == null ? classification : newClassification,
          createdAt,
          closedAt,
          closureSummary);
    }

    Deviation closed(String summary, String at) {
      return new Deviation(
          id,
          title,
          description,
          site,
          product,
          batchNumbers,
          category,
          occurredAt,
          CLOSED,
          classification,
          createdAt,
          at,
          summary);
    }
  }

  /** A CAPA as the QMS keeps and answers it; {@code effectivenessCheck} once closed. */
  public record Capa(
      String id,
      String deviationId,
      String title,
      String description,
      String owner,
      String status,
      List<Action> actions,
      String createdAt,
      String closedAt,
      @JsonInclude(JsonInclude.Include.NON_NULL) String effectivenessCheck) {

    Capa withActions(List<Action> newActions) {
      return new Capa(
          id,
          deviationId,
          title,
          description,
          owner,
          status,
          newActions,
          createdAt,
          closedAt,
          effectivenessCheck);
    }

    Capa closed(String check, String at) {
      return new Capa(
          id, deviationId, title, description, owner, CLOSED, actions, createdAt, at, check);
    }
  }

  public record Action(String description, String owner, String dueDate, String status) {}

  /** A deviation or change control as a batch's quality events list it. */
  public record QualityEvent(String id, String title, String status) {}

  public record QualityEvents(
      String batchNumber, List<QualityEvent> deviations, List<QualityEvent> changeControls) {}

  public record OosResult(String test, String result, String specification) {}

  public record QcResults(String batchNumber, boolean testsComplete, List<OosResult> oosResults) {}

  /**
   * The QMS's own view of a batch: QC status, OOS results, change controls, the deviations linked
   * to it.
   */
  record Batch(
      String batchNumber,
      boolean testsComplete,
      List<OosResult> oosResults,
      List<QualityEvent> changeControls,
      List<String> deviationIds) {

    Batch {
      oosResults = oosResults == null ? List.of() : List.copyOf(oosResults);
      changeControls = changeControls == null ? List.of() : List.copyOf(changeControls);
      deviationIds = deviationIds == null ? List.of() : List.copyOf(deviationIds);
    }

    Batch withDeviation(String deviationId) {
      List<String> ids = new ArrayList<>(deviationIds);
      ids.add(deviationId);
      return new Batch(batchNumber, testsComplete, oosResults, changeControls, ids);
    }
  }

  /** The last id handed out per kind and year. */
  record Counter(int last) {}

  private final SimulatorStore store;
  private final ObjectMapper objectMapper;
  private final TransactionTemplate transaction;
  private final IdempotentWrites writes;
  private final Clock clock;

  public QmsSimulator(
      SimulatorStore store,
      ObjectMapper objectMapper,
      PlatformTransactionManager transactionManager,
      IdempotentWrites writes,
      Clock clock) {
    this.store = store;
    this.objectMapper = objectMapper;
    this.transaction = new TransactionTemplate(transactionManager);
    this.writes = writes;
    this.clock = clock;
  }

  // ---- reads

  public Deviation deviation(String id) {
    return store
        .find(SYSTEM, DEVIATION, id, Deviation.class)
        .orElseThrow(() -> unknown("deviation", id));
  }

  public Capa capa(String id) {
    return store.find(SYSTEM, CAPA, id, Capa.class).orElseThrow(() -> unknown("capa", id));
  }

  /** The open deviations and change controls of a batch, with their current title and status. */
  public QualityEvents batchQualityEvents(String batchNumber) {
    Batch batch = batch(batchNumber);
    List<QualityEvent> deviations =
        batch.deviationIds().stream()
            .flatMap(id -> store.find(SYSTEM, DEVIATION, id, Deviation.class).stream())
            .filter(d -> !CLOSED.equals(d.status()))
            .map(d -> new QualityEvent(d.id(), d.title(), d.status()))
            .toList();
    List<QualityEvent> changeControls =
        batch.changeControls().stream().filter(c -> !CLOSED.equals(c.status())).toList();
    return new QualityEvents(batchNumber, deviations, changeControls);
  }

  public QcResults qcResults(String batchNumber) {
    Batch batch = batch(batchNumber);
    return new QcResults(batchNumber, batch.testsComplete(), batch.oosResults());
  }

  private Batch batch(String batchNumber) {
    return store
        .find(SYSTEM, BATCH, batchNumber, Batch.class)
        .orElseThrow(() -> unknown("batch", batchNumber));
  }

  // ---- writes: each once per Idempotency-Key, the first answer stored with the change in one
  // transaction

  public Answer createDeviation(String idempotencyKey, JsonNode request) {
    return writes.once(
        SYSTEM,
        QmsOperations.CREATE_DEVIATION,
        "",
        idempotencyKey,
        () -> {
          // a deviation may affect no batch at all (an environmental or documentation event)
          List<String> batchNumbers = strings(request, "batchNumbers");
          String occurredAt = instant(request, "occurredAt");
          require(request, "title", "site", "category");
          String id = nextId("DEV");
          Deviation deviation =
              new Deviation(
                  id,
                  text(request, "title"),
                  text(request, "description"),
                  text(request, "site"),
                  text(request, "product"),
                  batchNumbers,
                  text(request, "category"),
                  occurredAt,
                  OPEN,
                  null,
                  now(),
                  null,
                  null);
          store.put(SYSTEM, DEVIATION, id, deviation);
          batchNumbers.forEach(batch -> linkToBatch(batch, id));
          return answer(HttpStatus.CREATED, deviation);
        });
  }

  public Answer updateDeviation(String id, String idempotencyKey, JsonNode request) {
    return writes.once(
        SYSTEM,
        QmsOperations.UPDATE_DEVIATION,
        id,
        idempotencyKey,
        () -> {
          String classification =
              optional(request, "classification", CLASSIFICATIONS, "INVALID_CLASSIFICATION");
          String status = optional(request, "status", SETTABLE_STATUSES, "INVALID_STATUS");
          if (classification == null && status == null) {
            throw badRequest("INVALID_REQUEST", "Give classification, status or both.");
          }
          Deviation deviation = openDeviation(id).classified(classification, status);
          store.put(SYSTEM, DEVIATION, id, deviation);
          return answer(HttpStatus.OK, deviation);
        });
  }

  public Answer closeDeviation(String id, String idempotencyKey, JsonNode request) {
    return writes.once(
        SYSTEM,
        QmsOperations.CLOSE_DEVIATION,
        id,
        idempotencyKey,
        () -> {
          Deviation deviation = openDeviation(id).closed(text(request, "closureSummary"), now());
          store.put(SYSTEM, DEVIATION, id, deviation);
          return answer(HttpStatus.OK, deviation);
        });
  }

  public Answer createCapa(String deviationId, String idempotencyKey, JsonNode request) {
    return writes.once(
        SYSTEM,
        QmsOperations.CREATE_CAPA,
        deviationId,
        idempotencyKey,
        () -> {
          require(request, "title");
          openDeviation(deviationId);
          String id = nextId("CAPA");
          Capa capa =
              new Capa(
                  id,
                  deviationId,
                  text(request, "title"),
                  text(request, "description"),
                  text(request, "owner"),
                  OPEN,
                  List.of(),
                  now(),
                  null,
                  null);
          store.put(SYSTEM, CAPA, id, capa);
          return answer(HttpStatus.CREATED, capa);
        });
  }

  public Answer updateCapa(String id, String idempotencyKey, JsonNode request) {
    return writes.once(
        SYSTEM,
        QmsOperations.UPDATE_CAPA,
        id,
        idempotencyKey,
        () -> {
          List<Action> actions = actions(request);
          Capa capa = openCapa(id).withActions(actions);
          store.put(SYSTEM, CAPA, id, capa);
          return answer(HttpStatus.OK, capa);
        });
  }

  public Answer closeCapa(String id, String idempotencyKey, JsonNode request) {
    return writes.once(
        SYSTEM,
        QmsOperations.CLOSE_CAPA,
        id,
        idempotencyKey,
        () -> {
          Capa capa = openCapa(id).closed(text(request, "effectivenessCheck"), now());
          store.put(SYSTEM, CAPA, id, capa);
          return answer(HttpStatus.OK, capa);
        });
  }

  // ---- seeding (QmsDemoData)

  /**
   * A batch as the QMS knows it: QC status, OOS results, change controls; deviations are linked on
   * creation.
   */
  public boolean seedBatch(
      String batchNumber,
      boolean testsComplete,
      List<OosResult> oosResults,
      List<QualityEvent> changeControls) {
    return store.putIfAbsent(
        SYSTEM,
        BATCH,
        batchNumber,
        new Batch(batchNumber, testsComplete, oosResults, changeControls, List.of()));
  }

  /**
   * Seeds a deviation under a fixed id and moves that year's counter past it, so new ids never
   * collide.
   */
  public void seedDeviation(String id, String title, String batchNumber, String classification) {
    transaction.executeWithoutResult(
        tx -> {
          Deviation deviation =
              new Deviation(
                  id,
                  title,
                  title,
                  MesDemoBatches.SITE,
                  MesDemoBatches.PRODUCT_CODE,
                  List.of(batchNumber),
                  "PROCESS",
                  "2026-11-02T08:30:00Z",
                  OPEN,
                  classification,
                  "2026-11-02T09:00:00Z",
                  null,
                  null);
          if (store.putIfAbsent(SYSTEM, DEVIATION, id, deviation)) {
            linkToBatch(batchNumber, id);
          }
        });
  }

  public OosResult oos(String test, String result, String specification) {
    return new OosResult(test, result, specification);
  }

  public QualityEvent changeControl(String id, String title, String status) {
    return new QualityEvent(id, title, status);
  }

  // ---- internals

  /**
   * The next id of that kind this year, e.g. DEV-2026-0008; the counter row is locked until the
   * commit.
   */
  private String nextId(String prefix) {
    int year = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear();
    String counterKey = prefix + "-" + year;
    store.putIfAbsent(SYSTEM, SEQUENCE, counterKey, new Counter(0));
    Counter counter =
        store.findForUpdate(SYSTEM, SEQUENCE, counterKey, Counter.class).orElseThrow();
    String kind = "DEV".equals(prefix) ? DEVIATION : CAPA;
    int next = counter.last() + 1;
    // skip ids taken by seeding
    while (store.find(SYSTEM, kind, String.format("%s-%04d", counterKey, next)).isPresent()) {
      next++;
    }
    store.put(SYSTEM, SEQUENCE, counterKey, new Counter(next));
    return String.format("%s-%04d", counterKey, next);
  }

  /** A deviation makes its batches known to the QMS (a batch without QC results yet). */
  private void linkToBatch(String batchNumber, String deviationId) {
    seedBatch(batchNumber, false, List.of(), List.of());
    Batch batch = store.findForUpdate(SYSTEM, BATCH, batchNumber, Batch.class).orElseThrow();
    store.put(SYSTEM, BATCH, batchNumber, batch.withDeviation(deviationId));
  }

  private Deviation openDeviation(String id) {
    Deviation deviation =
        store
            .findForUpdate(SYSTEM, DEVIATION, id, Deviation.class)
            .orElseThrow(() -> unknown("deviation", id));
    if (CLOSED.equals(deviation.status())) {
      throw new SimulatorProblem(
          HttpStatus.CONFLICT,
          "urn:gxpflow:qms:deviation-already-closed",
          "Deviation already closed",
          "DEVIATION_ALREADY_CLOSED",
          "Deviation " + id + " is closed.");
    }
    return deviation;
  }

  private Capa openCapa(String id) {
    Capa capa =
        store.findForUpdate(SYSTEM, CAPA, id, Capa.class).orElseThrow(() -> unknown("capa", id));
    if (CLOSED.equals(capa.status())) {
      throw new SimulatorProblem(
          HttpStatus.CONFLICT,
          "urn:gxpflow:qms:capa-already-closed",
          "CAPA already closed",
          "CAPA_ALREADY_CLOSED",
          "CAPA " + id + " is closed.");
    }
    return capa;
  }

  private List<Action> actions(JsonNode request) {
    JsonNode actions = request == null ? null : request.get("actions");
    if (actions == null || !actions.isArray()) {
      throw badRequest("INVALID_REQUEST", "actions must be a list.");
    }
    List<Action> clean = new ArrayList<>();
    for (JsonNode action : actions) {
      require(action, "description");
      String status = action.path("status").asText("OPEN");
      if (!ACTION_STATUSES.contains(status)) {
        throw badRequest(
            "INVALID_STATUS", "action status must be one of " + sorted(ACTION_STATUSES) + ".");
      }
      String dueDate = text(action, "dueDate");
      if (dueDate != null) {
        try {
          LocalDate.parse(dueDate);
        } catch (DateTimeParseException e) {
          throw badRequest(
              "INVALID_REQUEST",
              "dueDate must be an ISO date (2026-12-31), not '" + dueDate + "'.");
        }
      }
      clean.add(new Action(text(action, "description"), text(action, "owner"), dueDate, status));
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
      throw badRequest(
          code, field + " must be one of " + sorted(allowed) + ", not '" + value + "'.");
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
      throw badRequest(
          "INVALID_REQUEST", field + " must be an ISO-8601 instant (2026-11-22T09:14:03Z).");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private String now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private Answer answer(HttpStatus status, Object body) {
    return new Answer(status.value(), objectMapper.valueToTree(body));
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  private static SimulatorProblem badRequest(String code, String detail) {
    return new SimulatorProblem(
        HttpStatus.BAD_REQUEST,
        "urn:gxpflow:qms:" + code.toLowerCase().replace('_', '-'),
        "Invalid request",
        code,
        detail);
  }

  private static SimulatorProblem unknown(String kind, String id) {
    String code = kind.toUpperCase() + "_UNKNOWN";
    return new SimulatorProblem(
        HttpStatus.NOT_FOUND,
        "urn:gxpflow:qms:" + kind + "-unknown",
        Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " unknown",
        code,
        "The QMS has no " + kind + " " + id + ".");
  }
}
