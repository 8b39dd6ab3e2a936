package io.gxpflow.mlr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import io.gxpflow.compliance.audit.StoredAuditEvent;
import io.gxpflow.mlr.content.Audience;
import io.gxpflow.mlr.content.Channel;
import io.gxpflow.mlr.content.ClaimUse;
import io.gxpflow.mlr.content.ContentDraft;
import io.gxpflow.mlr.content.ContentRefused;
import io.gxpflow.mlr.content.ContentStatus;
import io.gxpflow.mlr.content.ModuleComment;
import io.gxpflow.mlr.content.ModuleDraft;
import io.gxpflow.mlr.content.ModuleType;
import io.gxpflow.mlr.content.StoredVersion;
import io.gxpflow.mlr.precheck.Finding;
import io.gxpflow.mlr.precheck.FindingsRepository.PrecheckRun;
import io.gxpflow.mlr.precheck.PrecheckResult;
import io.gxpflow.mlr.precheck.PrecheckRuleId;
import io.gxpflow.mlr.precheck.Severity;
import io.gxpflow.mlr.precheck.TextSpan;
import io.gxpflow.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The content store on the application's database: versions are immutable (a second submission is a
 * new version), status transitions, gap-free item ids under concurrency, findings and comments read
 * back as written, every write audited; the demo seed.
 */
@IntegrationTest
class MlrContentStoreIT {

  @Autowired JdbcContentRepository content;
  @Autowired JdbcClaimsRepository claims;
  @Autowired JdbcFindingsRepository findings;
  @Autowired JdbcCommentRepository comments;
  @Autowired AuditTrail auditTrail;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  static ContentDraft draft(String title, String efficacy) {
    return new ContentDraft(
        title,
        "Amoxicillin",
        Set.of("ch", "DE"),
        Channel.EMAIL,
        Audience.HCP,
        List.of(
            new ModuleDraft(
                "efficacy",
                ModuleType.BODY,
                efficacy,
                List.of(new ClaimUse("CLM-AMX-04", "Treatment usually lasts 5 days.")),
                null),
            new ModuleDraft(
                "dosing",
                ModuleType.BODY,
                "Adults: 500 mg three times daily, usually for 5 days.",
                List.of(),
                "PM-AMX-DOSING")));
  }

  @Test
  void theDemoSeedHoldsTheApprovedItemTheCrmPublishesAndTheLibrary() {
    StoredVersion demo = content.find("MLR-2026-0001", 1).orElseThrow();

    assertThat(demo.status()).isEqualTo(ContentStatus.APPROVED);
    assertThat(demo.approvalCode()).isEqualTo("CH-AMX-2025-017");
    assertThat(demo.expiresOn()).isEqualTo(LocalDate.of(2027, 12, 31));
    assertThat(demo.content().title())
        .isEqualTo("Amoxicillin 500 mg: dosing in community-acquired pneumonia");
    assertThat(demo.content().markets()).containsExactly("CH");
    assertThat(demo.contentHash()).isEqualTo(ContentHash.of(demo.content()));
    assertThat(content.approvedItemsUsingClaim("CLM-AMX-01")).contains("MLR-2026-0001");
    assertThat(claims.all()).hasSizeGreaterThanOrEqualTo(10);
    assertThat(claims.library().find("CLM-003").orElseThrow().references().get(0).expiresOn())
        .isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(claims.products().find("amoxicillin").orElseThrow().strengths())
        .containsExactly("250 mg", "500 mg");
    assertThat(claims.preApprovedTexts(List.of("PM-ISI-7", "PM-ISI-US-7", "PM-AMX-ISI", "nope")))
        .containsOnlyKeys("PM-ISI-7", "PM-ISI-US-7", "PM-AMX-ISI");

    // seeding again changes nothing
    long versions = count("gxp_mlr_content_version");
    long claimRows = count("gxp_mlr_claim");
    new MlrDemoSeed(claims, content, transactionManager).run(null);
    assertThat(count("gxp_mlr_content_version")).isEqualTo(versions);
    assertThat(count("gxp_mlr_claim")).isEqualTo(claimRows);
  }

