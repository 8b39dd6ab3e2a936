package io.gxpflow.security;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;

/**
 * The bad-input corpus: malformed and malicious requests, as an attacker or a broken client sends
 * them, to the endpoints users and bridges reach. Each must be refused with a 4xx problem detail
 * and change nothing. Paths may hold {@code {task}} (a task paul and ivan may work on) and {@code
 * {instance}} (its process instance).
 *
 * <p>Left out on purpose, as other points of issue 10 decide them: unknown start variables,
 * claiming for someone else, rights before validation, job execution, profiles and wrong passwords
 * (which would lock accounts).
 */
final class BadInputCorpus {

  /**
   * One request; {@code body} null sends none, {@code contentType} null sends application/json with
   * a body.
   */
  record BadRequest(
      String name, String user, HttpMethod method, String path, String contentType, String body) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final String DEVIATIONS = "/api/events/deviations";
  static final String BATCHES = "/api/events/mes/batch-record-completed";
  static final String DEEP_JSON = "[".repeat(5000) + "]".repeat(5000);

  private final List<BadRequest> requests = new ArrayList<>();

  static List<BadRequest> all() {
    BadInputCorpus corpus = new BadInputCorpus();
    corpus.deviationEvents();
    corpus.batchEvents();
    corpus.signaturesAuditKpiAndRequests();
    corpus.variablesOnEngineRest();
    corpus.malformedEngineRestBodies();
    corpus.deployments();
    corpus.queries();
    corpus.notificationSettings();
    corpus.mlrContent();
    return corpus.requests;
  }

  private void add(
      String name, String user, HttpMethod method, String path, String contentType, String body) {
    requests.add(new BadRequest(name, user, method, path, contentType, body));
  }

  private void post(String name, String user, String path, String body) {
    add(name, user, HttpMethod.POST, path, null, body);
  }

  private void get(String name, String user, String path) {
    add(name, user, HttpMethod.GET, path, null, null);
  }

