package io.gxpflow.batchrelease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gxpflow.integration.mes.MesPort.BatchException;
import io.gxpflow.integration.mes.MesPort.BatchRecordSummary;
import io.gxpflow.integration.mes.MesPort.Product;
import io.gxpflow.integration.mes.MesPort.Severity;
import io.gxpflow.integration.qms.QmsPort.BatchQualityEvents;
import io.gxpflow.integration.qms.QmsPort.OosResult;
import io.gxpflow.integration.qms.QmsPort.QcResults;
import io.gxpflow.integration.qms.QmsPort.QualityEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the MES and QMS answers become release checks, and what their summary says. */
class ReleaseCheckJudgeTest {

  static final String BATCH = "B-2026-0042";
  static final Product PRODUCT = new Product("P-100", "Paracetamol 500 mg tablets");

  @Test
  void aCompleteBatchRecordWithoutExceptionsIsCompliant() {
    Map<String, Object> check =
        ReleaseCheckJudge.batchRecord(
            new BatchRecordSummary(BATCH, true, PRODUCT, "Basel", "COMPLETED", List.of()));
    assertThat(check)
        .containsEntry("check", "MES_BATCH_RECORD")
        .containsEntry("status", "COMPLIANT")
        .containsEntry("findings", List.of());
  }

  @Test
  void exceptionsAreFindingsWithTheirSeverityAndAnIncompleteRecordIsNotCompliant() {
    Map<String, Object> check =
        ReleaseCheckJudge.batchRecord(
            new BatchRecordSummary(
                BATCH,
                false,
                PRODUCT,
                "Basel",
                "IN_PROGRESS",
                List.of(new BatchException("ALM-7", "Alarm acknowledged late", Severity.MAJOR))));
    assertThat(check).containsEntry("status", "NOT_COMPLIANT");
    assertThat(ReleaseCheckJudge.findings(check))
        .containsExactly(
            Map.of("code", "ALM-7", "description", "Alarm acknowledged late", "severity", "MAJOR"));
  }

  @Test
  void anExceptionWithoutSeverityCannotBeJudged() {
    Map<String, Object> check =
        ReleaseCheckJudge.batchRecord(
            new BatchRecordSummary(
                BATCH,
                true,
                PRODUCT,
                "Basel",
                "COMPLETED",
                List.of(new BatchException("X-1", "Unclassified", null))));
    assertThat(check).containsEntry("status", "ERROR");
    assertThat((String) check.get("details")).contains("X-1");
  }

  @Test
  void qcIsNotCompliantWhileTestsAreIncompleteOrAnyResultIsOutOfSpecification() {
    assertThat(ReleaseCheckJudge.qcResults(new QcResults(BATCH, true, List.of())))
        .containsEntry("status", "COMPLIANT");
    assertThat(ReleaseCheckJudge.qcResults(new QcResults(BATCH, false, List.of())))
        .containsEntry("status", "NOT_COMPLIANT")
        .containsEntry("details", "QC testing is not complete");
    Map<String, Object> oos =
        ReleaseCheckJudge.qcResults(
            new QcResults(BATCH, true, List.of(new OosResult("Assay", "91.2 %", "95.0–105.0 %"))));
    assertThat(oos).containsEntry("status", "NOT_COMPLIANT");
    assertThat(ReleaseCheckJudge.findings(oos))
        .singleElement()
        .satisfies(
            finding ->
                assertThat(finding)
                    .containsEntry("code", "OOS")
                    .containsEntry("severity", "MAJOR")
                    .containsEntry("description", "Assay: 91.2 % (specification 95.0–105.0 %)"));
  }

  @Test
  void openDeviationsAreNotCompliantAndNamedWhileOpenChangeControlsAreMinorFindings() {
    Map<String, Object> check =
        ReleaseCheckJudge.qualityEvents(
            new BatchQualityEvents(
                BATCH,
                List.of(
                    new QualityEvent("DEV-2026-0001", "Temperature excursion", "OPEN"),
                    new QualityEvent("DEV-2026-0002", "Old one", "CLOSED")),
                List.of(new QualityEvent("CC-2026-0004", "New capsule supplier", "OPEN"))));
    assertThat(check).containsEntry("status", "NOT_COMPLIANT");
    assertThat(ReleaseCheckJudge.openDeviations(check)).containsExactly("DEV-2026-0001");
    assertThat(ReleaseCheckJudge.findings(check))
        .extracting(f -> f.get("code"), f -> f.get("severity"))
        .containsExactly(tuple("DEV-2026-0001", "MAJOR"), tuple("CC-2026-0004", "MINOR"));

    Map<String, Object> changeOnly =
        ReleaseCheckJudge.qualityEvents(
            new BatchQualityEvents(
                BATCH, List.of(), List.of(new QualityEvent("CC-1", "Label change", "OPEN"))));
    assertThat(changeOnly).containsEntry("status", "COMPLIANT");
    assertThat(ReleaseCheckJudge.openDeviations(changeOnly)).isEmpty();
  }

  @Test
  void aDeviationWithoutIdCannotBeJudged() {
    assertThat(
            ReleaseCheckJudge.qualityEvents(
                new BatchQualityEvents(
                    BATCH, List.of(new QualityEvent(null, "Something", "OPEN")), List.of())))
        .containsEntry("status", "ERROR");
  }

  @Test
  void theSummaryCountsStatusesAndNamesTheHighestSeverity() {
    List<Map<String, Object>> checks =
        List.of(
            ReleaseCheckJudge.batchRecord(
                new BatchRecordSummary(
                    BATCH,
                    true,
                    PRODUCT,
                    "Basel",
                    "COMPLETED",
                    List.of(new BatchException("DEV-TEMP", "Short excursion", Severity.MINOR)))),
            ReleaseCheckJudge.rejected("QC_RESULTS", "QMS qc-results rejected: BATCH_UNKNOWN"),
            ReleaseCheckJudge.qualityEvents(
                new BatchQualityEvents(
                    BATCH, List.of(new QualityEvent("DEV-9", "Spill", "OPEN")), List.of())));

    ReleaseCheckJudge.Summary summary = ReleaseCheckJudge.summarize(checks);

    assertThat(summary.notCompliant()).isEqualTo(1);
    assertThat(summary.errors()).isEqualTo(1);
    assertThat(summary.highestSeverity()).isEqualTo("MAJOR");
    assertThat(summary.allCompliant()).isFalse();
    assertThat(summary.text())
        .contains("**MES batch record: Compliant**")
        .contains("**QC results: Error** — QMS qc-results rejected: BATCH_UNKNOWN")
        .contains("**QMS deviations and change controls: Not compliant**")
        .contains("  - MINOR DEV-TEMP: Short excursion");
  }

  @Test
  void everyCheckCompliantWithoutFindingsSummarisesAsNone() {
    ReleaseCheckJudge.Summary summary =
        ReleaseCheckJudge.summarize(
            List.of(
                ReleaseCheckJudge.qcResults(new QcResults(BATCH, true, List.of())),
                ReleaseCheckJudge.qualityEvents(
                    new BatchQualityEvents(BATCH, List.of(), List.of()))));
    assertThat(summary.highestSeverity()).isEqualTo("NONE");
    assertThat(summary.allCompliant()).isTrue();
  }
}