  @Test
  void aSecondSubmissionIsANewVersionAndTheFirstStaysAsItWas() {
    StoredVersion first =
        content.submit(null, draft("CAP dosing", "Treatment usually lasts 5 days."), "alice");
    String itemId = first.content().itemId();

    assertThat(itemId).matches("MLR-\\d{4}-\\d{4}");
    assertThat(first.content().version()).isEqualTo(1);
    assertThat(first.status()).isEqualTo(ContentStatus.IN_REVIEW);
    assertThat(first.content().markets()).containsExactlyInAnyOrder("CH", "DE");
    assertThat(first.content().modules().get(1).preApprovedText())
        .isEqualTo("Adults: 500 mg three times daily, usually for 5 days.");
    assertThat(first.contentHash()).isEqualTo(ContentHash.of(first.content())).hasSize(64);

    StoredVersion second =
        content.submit(
            itemId,
            draft("CAP dosing, revised", "In adults: Treatment usually lasts 5 days."),
            "alice");

    assertThat(second.content().version()).isEqualTo(2);
    assertThat(second.contentHash()).isNotEqualTo(first.contentHash());
    StoredVersion firstAgain = content.find(itemId, 1).orElseThrow();
    assertThat(firstAgain.content()).isEqualTo(first.content());
    assertThat(firstAgain.contentHash()).isEqualTo(first.contentHash());
    assertThat(firstAgain.status()).isEqualTo(ContentStatus.SUPERSEDED);
    assertThat(content.versions(itemId))
        .extracting(v -> v.content().version(), StoredVersion::status)
        .containsExactly(tuple(1, ContentStatus.SUPERSEDED), tuple(2, ContentStatus.IN_REVIEW));
    assertThat(auditTrail.findByBusinessKey(itemId))
        .extracting(StoredAuditEvent::type)
        .containsExactly(
            AuditEventTypes.MLR_CONTENT_SUBMITTED,
            AuditEventTypes.MLR_CONTENT_STATUS_CHANGED,
            AuditEventTypes.MLR_CONTENT_SUBMITTED);
    StoredAuditEvent submitted = auditTrail.findByBusinessKey(itemId).get(2);
    assertThat(submitted.actor()).isEqualTo("alice");
    assertThat(submitted.details())
        .containsEntry("version", 2)
        .containsEntry("contentHash", second.contentHash())
        .containsEntry("superseded", List.of(1));
  }