  private void deviationEvents() {
    for (String field :
        List.of("eventId", "source", "title", "description", "occurredAt", "site", "category")) {
      post(
          "deviation event without " + field,
          "mes-bridge",
          DEVIATIONS,
          BadInputIT.event(field, null));
    }
    for (String field : List.of("eventId", "source", "title", "description", "site", "category")) {
      post(
          "deviation event with blank " + field,
          "mes-bridge",
          DEVIATIONS,
          BadInputIT.event(field, "  "));
    }
    Map<String, Object> wrong = new LinkedHashMap<>();
    wrong.put("source ERP", List.of("source", "ERP"));
    wrong.put("source lower case", List.of("source", "mes"));
    wrong.put("category weather", List.of("category", "weather"));
    wrong.put("category upper case", List.of("category", "PROCESS"));
    wrong.put("title true", List.of("title", true));
    wrong.put("title number", List.of("title", 42));
    wrong.put("title object", List.of("title", Map.of("a", 1)));
    wrong.put("title array", List.of("title", List.of("a")));
    wrong.put("eventId number", List.of("eventId", 42));
    wrong.put("eventId boolean", List.of("eventId", true));
    wrong.put("eventId float", List.of("eventId", 1.5));
    wrong.put("site false", List.of("site", false));
    wrong.put("description list", List.of("description", List.of("a")));
    wrong.put("occurredAt epoch number", List.of("occurredAt", 1732200000));
    wrong.put("batchNumbers a string", List.of("batchNumbers", "B-1"));
    wrong.put("batchNumbers numbers", List.of("batchNumbers", List.of(1, 2)));
    wrong.put("batchNumbers an object", List.of("batchNumbers", Map.of("a", 1)));
    wrong.put("batchNumbers blank item", List.of("batchNumbers", List.of(" ")));
    wrong.put("category list", List.of("category", List.of("process")));
    wrong.put("eventId of 129 characters", List.of("eventId", "e".repeat(129)));
    wrong.put("title of 201 characters", List.of("title", "t".repeat(201)));
    wrong.put("description of 4001 characters", List.of("description", "d".repeat(4001)));
    wrong.put("description of 1 MB", List.of("description", "d".repeat(1024 * 1024)));
    wrong.put("site of 65 characters", List.of("site", "s".repeat(65)));
    wrong.put("productCode of 65 characters", List.of("productCode", "p".repeat(65)));
    wrong.put(
        "containmentActions of 4001 characters", List.of("containmentActions", "c".repeat(4001)));
    wrong.put("101 batch numbers", List.of("batchNumbers", Collections.nCopies(101, "B-1")));
    wrong.put("batch number of 65 characters", List.of("batchNumbers", List.of("B".repeat(65))));
    wrong.put("occurredAt year +99999", List.of("occurredAt", "+99999-11-21T22:10:00Z"));
    wrong.put("occurredAt yesterday", List.of("occurredAt", "yesterday"));
    wrong.put("occurredAt month 13", List.of("occurredAt", "2026-13-01T00:00:00Z"));
    wrong.put("occurredAt without offset", List.of("occurredAt", "2026-11-21T22:10:00"));
    wrong.put("occurredAt in 1899", List.of("occurredAt", "1899-12-31T00:00:00Z"));
    wrong.put("occurredAt in 2100", List.of("occurredAt", "2100-01-01T00:00:00Z"));
    wrong.put("discoveredAt year +99999", List.of("discoveredAt", "+99999-01-01T00:00:00Z"));
    wrong.put("discoveredAt soon", List.of("discoveredAt", "soon"));
    wrong.forEach(
        (name, change) -> {
          List<?> fieldAndValue = (List<?>) change;
          post(
              "deviation event with " + name,
              "mes-bridge",
              DEVIATIONS,
              BadInputIT.event((String) fieldAndValue.get(0), fieldAndValue.get(1)));
        });
    for (String body :
        List.of(
            "",
            "{",
            "[]",
            "\"text\"",
            "null",
            "{\"eventId\": }",
            DEEP_JSON,
            "{\"eventId\": \"\\uD800\"")) {
      post("deviation event body " + abbreviate(body), "mes-bridge", DEVIATIONS, body);
    }
    for (String type :
        List.of(
            "text/plain",
            "application/xml",
            "application/*",
            "*/*",
            "application/x-www-form-urlencoded")) {
      add(
          "deviation event as " + type,
          "mes-bridge",
          HttpMethod.POST,
          DEVIATIONS,
          type,
          BadInputIT.event("eventId", "ct-" + type));
    }
    add("deviation event by GET", "mes-bridge", HttpMethod.GET, DEVIATIONS, null, null);
  }

