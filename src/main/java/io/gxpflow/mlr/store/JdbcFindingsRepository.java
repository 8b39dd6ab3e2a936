package io.gxpflow.mlr.store;

import io.gxpflow.compliance.EngineContext;
import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.mlr.precheck.Finding;
import io.gxpflow.mlr.precheck.FindingsRepository;
import io.gxpflow.mlr.precheck.PrecheckResult;
import io.gxpflow.mlr.precheck.PrecheckRuleId;
import io.gxpflow.mlr.precheck.Severity;
import io.gxpflow.mlr.precheck.TextSpan;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link FindingsRepository} in {@code gxp_mlr_precheck_run} and {@code gxp_mlr_precheck_finding}:
 * every run is kept (insert-only), audited as {@code MLR_PRECHECK_COMPLETED} with its score and
 * counts in the same transaction.
 */
@Component
public class JdbcFindingsRepository implements FindingsRepository {

  private final JdbcTemplate jdbc;
  private final AuditTrail auditTrail;
  private final TransactionTemplate transaction;

  public JdbcFindingsRepository(
      JdbcTemplate jdbc, AuditTrail auditTrail, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.auditTrail = auditTrail;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  @Override
  public void record(String itemId, int version, int round, PrecheckResult result) {
    Objects.requireNonNull(result, "result");
    transaction.executeWithoutResult(
        status -> {
          Instant now = StoreTime.now();
          KeyHolder key = new GeneratedKeyHolder();
          jdbc.update(
              connection -> {
                PreparedStatement insert =
                    connection.prepareStatement(
                        "INSERT INTO gxp_mlr_precheck_run (item_id, version_no, review_round,"
                            + " checked_at, score, blocked) VALUES (?, ?, ?, ?, ?, ?)",
                        new String[] {"run_id"});
                insert.setString(1, itemId);
                insert.setInt(2, version);
                insert.setInt(3, round);
                insert.setObject(4, StoreTime.column(now));
                insert.setInt(5, result.score());
                insert.setBoolean(6, result.blocked());
                return insert;
              },
              key);
          long runId = Objects.requireNonNull(key.getKey()).longValue();
          for (int i = 0; i < result.findings().size(); i++) {
            Finding finding = result.findings().get(i);
            int ordinal = i;
            jdbc.update(
                "INSERT INTO gxp_mlr_precheck_finding (run_id, ordinal, rule_id, severity,"
                    + " module_id, span_start, span_end, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                  ps.setLong(1, runId);
                  ps.setInt(2, ordinal);
                  ps.setString(3, finding.rule().id());
                  ps.setString(4, finding.severity().name());
                  ps.setString(5, finding.moduleId());
                  if (finding.span() == null) {
                    ps.setNull(6, Types.INTEGER);
                    ps.setNull(7, Types.INTEGER);
                  } else {
                    ps.setInt(6, finding.span().start());
                    ps.setInt(7, finding.span().end());
                  }
                  ps.setString(8, finding.message());
                });
          }
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("itemId", itemId);
          details.put("version", version);
          details.put("round", round);
          details.put("score", result.score());
          details.put("blocked", result.blocked());
          details.put("findings", result.findings().size());
          details.put(
              "blockingFindings", result.findings().stream().filter(Finding::isBlocking).count());
          details.put(
              "rules",
              result.findings().stream().map(f -> f.rule().id()).distinct().sorted().toList());
          auditTrail.record(
              AuditEvent.builder(AuditEventTypes.MLR_PRECHECK_COMPLETED, EngineContext.actor())
                  .businessKey(itemId)
                  .processDefinitionKey(JdbcContentRepository.PROCESS)
                  .details(details)
                  .build());
        });
  }

  @Override
  public List<PrecheckRun> runs(String itemId) {
    Map<Long, List<Finding>> findings = new HashMap<>();
    jdbc.query(
        "SELECT f.run_id, f.rule_id, f.severity, f.module_id, f.span_start, f.span_end, f.message"
            + " FROM gxp_mlr_precheck_finding f JOIN gxp_mlr_precheck_run r ON r.run_id = f.run_id"
            + " WHERE r.item_id = ? ORDER BY f.run_id, f.ordinal",
        rs -> {
          String moduleId = rs.getString("module_id");
          int start = rs.getInt("span_start");
          boolean noSpan = rs.wasNull();
          int end = rs.getInt("span_end");
          findings
              .computeIfAbsent(rs.getLong("run_id"), r -> new ArrayList<>())
              .add(
                  new Finding(
                      PrecheckRuleId.ofId(rs.getString("rule_id")),
                      Severity.valueOf(rs.getString("severity")),
                      moduleId,
                      noSpan ? null : new TextSpan(start, end),
                      rs.getString("message")));
        },
        itemId);
    return jdbc.query(
        "SELECT run_id, item_id, version_no, review_round, checked_at, score FROM"
            + " gxp_mlr_precheck_run WHERE item_id = ? ORDER BY run_id",
        (rs, n) ->
            new PrecheckRun(
                rs.getString("item_id"),
                rs.getInt("version_no"),
                rs.getInt("review_round"),
                StoreTime.instant(rs, "checked_at"),
                new PrecheckResult(
                    findings.getOrDefault(rs.getLong("run_id"), List.of()), rs.getInt("score"))),
        itemId);
  }
}
