package io.gxpflow.mlr.api;

import static io.gxpflow.mlr.review.MlrVariables.CONTENT_ID;
import static io.gxpflow.mlr.review.MlrVariables.CONTENT_VERSION;
import static io.gxpflow.mlr.review.MlrVariables.REVIEW_ROUND;

import io.gxpflow.compliance.ProblemType;
import io.gxpflow.compliance.RunAsSystem;
import io.gxpflow.compliance.validation.FieldViolation;
import io.gxpflow.mlr.api.ReviewView.Against;
import io.gxpflow.mlr.api.ReviewView.FindingView;
import io.gxpflow.mlr.content.ClaimsRepository;
import io.gxpflow.mlr.content.CommentRepository;
import io.gxpflow.mlr.content.ContentRepository;
import io.gxpflow.mlr.content.ContentVersion;
import io.gxpflow.mlr.content.ModuleComment;
import io.gxpflow.mlr.content.StoredVersion;
import io.gxpflow.mlr.diff.ModuleDiff;
import io.gxpflow.mlr.diff.VersionDiff;
import io.gxpflow.mlr.precheck.Finding;
import io.gxpflow.mlr.precheck.FindingsRepository;
import io.gxpflow.mlr.precheck.FindingsRepository.PrecheckRun;
import io.gxpflow.mlr.review.WhatChanged;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * The Review tab's server side: reads what a reviewer or the author sees on an {@code mlr-review}
 * task and stores reviewers' module comments. Who may see a task is the engine's decision (a task
 * the caller may not see is "not found", as for the Sign tab); everything else is read as the
 * system, since a reviewer may work a task without reading the whole instance.
 */
@Service
public class ReviewTasks {

  static final String PROCESS = "mlr-review";
  static final String REVISE = "Task_Revise";

  /** The review tasks, each with the group its comments belong to. */
  static final Map<String, String> REVIEW_GROUPS =
      Map.of(
          "Task_MedicalReview", "mlr-medical",
          "Task_LegalReview", "mlr-legal",
          "Task_RegulatoryReview", "mlr-regulatory");

  /** Characters shown either side of a finding's span. */
  static final int CONTEXT = 60;

  private final ProcessEngine engine;
  private final RunAsSystem asSystem;
  private final ContentRepository contents;
  private final ClaimsRepository claims;
  private final FindingsRepository findings;
  private final CommentRepository comments;
  private final TransactionTemplate transaction;

  public ReviewTasks(
      ProcessEngine engine,
      RunAsSystem asSystem,
      ContentRepository contents,
      ClaimsRepository claims,
      FindingsRepository findings,
      CommentRepository comments,
      PlatformTransactionManager transactionManager) {
    this.engine = engine;
    this.asSystem = asSystem;
    this.contents = contents;
    this.claims = claims;
    this.findings = findings;
    this.comments = comments;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /** The Review tab of the task as {@code userId} sees it. */
  public ReviewView view(String userId, String taskId) {
    ReviewTask task = reviewTask(userId, taskId);
    StoredVersion stored = task.stored();
    ContentVersion content = stored.content();
    WhatChanged changed = WhatChanged.of(contents, content);
    Optional<StoredVersion> base = changed.base();
    Map<String, String> preApproved = WhatChanged.preApprovedTexts(content);
    VersionDiff diff = changed.diff();
    Map<String, String> moduleTypes = new LinkedHashMap<>();
    content.modules().forEach(module -> moduleTypes.put(module.id(), module.type().name()));
    String key = task.task().getTaskDefinitionKey();
    List<ModuleComment> previous =
        REVISE.equals(key) && task.round() > 1
            ? comments.ofRound(content.itemId(), task.round() - 1)
            : List.of();
    return new ReviewView(
        task.task().getId(),
        task.task().getName(),
        key,
        content.itemId(),
        content.version(),
        task.round(),
        new ReviewView.Content(
            content.title(),
            content.product(),
            content.markets(),
            content.channel().code(),
            content.audience().name(),
            stored.status(),
            stored.contentHash()),
        latestPrecheck(content),
        base.map(
                b ->
                    new Against(
                        b.content().version(),
                        changed.baseKind() == WhatChanged.BaseKind.APPROVED
                            ? Against.Kind.APPROVED
                            : Against.Kind.PREVIOUS))
            .orElse(null),
        diff,
        preApproved,
        moduleTypes,
        comments.ofRound(content.itemId(), task.round()),
        previous,
        REVIEW_GROUPS.get(key),
        REVIEW_GROUPS.containsKey(key) && userId.equals(task.task().getAssignee()));
  }

  /**
   * Stores a module comment of {@code userId} on their review task; the store audits it. The module
   * must be one of the version under review or one the version deleted.
   */
  public ModuleComment comment(
      String userId, String taskId, String moduleId, boolean mandatory, String text) {
    ReviewTask task = reviewTask(userId, taskId);
    String key = task.task().getTaskDefinitionKey();
    String group = REVIEW_GROUPS.get(key);
    if (group == null) {
      throw refused(
          HttpStatus.CONFLICT,
          "not-a-review-step",
          "Module comments are added on the medical, legal and regulatory review tasks; '"
              + task.task().getName()
              + "' takes none");
    }
    if (!userId.equals(task.task().getAssignee())) {
      throw refused(
          HttpStatus.FORBIDDEN,
          "not-the-assignee",
          "Only the reviewer the task '"
              + task.task().getName()
              + "' is assigned to may comment on it"
              + (task.task().getAssignee() == null
                  ? "; claim it first"
                  : " (" + task.task().getAssignee() + ")"));
    }
    ContentVersion content = task.stored().content();
    VersionDiff diff = WhatChanged.of(contents, content).diff(); // DELETED modules too
    if (diff.modules().stream().map(ModuleDiff::moduleId).noneMatch(moduleId::equals)) {
      throw new ErrorResponseException(
          HttpStatus.BAD_REQUEST,
          ProblemType.INVALID_REQUEST.problem(
              HttpStatus.BAD_REQUEST,
              "moduleId '"
                  + moduleId
                  + "' is not a module of "
                  + content.itemId()
                  + " version "
                  + content.version(),
              List.of(
                  new FieldViolation(
                      "moduleId",
                      "is not a module of version " + content.version() + " nor one it deleted"))),
          null);
    }
    ModuleComment comment =
        new ModuleComment(
            0,
            content.itemId(),
            content.version(),
            task.round(),
            moduleId,
            mandatory,
            text,
            userId,
            group,
            task.task().getId(),
            null);
    return transaction.execute(status -> comments.add(comment));
  }

  /** The open task of an mlr-review instance, visible to the caller, with its version and round. */
  private ReviewTask reviewTask(String userId, String taskId) {
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw refused(
          HttpStatus.NOT_FOUND,
          "task-not-found",
          "No open task " + taskId + " visible to " + userId);
    }
    ReviewTask found = asSystem.call(() -> readInstance(task));
    if (found == null) {
      throw refused(
          HttpStatus.CONFLICT,
          "not-an-mlr-review-task",
          "Task '" + task.getName() + "' is not a task of an MLR review");
    }
    return found;
  }

