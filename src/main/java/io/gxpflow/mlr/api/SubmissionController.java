package io.gxpflow.mlr.api;

import io.gxpflow.compliance.RunAsSystem;
import io.gxpflow.compliance.start.BusinessKeyInUse;
import io.gxpflow.mlr.content.Audience;
import io.gxpflow.mlr.content.Channel;
import io.gxpflow.mlr.content.ClaimUse;
import io.gxpflow.mlr.content.ContentDraft;
import io.gxpflow.mlr.content.ContentRefused;
import io.gxpflow.mlr.content.ContentRepository;
import io.gxpflow.mlr.content.ModuleDraft;
import io.gxpflow.mlr.content.ModuleType;
import io.gxpflow.mlr.content.StoredVersion;
import io.gxpflow.mlr.review.MlrVariables;
import io.gxpflow.mlr.store.JdbcContentRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A content version submitted as JSON (rather than through the Tasklist start form): stored as the
 * next version ({@link ContentRepository#submit}), then {@code mlr-review} is started for it with
 * business key = item id and {@code contentId}, {@code contentVersion}, {@code author} (the
 * caller), both in one transaction: a refused start stores nothing. A new version of an item whose
 * review runs is refused (409 {@code business-key-in-use}); the item's row lock makes a second
 * submission of the same item wait and then see the first one's running review.
 */
@RestController
@RequestMapping("/api/mlr/submissions")
public class SubmissionController {

  static final String ID = ClaimsController.ID;

  public record ClaimRequest(
      @NotNull(message = "is required")
          @Pattern(regexp = ID, message = "must be letters, digits, '.', '_' or '-', at most 64")
          String claimId,
      @NotBlank(message = "is required") @Size(max = 4000) String words) {}

  public record ModuleRequest(
      @NotNull(message = "is required")
          @Pattern(regexp = ID, message = "must be letters, digits, '.', '_' or '-', at most 64")
          String id,
      @Pattern(regexp = "BODY|ISI", message = "must be one of [BODY, ISI]") String type,
      @NotBlank(message = "is required") @Size(max = 20000) String text,
      @Size(max = 50) List<@NotNull(message = "is required") @Valid ClaimRequest> claims,
      @Pattern(regexp = ID, message = "must be letters, digits, '.', '_' or '-', at most 64")
          String preApprovedModuleId) {}

  public record SubmissionRequest(
      @Pattern(regexp = "MLR-\\d{4}-\\d{4,6}", message = "must be an item id such as MLR-2026-0042")
          String itemId,
      @NotBlank(message = "is required") @Size(max = 500) String title,
      @NotBlank(message = "is required") @Size(max = 200) String product,
      @NotEmpty(message = "is required") @Size(max = 60)
          List<
                  @NotNull(message = "is required")
                  @Pattern(
                      regexp = ClaimsController.MARKET,
                      message = "must be an ISO 3166 code such as CH")
                  String>
              markets,
      @NotNull(message = "is required")
          @Pattern(
              regexp = "email|rep-detail|web|social|print",
              message = "must be one of [email, rep-detail, web, social, print]")
          String channel,
      @NotNull(message = "is required")
          @Pattern(regexp = "HCP|PATIENT", message = "must be one of [HCP, PATIENT]")
          String audience,
      @NotEmpty(message = "a content version needs at least one module") @Size(max = 100)
          List<@NotNull(message = "is required") @Valid ModuleRequest> modules) {}

  public record Submitted(
      String itemId, int version, String contentHash, String processInstanceId) {}

  private final ContentRepository content;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final RunAsSystem asSystem;
  private final IdentityService identity;

  public SubmissionController(
      ContentRepository content,
      RuntimeService runtime,
      RepositoryService repository,
      RunAsSystem asSystem,
      IdentityService identity) {
    this.content = content;
    this.runtime = runtime;
    this.repository = repository;
    this.asSystem = asSystem;
    this.identity = identity;
  }

  @PostMapping
  public ResponseEntity<Submitted> submit(
      @Valid @RequestBody SubmissionRequest request, Authentication user) {
    ContentDraft draft = draft(request);
    String author = user.getName();
    // the author starts the review themselves: segregation of duties keeps the instance's starter
    // ("initiator") from signing the approval, and Camunda's authorizations decide the start
    org.camunda.bpm.engine.impl.identity.Authentication caller =
        identity.getCurrentAuthentication();
    Submitted submitted;
    try {
      // as the system: the right to submit was decided by the web security rules; the author is
      // recorded explicitly (audit, process variable)
      submitted =
          asSystem.call(
              () -> {
                if (repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(JdbcContentRepository.PROCESS)
                        .latestVersion()
                        .count()
                    == 0) {
                  throw MlrProblems.refused(
                      HttpStatus.CONFLICT,
                      "No mlr-review process is deployed: the content cannot be reviewed yet;"
                          + " nothing was stored");
                }
                // approved content in distribution waits for its next version; any other
                // running review of the item refuses one
                String waiting =
                    request.itemId() == null ? null : waitingForNewVersion(request.itemId());
                if (waiting == null && request.itemId() != null && reviewRuns(request.itemId())) {
                  throw new BusinessKeyInUse(JdbcContentRepository.PROCESS, request.itemId());
                }
                StoredVersion stored = content.submit(request.itemId(), draft, author);
                String itemId = stored.content().itemId();
                if (waiting != null) {
                  return newVersion(waiting, stored);
                }
                ProcessInstance instance;
                identity.setAuthentication(caller);
                try {
                  instance =
                      runtime.startProcessInstanceByMessage(
                          MlrVariables.CONTENT_SUBMITTED,
                          itemId,
                          Map.of(
                              MlrVariables.CONTENT_ID.name(),
                              itemId,
                              MlrVariables.CONTENT_VERSION.name(),
                              stored.content().version()));
                } finally {
                  identity.clearAuthentication();
                }
                return new Submitted(
                    itemId, stored.content().version(), stored.contentHash(), instance.getId());
              });
    } catch (ContentRefused refused) {
      throw MlrProblems.invalid(refused);
    }
    return ResponseEntity.created(URI.create("/api/mlr/items/" + submitted.itemId()))
        .body(submitted);
  }

  /** The instance of approved content waiting for its next version, or null. */
  private String waitingForNewVersion(String itemId) {
    return runtime
        .createExecutionQuery()
        .processDefinitionKey(JdbcContentRepository.PROCESS)
        .processInstanceBusinessKey(itemId)
        .messageEventSubscriptionName(MlrVariables.NEW_VERSION_SUBMITTED)
        .list()
        .stream()
        .map(execution -> execution.getProcessInstanceId())
        .findFirst()
        .orElse(null);
  }

  /**
   * Brings the stored version to the waiting instance: a new review cycle. Two new versions sent at
   * once: the second finds no one waiting any more, and stores nothing (409).
   */
  private Submitted newVersion(String instanceId, StoredVersion stored) {
    try {
      runtime
          .createMessageCorrelation(MlrVariables.NEW_VERSION_SUBMITTED)
          .processInstanceId(instanceId)
          .setVariable(MlrVariables.CONTENT_VERSION.name(), stored.content().version())
          .correlate();
    } catch (MismatchingMessageCorrelationException raced) {
      throw new BusinessKeyInUse(JdbcContentRepository.PROCESS, stored.content().itemId());
    }
    return new Submitted(
        stored.content().itemId(), stored.content().version(), stored.contentHash(), instanceId);
  }

  private boolean reviewRuns(String itemId) {
    return runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(JdbcContentRepository.PROCESS)
            .processInstanceBusinessKey(itemId)
            .count()
        > 0;
  }

  private static ContentDraft draft(SubmissionRequest request) {
    return new ContentDraft(
        request.title().strip(),
        request.product().strip(),
        new HashSet<>(request.markets()),
        Channel.ofCode(request.channel()),
        Audience.valueOf(request.audience()),
        request.modules().stream()
            .map(
                module ->
                    new ModuleDraft(
                        module.id(),
                        module.type() == null ? ModuleType.BODY : ModuleType.valueOf(module.type()),
                        module.text().strip(),
                        Objects.requireNonNullElse(module.claims(), List.<ClaimRequest>of())
                            .stream()
                            .map(claim -> new ClaimUse(claim.claimId(), claim.words()))
                            .toList(),
                        module.preApprovedModuleId()))
            .toList());
  }
}
