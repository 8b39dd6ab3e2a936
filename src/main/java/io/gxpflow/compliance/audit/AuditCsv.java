package io.gxpflow.compliance.audit;

import java.util.List;

/**
 * Audit events as CSV (RFC 4180): a header row, CRLF line ends, a field in double quotes when it
 * holds a comma, quote, CR or LF, quotes inside doubled. Empty field for null; details as their
 * canonical JSON, so an export can be hashed again with {@link AuditChain}.
 */
final class AuditCsv {

  static final String HEADER =
      "seq,occurredAt,type,actor,businessKey,processInstanceId,processDefinitionKey,taskId,"
          + "details,previousHash,hash";

  private static final String CRLF = "\r\n";

  private AuditCsv() {}

  static String write(List<StoredAuditEvent> events) {
    StringBuilder csv = new StringBuilder(HEADER).append(CRLF);
    for (StoredAuditEvent e : events) {
      csv.append(e.seq())
          .append(',')
          .append(AuditChain.formatTimestamp(e.occurredAt()))
          .append(',')
          .append(field(e.type()))
          .append(',')
          .append(field(e.actor()))
          .append(',')
          .append(field(e.businessKey()))
          .append(',')
          .append(field(e.processInstanceId()))
          .append(',')
          .append(field(e.processDefinitionKey()))
          .append(',')
          .append(field(e.taskId()))
          .append(',')
          .append(field(AuditChain.detailsJson(e.details())))
          .append(',')
          .append(field(e.previousHash()))
          .append(',')
          .append(field(e.hash()))
          .append(CRLF);
    }
    return csv.toString();
  }

  static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\r') < 0
        && value.indexOf('\n') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
