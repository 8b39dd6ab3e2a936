package io.gxpflow.mlr.review;

import static io.gxpflow.mlr.review.MlrVariables.*;

import io.gxpflow.compliance.EngineContext;
import io.gxpflow.mlr.content.ClaimsRepository;
import io.gxpflow.mlr.content.ContentRepository;
import io.gxpflow.mlr.content.StoredVersion;
import io.gxpflow.mlr.diff.VersionDiff;
import io.gxpflow.mlr.precheck.Finding;
import io.gxpflow.mlr.precheck.FindingsRepository;
import io.gxpflow.mlr.precheck.Precheck;
import io.gxpflow.mlr.precheck.PrecheckResult;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${mlrPrecheck}}: the automated pre-check of the version under review with the parameters
 * as deployed, stored and audited (the findings stay reportable, whatever happens to the process
 * history); then what changed since the base version, so the routing and reviewers know how much
 * there is to review and how much was reused.
 */
@Component("mlrPrecheck")
public class PrecheckStep implements JavaDelegate {

  private final ContentRepository content;
  private final ClaimsRepository claims;
  private final FindingsRepository findings;
  private final DeployedPrecheckParameters parameters = new DeployedPrecheckParameters();

  public PrecheckStep(
      ContentRepository content, ClaimsRepository claims, FindingsRepository findings) {
    this.content = content;
    this.claims = claims;
    this.findings = findings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String itemId = CONTENT_ID.from(execution);
    int version = CONTENT_VERSION.from(execution);
    StoredVersion stored =
        content
            .find(itemId, version)
            .orElseThrow(() -> new IllegalStateException(itemId + " v" + version + " not stored"));
    LocalDate today = EngineContext.now().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    PrecheckResult result =
        new Precheck(
                parameters.current(execution.getProcessEngineServices().getRepositoryService()))
            .run(stored.content(), claims.library(), claims.products(), today);
    findings.record(itemId, version, REVIEW_ROUND.from(execution), result);

    CONTENT_HASH.set(execution, stored.contentHash());
    PRECHECK_SCORE.set(execution, result.score());
    PRECHECK_BLOCKED.set(execution, result.blocked());
    FINDING_COUNT.set(execution, result.findings().size());
    BLOCKING_FINDINGS.set(
        execution, (int) result.findings().stream().filter(Finding::isBlocking).count());
    FINDINGS_SUMMARY.set(execution, summary(result));

    VersionDiff diff = WhatChanged.of(content, stored.content()).diff();
    MODULES_TO_REVIEW.set(execution, diff.toReview());
    MODULE_COUNT.set(execution, diff.reuse().modules());
    REUSED_UNCHANGED.set(execution, diff.reuse().reusedUnchanged());
  }

  /** One line per finding for the forms: "BLOCKING · efficacy · the reference expired …". */
  static String summary(PrecheckResult result) {
    if (result.findings().isEmpty()) {
      return "No findings.";
    }
    return result.findings().stream()
        .map(
            f ->
                "- **"
                    + f.severity()
                    + "** · "
                    + (f.moduleId() == null ? "whole item" : "module " + f.moduleId())
                    + " · "
                    + f.message())
        .collect(Collectors.joining("\n"));
  }
}