  private void batchEvents() {
    String valid =
        "\"eventId\": \"b-%s\", \"batchNumber\": \"B-2026-0042\", \"completedAt\": \"2026-11-22T08:15:00Z\"";
    for (String[] broken :
        new String[][] {
          {"no eventId", "{\"batchNumber\": \"B-1\", \"completedAt\": \"2026-11-22T08:15:00Z\"}"},
          {"no batchNumber", "{\"eventId\": \"b-1\", \"completedAt\": \"2026-11-22T08:15:00Z\"}"},
          {"no completedAt", "{\"eventId\": \"b-1\", \"batchNumber\": \"B-1\"}"},
          {"eventId of 129 characters", "{" + valid.replace("b-%s", "e".repeat(129)) + "}"},
          {
            "batchNumber of 65 characters", "{" + valid.replace("B-2026-0042", "B".repeat(65)) + "}"
          },
          {"numeric batchNumber", "{" + valid.replace("\"B-2026-0042\"", "7") + "}"},
          {
            "completedAt year +99999",
            "{" + valid.replace("2026-11-22T08:15:00Z", "+99999-11-22T08:15:00Z") + "}"
          },
          {"completedAt tomorrow", "{" + valid.replace("2026-11-22T08:15:00Z", "tomorrow") + "}"},
          {"numeric completedAt", "{" + valid.replace("\"2026-11-22T08:15:00Z\"", "17") + "}"},
          {"site true", "{" + valid + ", \"site\": true}"},
          {"productCode list", "{" + valid + ", \"productCode\": []}"},
          {"intendedMarkets not a list", "{" + valid + ", \"intendedMarkets\": \"CH\"}"},
          {"intendedMarkets an object", "{" + valid + ", \"intendedMarkets\": {\"CH\": 1}}"},
          {"intendedMarkets lower case", "{" + valid + ", \"intendedMarkets\": [\"ch\"]}"},
          {"intendedMarkets 3-letter code", "{" + valid + ", \"intendedMarkets\": [\"CHE\"]}"},
          {"intendedMarkets number", "{" + valid + ", \"intendedMarkets\": [41]}"},
          {"intendedMarkets blank code", "{" + valid + ", \"intendedMarkets\": [\" \"]}"},
          {"intendedMarkets null code", "{" + valid + ", \"intendedMarkets\": [null]}"},
          {"31 intendedMarkets", "{" + valid + ", \"intendedMarkets\": " + markets(31) + "}"},
          {"array body", "[]"},
          {"broken body", "{"}
        }) {
      post(
          "batch event " + broken[0],
          "mes-bridge",
          BATCHES,
          broken[1].replace("%s", broken[0].replace(' ', '-')));
    }
  }