  @Test
  void statusesMoveOnlyAlongTheirTransitions() {
    String itemId =
        content
            .submit(null, draft("T", "Treatment usually lasts 5 days."), "alice")
            .content()
            .itemId();
    assertThat(content.lastApproved(itemId)).isEmpty();

    content.markApproved(itemId, 1, "CODE-1", LocalDate.of(2028, 12, 31));
    assertThat(content.lastApproved(itemId).orElseThrow().approvalCode()).isEqualTo("CODE-1");
    assertThatThrownBy(() -> content.markApproved(itemId, 1, "CODE-X", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is APPROVED, not IN_REVIEW");

    content.submit(itemId, draft("T2", "Treatment usually lasts 5 days."), "alice");
    // an approved version is not superseded by a new one in review: it stays out there
    assertThat(content.find(itemId, 1).orElseThrow().status()).isEqualTo(ContentStatus.APPROVED);
    content.markApproved(itemId, 2, "CODE-2", LocalDate.of(2029, 1, 31));
    assertThat(content.find(itemId, 1).orElseThrow().status()).isEqualTo(ContentStatus.REPLACED);
    assertThat(content.lastApproved(itemId).orElseThrow().content().version()).isEqualTo(2);

    content.markWithdrawn(itemId, "claim CLM-AMX-04 withdrawn");
    StoredVersion withdrawn = content.find(itemId, 2).orElseThrow();
    assertThat(withdrawn.status()).isEqualTo(ContentStatus.WITHDRAWN);
    assertThat(withdrawn.approvalCode()).isEqualTo("CODE-2");
    assertThat(content.statusDetails(itemId).get(2).statusReason())
        .isEqualTo("claim CLM-AMX-04 withdrawn");
    assertThat(content.lastApproved(itemId).orElseThrow().content().version()).isEqualTo(2);
    content.markWithdrawn(itemId, "again"); // nothing approved any more: no change

    content.submit(itemId, draft("T3", "Treatment usually lasts 5 days."), "alice");
    assertThatThrownBy(() -> content.markCancelled(itemId, 2, "no"))
        .isInstanceOf(IllegalStateException.class);
    content.markCancelled(itemId, 3, "duplicate of another item");
    assertThat(content.versions(itemId))
        .extracting(StoredVersion::status)
        .containsExactly(ContentStatus.REPLACED, ContentStatus.WITHDRAWN, ContentStatus.CANCELLED);
    assertThat(
            auditTrail.findByBusinessKey(itemId).stream()
                .filter(e -> e.type().equals(AuditEventTypes.MLR_CONTENT_STATUS_CHANGED))
                .map(e -> e.details().get("from") + ">" + e.details().get("to")))
        .containsExactly(
            "IN_REVIEW>APPROVED",
            "APPROVED>REPLACED",
            "IN_REVIEW>APPROVED",
            "APPROVED>WITHDRAWN",
            "IN_REVIEW>CANCELLED");
  }

  @Test
  void aRefusedSubmissionStoresNothingAndNamesEachProblem() {
    long versions = count("gxp_mlr_content_version");
    long events = count("gxp_audit_event");
    ContentDraft bad =
        new ContentDraft(
            "Bad",
            "Amoxicillin",
            Set.of("CH"),
            Channel.EMAIL,
            Audience.HCP,
            List.of(
                new ModuleDraft(
                    "a",
                    ModuleType.BODY,
                    "Some text.",
                    List.of(new ClaimUse("CLM-AMX-04", "Treatment usually lasts 5 days.")),
                    null),
                new ModuleDraft("a", ModuleType.BODY, "Other text.", List.of(), "PM-NOWHERE")));

    assertThatThrownBy(() -> content.submit("MLR-1999-0001", bad, "alice"))
        .isInstanceOfSatisfying(
            ContentRefused.class,
            refused ->
                assertThat(refused.problems())
                    .extracting(ContentRefused.Problem::field)
                    .containsExactly(
                        "itemId",
                        "modules[0].claims[0].words",
                        "modules[1].id",
                        "modules[1].preApprovedModuleId"));
    assertThat(count("gxp_mlr_content_version")).isEqualTo(versions);
    assertThat(count("gxp_audit_event")).isEqualTo(events);
  }

  @Test
  void itemIdsAreGapFreeEvenWhenASubmissionRollsBack() {
    String before =
        content
            .submit(null, draft("A", "Treatment usually lasts 5 days."), "alice")
            .content()
            .itemId();
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    String rolledBack =
        transaction.execute(
            status -> {
              String id =
                  content
                      .submit(null, draft("B", "Treatment usually lasts 5 days."), "alice")
                      .content()
                      .itemId();
              status.setRollbackOnly();
              return id;
            });
    String after =
        content
            .submit(null, draft("C", "Treatment usually lasts 5 days."), "alice")
            .content()
            .itemId();

    assertThat(number(rolledBack)).isEqualTo(number(before) + 1);
    assertThat(after).isEqualTo(rolledBack);
    assertThat(content.versions(after).get(0).content().title()).isEqualTo("C");
  }

  @Test
  void twoSubmissionsAtTheSameMomentGetConsecutiveIds() throws Exception {
    int start =
        number(
            content
                .submit(null, draft("0", "Treatment usually lasts 5 days."), "alice")
                .content()
                .itemId());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    try {
      Callable<String> submit =
          () -> {
            go.await();
            return content
                .submit(null, draft("same moment", "Treatment usually lasts 5 days."), "alice")
                .content()
                .itemId();
          };
      Future<String> one = pool.submit(submit);
      Future<String> two = pool.submit(submit);
      go.countDown();
      List<Integer> numbers =
          List.of(number(one.get(30, TimeUnit.SECONDS)), number(two.get(30, TimeUnit.SECONDS)));
      assertThat(numbers).containsExactlyInAnyOrder(start + 1, start + 2);
    } finally {
      pool.shutdownNow();
    }
    // and two new versions of one item at the same moment: versions 2 and 3
    String itemId =
        content
            .submit(null, draft("v", "Treatment usually lasts 5 days."), "alice")
            .content()
            .itemId();
    pool = Executors.newFixedThreadPool(2);
    CountDownLatch again = new CountDownLatch(1);
    try {
      Callable<Integer> revise =
          () -> {
            again.await();
            return content
                .submit(itemId, draft("v+", "Treatment usually lasts 5 days."), "alice")
                .content()
                .version();
          };
      Future<Integer> one = pool.submit(revise);
      Future<Integer> two = pool.submit(revise);
      again.countDown();
      assertThat(List.of(one.get(30, TimeUnit.SECONDS), two.get(30, TimeUnit.SECONDS)))
          .containsExactlyInAnyOrder(2, 3);
    } finally {
      pool.shutdownNow();
    }
    assertThat(content.versions(itemId))
        .extracting(StoredVersion::status)
        .containsExactly(
            ContentStatus.SUPERSEDED, ContentStatus.SUPERSEDED, ContentStatus.IN_REVIEW);
  }

  @Test
  void preCheckRunsAreKeptAsTheyWereAndAudited() {
    String itemId =
        content
            .submit(null, draft("F", "Treatment usually lasts 5 days."), "alice")
            .content()
            .itemId();
    PrecheckResult blocked =
        new PrecheckResult(
            List.of(
                new Finding(
                    PrecheckRuleId.EMAIL_UNSUBSCRIBE_MISSING,
                    Severity.BLOCKING,
                    null,
                    null,
                    "An email needs an unsubscribe link."),
                new Finding(
                    PrecheckRuleId.PROHIBITED_PHRASE,
                    Severity.MAJOR,
                    "efficacy",
                    new TextSpan(3, 11),
                    "“guaranteed” is an absolute claim.")),
            70);
    findings.record(itemId, 1, 1, blocked);
    findings.record(itemId, 1, 2, new PrecheckResult(List.of(), 100));

    List<PrecheckRun> runs = findings.runs(itemId);
    assertThat(runs).extracting(PrecheckRun::round).containsExactly(1, 2);
    assertThat(runs.get(0).result()).isEqualTo(blocked);
    assertThat(runs.get(0).result().blocked()).isTrue();
    assertThat(runs.get(1).result().findings()).isEmpty();
    assertThat(runs.get(1).checkedAt()).isNotNull();
    assertThat(
            auditTrail.findByBusinessKey(itemId).stream()
                .filter(e -> e.type().equals(AuditEventTypes.MLR_PRECHECK_COMPLETED))
                .toList())
        .hasSize(2)
        .first()
        .satisfies(
            e ->
                assertThat(e.details())
                    .containsEntry("score", 70)
                    .containsEntry("blocked", true)
                    .containsEntry("blockingFindings", 1));
  }

  @Test
  void commentsAreStoredPerRoundAndAudited() {
    String itemId =
        content
            .submit(null, draft("C", "Treatment usually lasts 5 days."), "alice")
            .content()
            .itemId();
    ModuleComment added =
        comments.add(
            new ModuleComment(
                0,
                itemId,
                1,
                1,
                "efficacy",
                true,
                "Cite the SmPC.",
                "mark",
                "mlr-medical",
                "task-1",
                null));
    comments.add(
        new ModuleComment(
            0, itemId, 1, 2, "dosing", false, "Fine.", "lena", "mlr-legal", null, null));

    assertThat(added.id()).isPositive();
    assertThat(added.createdAt()).isNotNull();
    assertThat(comments.ofRound(itemId, 1)).containsExactly(added);
    assertThat(comments.ofRound(itemId, 2))
        .extracting(ModuleComment::author)
        .containsExactly("lena");
    assertThatThrownBy(
            () ->
                comments.add(
                    new ModuleComment(
                        0, itemId, 1, 1, "nowhere", false, "x", "mark", "mlr-medical", null, null)))
        .isInstanceOf(ContentRefused.class);
    // version 2 deleted the dosing module: a reviewer of version 2 may comment on what was removed
    ContentDraft withoutDosing = draft("C", "Treatment usually lasts 5 days.");
    content.submit(
        itemId,
        new ContentDraft(
            withoutDosing.title(),
            withoutDosing.product(),
            withoutDosing.markets(),
            withoutDosing.channel(),
            withoutDosing.audience(),
            withoutDosing.modules().subList(0, 1)),
        "alice");
    comments.add(
        new ModuleComment(
            0, itemId, 2, 1, "dosing", false, "Keep it.", "rita", "mlr-regulatory", null, null));
    assertThatThrownBy(
            () ->
                comments.add(
                    new ModuleComment(
                        0, itemId, 2, 1, "nowhere", false, "x", "mark", "mlr-medical", null, null)))
        .isInstanceOf(ContentRefused.class);
    assertThat(
            auditTrail.findByBusinessKey(itemId).stream()
                .filter(e -> e.type().equals(AuditEventTypes.MLR_MODULE_COMMENT_ADDED))
                .map(StoredAuditEvent::actor))
        .containsExactly("mark", "lena", "rita");
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  private static int number(String itemId) {
    return Integer.parseInt(itemId.substring(itemId.lastIndexOf('-') + 1));
  }
}
