package io.gxpflow.batchrelease;

import io.gxpflow.integration.mes.MesPort.BatchException;
import io.gxpflow.integration.mes.MesPort.BatchRecordSummary;
import io.gxpflow.integration.qms.QmsPort.BatchQualityEvents;
import io.gxpflow.integration.qms.QmsPort.OosResult;
import io.gxpflow.integration.qms.QmsPort.QcResults;
import io.gxpflow.integration.qms.QmsPort.QualityEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Judges the answers of the MES and the QMS as release checks, each {@code {check, status, details,
 * findings: [{code, description, severity}]}} as the forms, the API and the audit trail show it
 * (SAP Batch Release Hub's Compliant / Not compliant / Error). ERROR is for an answer that cannot
 * be judged (an exception without a severity, a deviation without an id, a business rejection such
 * as "batch unknown"); a failing call never reaches the judge, it is retried and becomes an
 * incident. Maps and lists are plain {@code LinkedHashMap}/{@code ArrayList}: stored as JSON, they
 * must be types Jackson can build again.
 */
public final class ReleaseCheckJudge {

  public static final String MES_BATCH_RECORD = "MES_BATCH_RECORD";
  public static final String QC_RESULTS = "QC_RESULTS";
  public static final String QMS_QUALITY_EVENTS = "QMS_QUALITY_EVENTS";

  /** The order of {@code releaseChecks}, whichever branch finished first. */
  public static final List<String> ORDER =
      List.of(MES_BATCH_RECORD, QC_RESULTS, QMS_QUALITY_EVENTS);

  public static final String COMPLIANT = "COMPLIANT";
  public static final String NOT_COMPLIANT = "NOT_COMPLIANT";
  public static final String ERROR = "ERROR";

  /** Finding severities, lowest first; NONE when a check has no finding. */
  public static final List<String> SEVERITIES = List.of("NONE", "MINOR", "MAJOR", "CRITICAL");

  /** The ids of the open deviations a QMS check found (key of its result). */
  public static final String OPEN_DEVIATIONS = "openDeviations";

  /** An open deviation blocks the release: major; an open change control is for QA to look at. */
  static final String OPEN_DEVIATION_SEVERITY = "MAJOR";

  static final String OPEN_CHANGE_CONTROL_SEVERITY = "MINOR";
  static final String OOS_SEVERITY = "MAJOR";

  private ReleaseCheckJudge() {}

  /**
   * MES batch record: NOT_COMPLIANT while incomplete; each exception a finding with its own
   * severity.
   */
  public static Map<String, Object> batchRecord(BatchRecordSummary record) {
    List<Map<String, Object>> findings = new ArrayList<>();
    List<String> unjudged = new ArrayList<>();
    for (BatchException exception : record.exceptions()) {
      if (exception.severity() == null) {
        unjudged.add(Objects.toString(exception.code(), "(no code)"));
      }
      findings.add(
          finding(
              exception.code(),
              exception.description(),
              exception.severity() == null ? null : exception.severity().name()));
    }
    String counted = findings.isEmpty() ? "no exceptions" : findings.size() + " exception(s)";
    if (!unjudged.isEmpty()) {
      return result(
          MES_BATCH_RECORD,
          ERROR,
          "Exception(s) without a known severity: " + String.join(", ", unjudged),
          findings);
    }
    if (!record.complete()) {
      return result(
          MES_BATCH_RECORD,
          NOT_COMPLIANT,
          "The electronic batch record is not complete; " + counted,
          findings);
    }
    return result(MES_BATCH_RECORD, COMPLIANT, "Batch record complete, " + counted, findings);
  }

  /** QC: NOT_COMPLIANT while tests are incomplete or any result is out of specification. */
  public static Map<String, Object> qcResults(QcResults qc) {
    List<Map<String, Object>> findings = new ArrayList<>();
    for (OosResult oos : qc.oosResults()) {
      findings.add(
          finding(
              "OOS",
              oos.test() + ": " + oos.result() + " (specification " + oos.specification() + ")",
              OOS_SEVERITY));
    }
    List<String> problems = new ArrayList<>();
    if (!qc.testsComplete()) {
      problems.add("QC testing is not complete");
    }
    if (!findings.isEmpty()) {
      problems.add(findings.size() + " out-of-specification result(s)");
    }
    return problems.isEmpty()
        ? result(QC_RESULTS, COMPLIANT, "All release tests approved, no OOS result", findings)
        : result(QC_RESULTS, NOT_COMPLIANT, String.join("; ", problems), findings);
  }

  /**
   * QMS: every open deviation of the batch makes it NOT_COMPLIANT (their ids under {@link
   * #OPEN_DEVIATIONS}, for the hold); an open change control is a minor finding.
   */
  public static Map<String, Object> qualityEvents(BatchQualityEvents events) {
    List<Map<String, Object>> findings = new ArrayList<>();
    List<String> openDeviations = new ArrayList<>();
    boolean unjudged = false;
    for (QualityEvent deviation : events.deviations()) {
      if (isClosed(deviation)) {
        continue;
      }
      if (deviation.id() == null || deviation.id().isBlank()) {
        unjudged = true;
      } else {
        openDeviations.add(deviation.id());
      }
      findings.add(
          finding(deviation.id(), describe("Open deviation", deviation), OPEN_DEVIATION_SEVERITY));
    }
    int changeControls = 0;
    for (QualityEvent change : events.changeControls()) {
      if (!isClosed(change)) {
        changeControls++;
        findings.add(
            finding(
                change.id(),
                describe("Open change control", change),
                OPEN_CHANGE_CONTROL_SEVERITY));
      }
    }
    Map<String, Object> result;
    if (unjudged) {
      result =
          result(QMS_QUALITY_EVENTS, ERROR, "The QMS named an open deviation without id", findings);
    } else if (!openDeviations.isEmpty()) {
      result =
          result(
              QMS_QUALITY_EVENTS,
              NOT_COMPLIANT,
              "Open deviation(s): "
                  + String.join(", ", openDeviations)
                  + "; open change control(s): "
                  + changeControls,
              findings);
    } else {
      result =
          result(
              QMS_QUALITY_EVENTS,
              COMPLIANT,
              "No open deviation; open change control(s): " + changeControls,
              findings);
    }
    result.put(OPEN_DEVIATIONS, openDeviations);
    return result;
  }

  /** A business rejection ("batch unknown"): an answer, but not one a release can be judged on. */
  public static Map<String, Object> rejected(String check, String reason) {
    return result(check, ERROR, reason, new ArrayList<>());
  }

  /** What the review-depth table and the forms need of the checks. */
  public record Summary(
      int notCompliant, int errors, String highestSeverity, boolean allCompliant, String text) {}

  public static Summary summarize(List<Map<String, Object>> checks) {
    int notCompliant = 0;
    int errors = 0;
    int highest = 0;
    StringBuilder text = new StringBuilder();
    for (Map<String, Object> check : checks) {
      String status = String.valueOf(check.get("status"));
      if (NOT_COMPLIANT.equals(status)) {
        notCompliant++;
      } else if (ERROR.equals(status)) {
        errors++;
      }
      text.append("- **")
          .append(label(String.valueOf(check.get("check"))))
          .append(": ")
          .append(statusLabel(status))
          .append("** — ")
          .append(check.get("details"))
          .append('\n');
      for (Map<String, Object> finding : findings(check)) {
        String severity = (String) finding.get("severity");
        highest = Math.max(highest, severity == null ? 0 : SEVERITIES.indexOf(severity));
        text.append("  - ")
            .append(severity == null ? "unknown severity" : severity)
            .append(' ')
            .append(finding.get("code"))
            .append(": ")
            .append(finding.get("description"))
            .append('\n');
      }
    }
    return new Summary(
        notCompliant,
        errors,
        SEVERITIES.get(Math.max(highest, 0)),
        notCompliant == 0 && errors == 0,
        text.toString().stripTrailing());
  }

  /** The open deviation ids in a QMS result; none for another check. */
  @SuppressWarnings("unchecked")
  public static List<String> openDeviations(Map<String, Object> check) {
    Object ids = check == null ? null : check.get(OPEN_DEVIATIONS);
    return ids instanceof List<?> list ? (List<String>) list : List.of();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> findings(Map<String, Object> check) {
    Object findings = check.get("findings");
    return findings instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
  }

  static String label(String check) {
    return switch (check) {
      case MES_BATCH_RECORD -> "MES batch record";
      case QC_RESULTS -> "QC results";
      case QMS_QUALITY_EVENTS -> "QMS deviations and change controls";
      default -> check;
    };
  }

  static String statusLabel(String status) {
    return switch (status) {
      case COMPLIANT -> "Compliant";
      case NOT_COMPLIANT -> "Not compliant";
      case ERROR -> "Error";
      default -> status;
    };
  }

  private static boolean isClosed(QualityEvent event) {
    return "CLOSED".equalsIgnoreCase(event.status());
  }

  private static String describe(String what, QualityEvent event) {
    return what
        + (event.title() == null ? "" : ": " + event.title())
        + (event.status() == null ? "" : " (" + event.status() + ")");
  }

  private static Map<String, Object> finding(String code, String description, String severity) {
    Map<String, Object> finding = new LinkedHashMap<>();
    finding.put("code", code);
    finding.put("description", description);
    finding.put("severity", severity);
    return finding;
  }

  private static Map<String, Object> result(
      String check, String status, String details, List<Map<String, Object>> findings) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("check", check);
    result.put("status", status);
    result.put("details", details);
    result.put("findings", findings);
    return result;
  }
}
