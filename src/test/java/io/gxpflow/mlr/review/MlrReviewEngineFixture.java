package io.gxpflow.mlr.review;

import static io.gxpflow.mlr.review.MlrVariables.CONTENT_ID;
import static io.gxpflow.mlr.review.MlrVariables.CONTENT_SUBMITTED;
import static io.gxpflow.mlr.review.MlrVariables.CONTENT_VERSION;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.gxpflow.engine.expression.TaskDue;
import io.gxpflow.integration.crm.CrmPort;
import io.gxpflow.integration.crm.CrmPort.ContentPublication;
import io.gxpflow.integration.crm.CrmPort.Distribution;
import io.gxpflow.integration.crm.CrmPort.Withdrawal;
import io.gxpflow.integration.crm.PublishContentDelegate;
import io.gxpflow.mlr.content.Audience;
import io.gxpflow.mlr.content.Channel;
import io.gxpflow.mlr.content.CommentRepository;
import io.gxpflow.mlr.content.ContentDraft;
import io.gxpflow.mlr.content.ContentMarkup;
import io.gxpflow.mlr.content.ModuleComment;
import io.gxpflow.mlr.content.ModuleDraft;
import io.gxpflow.mlr.content.ModuleType;
import io.gxpflow.mlr.content.StoredVersion;
import io.gxpflow.mlr.precheck.FindingsRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * bpmn/mlr-review.bpmn's beans on a plain engine, for engine tests outside this package (the KPI
 * service's): the real delegates, pre-check, routing and markup, the content store in memory
 * ({@link InMemoryContent}), the CRM and the findings store mocked — wired by the same {@link
 * #registerBeans(InMemoryContent, ContentParser, FindingsRepository, CrmPort, CommentRepository)}
 * as {@link MlrReviewProcessTest}, with its content (the Cardiozen detail aid, email and blocked
 * text, its claims library). Call {@link Mocks#reset()} after each test.
 */
public final class MlrReviewEngineFixture {

  /** What a test deploys: the model and the decisions it evaluates. */
  public static final String[] RESOURCES = {
    "bpmn/mlr-review.bpmn",
    "bpmn/mlr-routing.dmn",
    "bpmn/mlr-precheck-phrases.dmn",
    "bpmn/mlr-fair-balance.dmn",
    "bpmn/mlr-precheck-weights.dmn"
  };

  /** The content a test submits. */
  public enum Content {
    /** HCP detail aid: 3 modules, the ISI reused unchanged; clean; medical review only (non-US). */
    DETAIL_AID,
    /** HCP email: 4 modules, the ISI reused unchanged; clean; medical and legal review (non-US). */
    EMAIL,
    /** A prohibited phrase: blocked by the pre-check, back to the author. */
    BLOCKED
  }

  private final ProcessEngine engine;
  private final InMemoryContent content =
      new InMemoryContent(Map.of("PM-ISI-7", MlrReviewProcessTest.ISI_TEXT));
  private final List<ModuleComment> comments = new ArrayList<>();

  private MlrReviewEngineFixture(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Registers the model's beans for the engine's expressions. */
  public static MlrReviewEngineFixture register(ProcessEngine engine) {
    MlrReviewEngineFixture fixture = new MlrReviewEngineFixture(engine);
    fixture.registerBeans();
    return fixture;
  }

  private void registerBeans() {
    registerBeans(
        content,
        new MarkupContentParser(),
        mock(FindingsRepository.class),
        answeringCrm(mock(CrmPort.class)),
        commentsIn(comments));
  }

  /**
   * The model's beans as the application wires them, over the stores and ports a test gives: the
   * one wiring of the engine-level tests of mlr-review.
   */
  static void registerBeans(
      InMemoryContent content,
      ContentParser parser,
      FindingsRepository findings,
      CrmPort crm,
      CommentRepository comments) {
    FormSubmissions forms = new FormSubmissions(content, parser);
    ReviewRounds rounds = new ReviewRounds();
    ContentDistribution distribution = new ContentDistribution();
    ContentIntake intake = new ContentIntake(content, forms);
    Mocks.register("mlrIntake", intake);
    Mocks.register("mlrNewVersion", rounds.mlrNewVersion(intake));
    Mocks.register(
        "mlrPrecheck", new PrecheckStep(content, MlrReviewProcessTest.claims(), findings));
    Mocks.register("mlrRouting", new ReviewRouting(new TaskDue()));
    Mocks.register("mlrReviewOutcome", rounds.mlrReviewOutcome(comments));
    Mocks.register("mlrNextRound", rounds.mlrNextRound());
    Mocks.register("mlrRenewal", rounds.mlrRenewal());
    Mocks.register("mlrRevision", rounds.mlrRevision(content, forms));
    Mocks.register("mlrRelease", distribution.mlrRelease(content));
    Mocks.register("mlrPublished", distribution.mlrPublished());
    Mocks.register("mlrExpired", distribution.mlrExpired());
    Mocks.register("mlrWithdrawContent", distribution.mlrWithdrawContent(crm, content));
    Mocks.register("mlrCancelled", distribution.mlrCancelled(content));
    Mocks.register("crmPublishContent", new PublishContentDelegate(crm));
    Mocks.register("taskDue", new TaskDue());
  }

  /** A mocked CRM that publishes and withdraws whatever it is given. */
  static CrmPort answeringCrm(CrmPort crm) {
    when(crm.publishContent(any(), anyString()))
        .thenAnswer(
            a -> {
              ContentPublication p = a.getArgument(0);
              return new Distribution("DIST-1", p.contentId(), p.version(), Instant.now());
            });
    when(crm.withdrawContent(anyString(), anyString(), anyString()))
        .thenAnswer(a -> new Withdrawal(a.getArgument(0), Instant.now()));
    return crm;
  }

  /** Module comments kept in the list, read back by round. */
  static CommentRepository commentsIn(List<ModuleComment> comments) {
    return new CommentRepository() {
      @Override
      public ModuleComment add(ModuleComment comment) {
        comments.add(comment);
        return comment;
      }

      @Override
      public List<ModuleComment> ofRound(String itemId, int round) {
        return comments.stream()
            .filter(c -> c.itemId().equals(itemId) && c.round() == round)
            .toList();
      }
    };
  }

  /**
   * Stored as alice's version 1 of a new item, then started by {@code ContentSubmitted} as she, as
   * {@code POST /api/mlr/submissions} does; the instance's id. The pre-check job is left to run.
   */
  public String submit(Content kind) {
    List<ModuleDraft> modules =
        switch (kind) {
          case DETAIL_AID -> MlrReviewProcessTest.detailAid();
          case EMAIL -> MlrReviewProcessTest.email();
          case BLOCKED -> MlrReviewProcessTest.blocked();
        };
    StoredVersion stored =
        content.submit(
            null,
            new ContentDraft(
                "Cardiozen " + kind.name().toLowerCase(),
                "Cardiozen",
                Set.of("DE"),
                kind == Content.EMAIL ? Channel.EMAIL : Channel.REP_DETAIL,
                Audience.HCP,
                modules),
            "alice");
    Map<String, Object> start = new HashMap<>();
    start.put(CONTENT_ID.name(), stored.content().itemId());
    start.put(CONTENT_VERSION.name(), 1);
    engine.getIdentityService().setAuthenticatedUserId("alice");
    try {
      return engine
          .getRuntimeService()
          .startProcessInstanceByMessage(CONTENT_SUBMITTED, stored.content().itemId(), start)
          .getId();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** The detail aid as the author types it in the revision form: 3 modules, the ISI reused. */
  public static String detailAidText() {
    return ContentMarkup.render(MlrReviewProcessTest.detailAid());
  }

  /** The detail aid with a footnote added: 4 modules, the ISI reused. */
  public static String detailAidWithFootnoteText() {
    List<ModuleDraft> modules = new ArrayList<>(MlrReviewProcessTest.detailAid());
    modules.add(new ModuleDraft("footnote", ModuleType.BODY, "Data on file.", List.of(), null));
    return ContentMarkup.render(modules);
  }
}
