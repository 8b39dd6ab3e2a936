package io.gxpflow.mlr.api;

import io.gxpflow.mlr.content.ClaimUse;
import io.gxpflow.mlr.content.ContentMarkup;
import io.gxpflow.mlr.content.ContentModule;
import io.gxpflow.mlr.content.ContentVersion;
import io.gxpflow.mlr.content.StoredVersion;
import io.gxpflow.mlr.precheck.Finding;
import io.gxpflow.mlr.precheck.FindingsRepository;
import io.gxpflow.mlr.precheck.FindingsRepository.PrecheckRun;
import io.gxpflow.mlr.store.JdbcContentRepository;
import io.gxpflow.mlr.store.JdbcContentRepository.StatusDetails;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A content item as the store keeps it: its versions with their status, hash, approval code and
 * expiry; one version with its modules, claims and markup; every pre-check run with its findings.
 */
@RestController
@RequestMapping("/api/mlr/items/{itemId}")
public class ItemsController {

  public record VersionSummary(
      int version,
      String title,
      String status,
      String statusReason,
      Instant statusChangedAt,
      String submittedBy,
      Instant submittedAt,
      String contentHash,
      String approvalCode,
      LocalDate expiresOn,
      Instant approvedAt) {}

  public record Item(String itemId, List<VersionSummary> versions) {}

  public record ClaimView(String claimId, String words) {}

  public record ModuleView(
      String id,
      String type,
      String text,
      List<ClaimView> claims,
      String preApprovedModuleId,
      String preApprovedText) {}

  public record VersionView(
      String itemId,
      int version,
      String title,
      String product,
      List<String> markets,
      String channel,
      String audience,
      String status,
      String statusReason,
      String submittedBy,
      Instant submittedAt,
      String contentHash,
      String approvalCode,
      LocalDate expiresOn,
      List<ModuleView> modules,
      String markup) {}

  public record FindingView(
      String rule, String severity, String moduleId, Integer start, Integer end, String message) {}

  public record RunView(
      int version,
      int round,
      Instant checkedAt,
      int score,
      boolean blocked,
      List<FindingView> findings) {}

  public record Findings(String itemId, List<RunView> runs) {}

  private final JdbcContentRepository content;
  private final FindingsRepository findings;

  public ItemsController(JdbcContentRepository content, FindingsRepository findings) {
    this.content = content;
    this.findings = findings;
  }

  @GetMapping
  public Item item(@PathVariable String itemId) {
    List<StoredVersion> versions = existing(itemId);
    Map<Integer, StatusDetails> details = content.statusDetails(itemId);
    return new Item(
        itemId,
        versions.stream()
            .map(
                v -> {
                  StatusDetails status = details.get(v.content().version());
                  return new VersionSummary(
                      v.content().version(),
                      v.content().title(),
                      v.status().name(),
                      status == null ? null : status.statusReason(),
                      status == null ? null : status.statusChangedAt(),
                      v.submittedBy(),
                      v.submittedAt(),
                      v.contentHash(),
                      v.approvalCode(),
                      v.expiresOn(),
                      status == null ? null : status.approvedAt());
                })
            .toList());
  }

  @GetMapping("/versions/{version}")
  public VersionView version(@PathVariable String itemId, @PathVariable String version) {
    int number;
    try {
      number = Integer.parseInt(version);
    } catch (NumberFormatException e) {
      throw MlrProblems.notFound("There is no version " + version + " of " + itemId);
    }
    StoredVersion stored =
        content
            .find(itemId, number)
            .orElseThrow(
                () -> MlrProblems.notFound("There is no version " + version + " of " + itemId));
    StatusDetails status = content.statusDetails(itemId).get(number);
    ContentVersion v = stored.content();
    return new VersionView(
        v.itemId(),
        v.version(),
        v.title(),
        v.product(),
        new TreeSet<>(v.markets()).stream().toList(),
        v.channel().code(),
        v.audience().name(),
        stored.status().name(),
        status == null ? null : status.statusReason(),
        stored.submittedBy(),
        stored.submittedAt(),
        stored.contentHash(),
        stored.approvalCode(),
        stored.expiresOn(),
        v.modules().stream().map(ItemsController::module).toList(),
        ContentMarkup.render(v));
  }

  @GetMapping("/findings")
  public Findings findings(@PathVariable String itemId) {
    existing(itemId);
    return new Findings(itemId, findings.runs(itemId).stream().map(ItemsController::run).toList());
  }

  private List<StoredVersion> existing(String itemId) {
    List<StoredVersion> versions = content.versions(itemId);
    if (versions.isEmpty()) {
      throw MlrProblems.notFound("There is no content item " + itemId);
    }
    return versions;
  }

  private static ModuleView module(ContentModule module) {
    return new ModuleView(
        module.id(),
        module.type().name(),
        module.text(),
        module.claims().stream().map(ItemsController::claim).toList(),
        module.preApprovedModuleId(),
        module.preApprovedText());
  }

  private static ClaimView claim(ClaimUse claim) {
    return new ClaimView(claim.claimId(), claim.textUsed());
  }

  private static RunView run(PrecheckRun run) {
    return new RunView(
        run.version(),
        run.round(),
        run.checkedAt(),
        run.result().score(),
        run.result().blocked(),
        run.result().findings().stream().map(ItemsController::finding).toList());
  }

  private static FindingView finding(Finding finding) {
    return new FindingView(
        finding.rule().id(),
        finding.severity().name(),
        finding.moduleId(),
        finding.span() == null ? null : finding.span().start(),
        finding.span() == null ? null : finding.span().end(),
        finding.message());
  }
}