  /** As the system: the instance's item, version and round; null when not an mlr-review task. */
  private ReviewTask readInstance(Task task) {
    if (task.getProcessDefinitionId() == null
        || !PROCESS.equals(
            engine
                .getRepositoryService()
                .getProcessDefinition(task.getProcessDefinitionId())
                .getKey())) {
      return null;
    }
    ProcessInstance instance =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId())
            .singleResult();
    Map<String, Object> variables =
        engine
            .getTaskService()
            .getVariables(
                task.getId(),
                List.of(CONTENT_ID.name(), CONTENT_VERSION.name(), REVIEW_ROUND.name()));
    String itemId = instance == null ? null : instance.getBusinessKey();
    if (itemId == null) {
      itemId = CONTENT_ID.from(variables);
    }
    Integer version = CONTENT_VERSION.from(variables);
    Optional<StoredVersion> stored =
        itemId == null || version == null ? Optional.empty() : contents.find(itemId, version);
    if (stored.isEmpty()) {
      throw refused(
          HttpStatus.CONFLICT,
          "version-not-found",
          "Task '"
              + task.getName()
              + "' has no stored content version"
              + (itemId == null ? "" : " (" + itemId + " version " + version + ")")
              + " to review");
    }
    Integer round = REVIEW_ROUND.from(variables);
    return new ReviewTask(task, stored.get(), round == null ? 1 : round);
  }

  /** The latest pre-check run of this version, its findings with the text around each span. */
  private ReviewView.Precheck latestPrecheck(ContentVersion content) {
    PrecheckRun latest = null;
    for (PrecheckRun run : findings.runs(content.itemId())) {
      if (run.version() == content.version()) {
        latest = run; // oldest first: the last one wins
      }
    }
    if (latest == null) {
      return null;
    }
    Map<String, String> texts = new LinkedHashMap<>();
    content.modules().forEach(module -> texts.put(module.id(), module.text()));
    return new ReviewView.Precheck(
        latest.round(),
        latest.checkedAt(),
        latest.result().score(),
        latest.result().blocked(),
        latest.result().findings().stream().map(f -> findingView(f, texts)).toList());
  }

  static FindingView findingView(Finding finding, Map<String, String> texts) {
    String text = finding.moduleId() == null ? null : texts.get(finding.moduleId());
    if (finding.span() == null || text == null) {
      return new FindingView(
          finding.rule().id(),
          finding.severity().name(),
          finding.moduleId(),
          null,
          null,
          null,
          null,
          null,
          finding.message());
    }
    int start = Math.min(finding.span().start(), text.length());
    int end = Math.min(finding.span().end(), text.length());
    int from = safeCut(text, Math.max(0, start - CONTEXT));
    int to = safeCut(text, Math.min(text.length(), end + CONTEXT));
    return new FindingView(
        finding.rule().id(),
        finding.severity().name(),
        finding.moduleId(),
        start,
        end,
        text.substring(from, start),
        text.substring(start, end),
        text.substring(end, to),
        finding.message());
  }

  /** A cut that does not split a surrogate pair. */
  private static int safeCut(String text, int at) {
    return at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at)) ? at - 1 : at;
  }

  static ErrorResponseException refused(HttpStatus status, String reason, String detail) {
    var problem = ProblemType.MLR_REVIEW_TASK.problem(status, detail);
    problem.setProperty("reason", reason);
    return new ErrorResponseException(status, problem, null);
  }

  private record ReviewTask(Task task, StoredVersion stored, int round) {}
}