  /** So many distinct codes of the right shape (AA, AB, ...): only their number is wrong. */
  private static String markets(int count) {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      codes.add("\"" + (char) ('A' + i / 26) + (char) ('A' + i % 26) + "\"");
    }
    return codes.toString();
  }

  private void signaturesAuditKpiAndRequests() {
    String nowhere = "/api/tasks/00000000-0000-0000-0000-000000000000/signature";
    String sign = "{\"password\": \"quinn\", \"meaning\": \"Approved\", \"variables\": {}}";
    post("signature of a task that does not exist", "quinn", nowhere, sign);
    get("signature step of a task that does not exist", "quinn", nowhere);
    post(
        "signature of a task that is no signature step",
        "paul",
        "/api/tasks/{task}/signature",
        "{\"password\": \"paul\", \"meaning\": \"Approved\", \"variables\": {}}");
    for (String body :
        List.of("{", "[]", "\"x\"", "{\"variables\": 5}", "{\"variables\": [1]}", DEEP_JSON)) {
      post("signature body " + abbreviate(body), "quinn", nowhere, body);
    }
    add("signature as text/plain", "quinn", HttpMethod.POST, nowhere, "text/plain", sign);
    add("signature as application/*", "quinn", HttpMethod.POST, nowhere, "application/*", sign);

    get("audit without business key or instance", "quinn", "/api/audit");
    get("audit with empty business key", "quinn", "/api/audit?businessKey=");
    get("audit with blank instance", "quinn", "/api/audit?processInstanceId=");
    add("audit by POST", "quinn", HttpMethod.POST, "/api/audit", null, "{}");
    add("audit by DELETE", "quinn", HttpMethod.DELETE, "/api/audit?businessKey=X", null, null);
    add("audit verify by POST", "quinn", HttpMethod.POST, "/api/audit/verify", null, "{}");
    add("kpi by POST", "quinn", HttpMethod.POST, "/api/kpi/deviations", null, "{}");
    add("kpi by DELETE", "quinn", HttpMethod.DELETE, "/api/kpi/deviations", null, null);
    add("batch kpi by POST", "petra", HttpMethod.POST, "/api/kpi/batches", null, "{}");
    add("batch kpi by DELETE", "petra", HttpMethod.DELETE, "/api/kpi/batches", null, null);
    add("a GxP record by POST", "quinn", HttpMethod.POST, "/api/records/DEV-2026-0001", null, "{}");
    get("a GxP record of a key too long", "quinn", "/api/records/" + "K".repeat(300));
    get("a GxP record of an encoded path", "quinn", "/api/records/..%2F..%2Fapi%2Faudit");
    add(
        "a record page by POST",
        "quinn",
        HttpMethod.POST,
        "/api/records/DEV-2026-0001.html",
        null,
        "{}");
    add("a record PDF by DELETE", "quinn", HttpMethod.DELETE, "/api/records/X.pdf", null, null);
    get("a record page of a key too long", "quinn", "/api/records/" + "K".repeat(300) + ".html");
    get("a record PDF of a key too long", "quinn", "/api/records/" + "K".repeat(300) + ".pdf");
    get("a record page of an encoded path", "quinn", "/api/records/..%2Faudit.html");
    add("mlr kpi by POST", "carl", HttpMethod.POST, "/api/kpi/mlr", null, "{}");
    add("mlr kpi by DELETE", "carl", HttpMethod.DELETE, "/api/kpi/mlr", null, null);
    get("mlr kpi from no date", "carl", "/api/kpi/mlr?from=yesterday");
    get("mlr kpi from a day that does not exist", "carl", "/api/kpi/mlr?from=2026-11-31");
    get("mlr kpi to a date-time", "carl", "/api/kpi/mlr?to=2026-11-30T00:00:00Z");
    get("mlr kpi to before from", "carl", "/api/kpi/mlr?from=2026-11-30&to=2026-11-01");
    get("mlr kpi from twice", "carl", "/api/kpi/mlr?from=2026-11-01&from=2026-11-02");
    get("mlr kpi from in year 10000", "carl", "/api/kpi/mlr?from=10000-01-01");
    add(
        "signatures by DELETE",
        "quinn",
        HttpMethod.DELETE,
        "/api/signatures?businessKey=X",
        null,
        null);

    String extension = "/api/deviations/DEV-NOWHERE/extension-requests";
    String cancellation = "/api/deviations/DEV-NOWHERE/cancellation-requests";
    post("extension without reason", "ivan", extension, "{\"requestedDueDate\": \"2030-01-01\"}");
    post(
        "extension with blank reason",
        "ivan",
        extension,
        "{\"requestedDueDate\": \"2030-01-01\", \"reason\": \" \"}");
    post(
        "extension in year +99999",
        "ivan",
        extension,
        "{\"requestedDueDate\": \"+99999-01-01\", \"reason\": \"r\"}");
    post(
        "extension to no date",
        "ivan",
        extension,
        "{\"requestedDueDate\": \"next week\", \"reason\": \"r\"}");
    post(
        "extension of a deviation that does not exist",
        "ivan",
        extension,
        "{\"requestedDueDate\": \"2030-01-01\", \"reason\": \"more time\"}");
    post("extension body broken", "ivan", extension, "{");
    post("extension body array", "ivan", extension, "[]");
    post(
        "cancellation of type evil",
        "paul",
        cancellation,
        "{\"type\": \"evil\", \"reason\": \"r\"}");
    post("cancellation without type", "paul", cancellation, "{\"reason\": \"r\"}");
    post("cancellation without reason", "paul", cancellation, "{\"type\": \"duplicate\"}");
    post(
        "cancellation of a deviation that does not exist",
        "paul",
        cancellation,
        "{\"type\": \"duplicate\", \"reason\": \"twice\"}");
    post("cancellation body broken", "paul", cancellation, "{");
  }

  /** The values the engine must never store, on every path that sets variables. */
  private void variablesOnEngineRest() {
    String javaSerialized =
        Base64.getEncoder()
            .encodeToString(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 0x74, 0, 1, 0x78});
    Map<String, String> values = new LinkedHashMap<>();
    values.put(
        "a Java-serialized Object",
        object(javaSerialized, "java.lang.String", "application/x-java-serialized-object"));
    values.put(
        "an Object of type ProcessBuilder",
        object("{}", "java.lang.ProcessBuilder", "application/json"));
    values.put("an Object of type Runtime", object("{}", "java.lang.Runtime", "application/json"));
    values.put(
        "a list of ProcessBuilders",
        object("[{}]", "java.util.ArrayList<java.lang.ProcessBuilder>", "application/json"));
    values.put(
        "an Object of a Spring context",
        object(
            "{}",
            "org.springframework.context.support.ClassPathXmlApplicationContext",
            "application/json"));
    values.put(
        "an Object of type ScriptEngineManager",
        object("{}", "javax.script.ScriptEngineManager", "application/json"));
    values.put("an Object as XML", object("<a/>", "java.util.ArrayList", "application/xml"));
    values.put("an Object as text", object("x", "java.util.ArrayList", "text/plain"));
    values.put(
        "an Object without type name",
        "{\"type\": \"Object\", \"value\": \"[]\", \"valueInfo\": "
            + "{\"serializationDataFormat\": \"application/json\"}}");
    values.put("a File named ../../etc/passwd", file("../../etc/passwd"));
    values.put("a File named ..\\\\..\\\\win.ini", file("..\\\\..\\\\windows\\\\win.ini"));
    values.put("a File named /etc/shadow", file("/etc/shadow"));
    values.put("an Integer abc", "{\"type\": \"Integer\", \"value\": \"abc\"}");
    values.put("a Long beyond 64 bits", "{\"type\": \"Long\", \"value\": 99999999999999999999}");
    values.put("a value of an unknown type", "{\"type\": \"Nonsense\", \"value\": \"x\"}");
    values.put("a Double abc", "{\"type\": \"Double\", \"value\": \"abc\"}");

    values.forEach(
        (name, value) -> {
          String variables = "{\"variables\": {\"payload\": " + value + "}}";
          String modifications = "{\"modifications\": {\"payload\": " + value + "}}";
          post(
              "task complete with " + name, "paul", "/engine-rest/task/{task}/complete", variables);
          post(
              "task submit-form with " + name,
              "paul",
              "/engine-rest/task/{task}/submit-form",
              variables);
          add(
              "task variable put with " + name,
              "paul",
              HttpMethod.PUT,
              "/engine-rest/task/{task}/variables/payload",
              null,
              value);
          post(
              "task local variables with " + name,
              "paul",
              "/engine-rest/task/{task}/localVariables",
              modifications);
          add(
              "instance variable put with " + name,
              "admin",
              HttpMethod.PUT,
              "/engine-rest/process-instance/{instance}/variables/payload",
              null,
              value);
          post(
              "instance variables with " + name,
              "admin",
              "/engine-rest/process-instance/{instance}/variables",
              modifications);
          post(
              "process start with " + name,
              "admin",
              "/engine-rest/process-definition/key/security-race/start",
              variables);
          post(
              "message with " + name,
              "admin",
              "/engine-rest/message",
              "{\"messageName\": \"DeviationReported\", "
                  + "\"processVariables\": {\"payload\": "
                  + value
                  + "}}");
        });
  }

  private void malformedEngineRestBodies() {
    Map<String, String> endpoints = new LinkedHashMap<>();
    endpoints.put("task complete", "/engine-rest/task/{task}/complete");
    endpoints.put("task claim", "/engine-rest/task/{task}/claim");
    endpoints.put("task submit-form", "/engine-rest/task/{task}/submit-form");
    endpoints.put("process start", "/engine-rest/process-definition/key/security-race/start");
    endpoints.put("message", "/engine-rest/message");
    endpoints.forEach(
        (name, path) -> {
          String user = path.contains("{task}") ? "paul" : "admin";
          String wrongShape =
              path.endsWith("/claim") ? "{\"userId\": [\"paul\"]}" : "{\"variables\": 5}";
          for (String body : List.of("{", "[]", "\"x\"", wrongShape, DEEP_JSON)) {
            post(name + " body " + abbreviate(body), user, path, body);
          }
          for (String type : List.of("text/plain", "application/*", "application/xml")) {
            add(name + " as " + type, user, HttpMethod.POST, path, type, "{}");
          }
        });
    post(
        "complete a task that does not exist",
        "paul",
        "/engine-rest/task/00000000-0000-0000-0000-000000000000" + "/complete",
        "{}");
    post(
        "claim a task that does not exist",
        "paul",
        "/engine-rest/task/00000000-0000-0000-0000-000000000000" + "/claim",
        "{\"userId\": \"paul\"}");
    post("message without name", "admin", "/engine-rest/message", "{}");
    post(
        "message nobody waits for",
        "admin",
        "/engine-rest/message",
        "{\"messageName\": \"NoSuchMessage\"}");
    post(
        "start of a process that does not exist",
        "admin",
        "/engine-rest/process-definition/key/no-such-process" + "/start",
        "{}");
  }

  private void deployments() {
    for (String diagram :
        List.of("xxe.bpmn", "billion-laughs.bpmn", "not-xml.bpmn", "empty.bpmn")) {
      add(
          "deployment of " + diagram,
          "olivia",
          HttpMethod.POST,
          "/engine-rest/deployment/create",
          "multipart",
          diagram);
    }
    add(
        "deployment without resources",
        "olivia",
        HttpMethod.POST,
        "/engine-rest/deployment/create",
        "multipart",
        null);
    post(
        "deployment as JSON",
        "olivia",
        "/engine-rest/deployment/create",
        "{\"deployment-name\": \"x\"}");
  }

  /** A user's own notification switch (docs/notifications.md): a boolean, nothing else. */
  private void notificationSettings() {
    String settings = "/api/notifications/settings";
    for (String body :
        List.of(
            "{}",
            "{\"enabled\": null}",
            "{\"enabled\": \"maybe\"}",
            "{\"enabled\": {\"value\": false}}",
            "[false]",
            "{",
            DEEP_JSON)) {
      add(
          "notification settings " + abbreviate(body),
          "ivan",
          HttpMethod.PUT,
          settings,
          null,
          body);
    }
    add(
        "notification settings as text/plain",
        "ivan",
        HttpMethod.PUT,
        settings,
        "text/plain",
        "{\"enabled\": false}");
    add("notification settings by POST", "ivan", HttpMethod.POST, settings, null, "{}");
    add("notifications by DELETE", "ivan", HttpMethod.DELETE, "/api/notifications", null, null);
  }

  /**
   * mlr-review's API: submissions (content-authors), the claims library (mlr-coordinators), items.
   * None of them may store a version, a claim or start a review.
   */
  private void mlrContent() {
    String submissions = "/api/mlr/submissions";
    String module =
        "{\"id\": \"efficacy\", \"text\": \"Treatment usually lasts 5 days.\","
            + " \"claims\": [{\"claimId\": \"CLM-AMX-04\", \"words\":"
            + " \"Treatment usually lasts 5 days.\"}]}";
    Map<String, String> submissionBodies = new LinkedHashMap<>();
    submissionBodies.put("broken", "{");
    submissionBodies.put("an array", "[]");
    submissionBodies.put("deep", DEEP_JSON);
    submissionBodies.put("empty", "{}");
    submissionBodies.put("without title", submission("\"title\": null", module));
    submissionBodies.put("markets a string", submission("\"markets\": \"CH\"", module));
    submissionBodies.put("market of 3 letters", submission("\"markets\": [\"CHE\"]", module));
    submissionBodies.put("channel fax", submission("\"channel\": \"fax\"", module));
    submissionBodies.put("audience lower case", submission("\"audience\": \"hcp\"", module));
    submissionBodies.put(
        "item id of another shape", submission("\"itemId\": \"DEV-2026-0001\"", module));
    submissionBodies.put(
        "item id that does not exist", submission("\"itemId\": \"MLR-1999-0999\"", module));
    submissionBodies.put("no modules", submission("\"modules\": []", null));
    submissionBodies.put("modules an object", submission("\"modules\": {\"id\": \"a\"}", null));
    submissionBodies.put(
        "module id with a slash", submission(null, module.replace("efficacy", "a/b")));
    submissionBodies.put(
        "module type FOOTER",
        submission(null, module.replace("{\"id\"", "{\"type\": \"FOOTER\", \"id\"")));
    submissionBodies.put("module id twice", submission(null, module + ", " + module));
    submissionBodies.put(
        "claim words not in the text",
        submission(
            null,
            module.replace("\"Treatment usually lasts 5 days.\"}", "\"Cures everything.\"}")));
    submissionBodies.put("claim id blank", submission(null, module.replace("CLM-AMX-04", " ")));
    submissionBodies.put(
        "unknown pre-approved module",
        submission(
            null, module.replace("{\"id\"", "{\"preApprovedModuleId\": \"PM-NOWHERE\", \"id\"")));
    submissionBodies.put(
        "module text of 20001 characters",
        submission(null, "{\"id\": \"a\", \"text\": \"" + "t".repeat(20001) + "\"}"));
    submissionBodies.put(
        "101 modules",
        submission(
            "\"modules\": " + Collections.nCopies(101, "{\"id\": \"a\", \"text\": \"t\"}"), null));
    submissionBodies.forEach(
        (name, body) -> post("mlr submission " + name, "alice", submissions, body));
    add(
        "mlr submission as text/plain",
        "alice",
        HttpMethod.POST,
        submissions,
        "text/plain",
        submission(null, module));
    add("mlr submissions by GET", "alice", HttpMethod.GET, submissions, null, null);
    add("mlr submissions by DELETE", "alice", HttpMethod.DELETE, submissions, null, null);

    String claims = "/api/mlr/claims";
    String reference = "{\"source\": \"Data on file\", \"expiresOn\": \"2030-12-31\"}";
    Map<String, String> claimBodies = new LinkedHashMap<>();
    claimBodies.put("broken", "{");
    claimBodies.put("an array", "[]");
    claimBodies.put("without references", claim("CLM-BAD-1", "Amoxicillin", "[]", "[\"CH\"]"));
    claimBodies.put(
        "without markets", claim("CLM-BAD-2", "Amoxicillin", "[" + reference + "]", "[]"));
    claimBodies.put(
        "id with a space", claim("CLM BAD", "Amoxicillin", "[" + reference + "]", "[\"CH\"]"));
    claimBodies.put(
        "unknown product", claim("CLM-BAD-3", "Aspirin", "[" + reference + "]", "[\"CH\"]"));
    claimBodies.put(
        "reference on 30 February",
        claim(
            "CLM-BAD-4",
            "Amoxicillin",
            "[" + reference.replace("2030-12-31", "2030-02-30") + "]",
            "[\"CH\"]"));
    claimBodies.put(
        "reference date in words",
        claim(
            "CLM-BAD-5",
            "Amoxicillin",
            "[" + reference.replace("2030-12-31", "next year") + "]",
            "[\"CH\"]"));
    claimBodies.put("id in use", claim("CLM-001", "Cardiozen", "[" + reference + "]", "[\"CH\"]"));
    claimBodies.forEach((name, body) -> post("mlr claim " + name, "carl", claims, body));
    add("mlr claims by DELETE", "carl", HttpMethod.DELETE, claims, null, null);
    post("mlr claim withdrawal without reason", "carl", claims + "/CLM-001/withdrawal", "{}");
    post(
        "mlr claim withdrawal with blank reason",
        "carl",
        claims + "/CLM-001/withdrawal",
        "{\"reason\": \" \"}");
    post("mlr claim withdrawal body broken", "carl", claims + "/CLM-001/withdrawal", "{");
    post(
        "mlr claim withdrawal of no claim",
        "carl",
        claims + "/CLM-NOWHERE/withdrawal",
        "{\"reason\": \"r\"}");
    get("mlr claim that does not exist", "alice", claims + "/CLM-NOWHERE");

    get("mlr item that does not exist", "quinn", "/api/mlr/items/MLR-1999-0001");
    get("mlr version that is no number", "quinn", "/api/mlr/items/MLR-2026-0001/versions/one");
    get("mlr version that does not exist", "quinn", "/api/mlr/items/MLR-2026-0001/versions/99");
    get("mlr findings of no item", "quinn", "/api/mlr/items/MLR-1999-0001/findings");
    add(
        "mlr item by DELETE",
        "quinn",
        HttpMethod.DELETE,
        "/api/mlr/items/MLR-2026-0001",
        null,
        null);
  }

  /** A valid submission with one field replaced (or added) and the modules given. */
  private static String submission(String field, String modules) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", "\"title\": \"CAP dosing\"");
    fields.put("product", "\"product\": \"Amoxicillin\"");
    fields.put("markets", "\"markets\": [\"CH\"]");
    fields.put("channel", "\"channel\": \"email\"");
    fields.put("audience", "\"audience\": \"HCP\"");
    fields.put("modules", "\"modules\": [" + modules + "]");
    if (field != null) {
      fields.put(field.substring(1, field.indexOf('"', 1)), field);
    }
    return "{" + String.join(", ", fields.values()) + "}";
  }

  private static String claim(String id, String product, String references, String markets) {
    return "{\"id\": \""
        + id
        + "\", \"product\": \""
        + product
        + "\", \"approvedText\": \"An approved claim.\", \"references\": "
        + references
        + ", \"markets\": "
        + markets
        + "}";
  }

  private void queries() {
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("/engine-rest/history/process-instance", "startTime");
    queries.put("/engine-rest/history/task", "startTime");
    queries.put("/engine-rest/history/activity-instance", "startTime");
    queries.put("/engine-rest/history/variable-instance", "variableName");
    queries.put("/engine-rest/task", "created");
    queries.put("/engine-rest/process-instance", "instanceId");
    queries.forEach(
        (path, sortField) -> {
          get(path + " firstResult abc", "olivia", path + "?firstResult=abc");
          get(path + " maxResults abc", "olivia", path + "?maxResults=abc");
          get(path + " sortBy unknown", "olivia", path + "?sortBy=evil&sortOrder=asc");
          get(
              path + " sortOrder sideways",
              "olivia",
              path + "?sortBy=" + sortField + "&sortOrder=sideways");
          get(path + " sortBy without sortOrder", "olivia", path + "?sortBy=" + sortField);
          post(path + " POST query with broken body", "olivia", path, "{");
        });
    get(
        "history process instances started after no date",
        "olivia",
        "/engine-rest/history/process-instance?startedAfter=notadate");
    get(
        "history process instances finished in month 13",
        "olivia",
        "/engine-rest/history/process-instance?finishedBefore=2026-13-45T00:00:00.000%2B0000");
    get(
        "history process instances with broken variable filter",
        "olivia",
        "/engine-rest/history/process-instance?variables=a_zz_b");
    get("tasks due after no date", "olivia", "/engine-rest/task?dueAfter=notadate");
    get(
        "process instances with broken variable filter",
        "olivia",
        "/engine-rest/process-instance?variables=a_zz_b");
    post(
        "task query with unknown operator",
        "olivia",
        "/engine-rest/task",
        "{\"processVariables\": [{\"name\": " + "\"a\", \"operator\": \"evil\", \"value\": 1}]}");
    post("task query with sorting a number", "olivia", "/engine-rest/task", "{\"sorting\": 5}");
  }

  private static String object(String value, String typeName, String format) {
    return "{\"type\": \"Object\", \"value\": \""
        + value.replace("\"", "\\\"")
        + "\", \"valueInfo\": "
        + "{\"objectTypeName\": \""
        + typeName
        + "\", \"serializationDataFormat\": \""
        + format
        + "\"}}";
  }

  private static String file(String name) {
    return "{\"type\": \"File\", \"value\": \"cm9vdA==\", \"valueInfo\": {\"filename\": \""
        + name
        + "\", \"mimetype\": \"text/plain\"}}";
  }

  private static String abbreviate(String body) {
    return body.length() > 24
        ? body.substring(0, 12) + "…(" + body.length() + " chars)"
        : "'" + body + "'";
  }
}
