package io.gxpflow.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

  @Test
  void quotesOnlyWhatRfc4180Requires() {
    assertThat(AuditCsv.field(null)).isEmpty();
    assertThat(AuditCsv.field("plain")).isEqualTo("plain");
    assertThat(AuditCsv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(AuditCsv.field("say \"yes\"")).isEqualTo("\"say \"\"yes\"\"\"");
    assertThat(AuditCsv.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
    assertThat(AuditCsv.field("line\nfeed")).isEqualTo("\"line\nfeed\"");
  }

  @Test
  void writesAHeaderRowAndOneCrlfTerminatedRowPerEvent() {
    StoredAuditEvent event =
        AuditChain.append(
            1,
            Instant.parse("2026-11-22T09:15:00Z"),
            AuditEvent.builder("TASK_COMPLETED", "quinn")
                .businessKey("BK, 1")
                .detail("note", "ok")
                .build(),
            AuditChain.GENESIS_HASH);

    assertThat(AuditCsv.write(List.of(event)))
        .isEqualTo(
            AuditCsv.HEADER
                + "\r\n"
                + "1,2026-11-22T09:15:00.000Z,TASK_COMPLETED,quinn,\"BK, 1\",,,,\"{\"\"note\"\":\"\"ok\"\"}\","
                + AuditChain.GENESIS_HASH
                + ","
                + event.hash()
                + "\r\n");
  }

  @Test
  void csvOnlyWhenTheClientAsksForItAheadOfJson() {
    assertThat(AuditController.prefersCsv("text/csv")).isTrue();
    assertThat(AuditController.prefersCsv("text/csv, application/json")).isTrue();
    assertThat(AuditController.prefersCsv("application/json;q=0.5, text/csv")).isTrue();
    assertThat(AuditController.prefersCsv("application/json, text/csv")).isFalse();
    assertThat(AuditController.prefersCsv("*/*")).isFalse();
    assertThat(AuditController.prefersCsv(null)).isFalse();
    assertThat(AuditController.prefersCsv("text/plain, application/json, application/*+json, */*"))
        .isFalse();
  }
}
