package io.gxpflow.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.support.IntegrationTest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Concurrent transactions append one after the other: no gap, no fork, the chain verifies. */
@IntegrationTest
class AuditTrailConcurrencyIT {

  static final int THREADS = 4;
  static final int APPENDS = 25;

  @Autowired AuditTrail auditTrail;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcTemplate jdbc;

  @Test
  void fourThreadsAppendingTwentyFiveEventsEachInSeparateTransactionsMakeOneChain()
      throws Exception {
    String run = "AUDIT-CONC-" + UUID.randomUUID();
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    ChainHead before = auditTrail.head();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<List<Long>>> results = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        String businessKey = run + "-" + t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  List<Long> seqs = new ArrayList<>();
                  for (int i = 0; i < APPENDS; i++) {
                    int n = i;
                    seqs.add(
                        transaction.execute(
                            status -> {
                              StoredAuditEvent stored =
                                  auditTrail.record(
                                      AuditEvent.builder(AuditEventTypes.SYSTEM_CALL, "system")
                                          .businessKey(businessKey)
                                          .detail("n", n)
                                          .build());
                              // hold the head lock a moment, so the other threads queue up behind
                              // it
                              sleep(ThreadLocalRandom.current().nextInt(3));
                              return stored.seq();
                            }));
                  }
                  return seqs;
                }));
      }
      start.countDown();
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> result : results) {
        List<Long> seqs = result.get(2, TimeUnit.MINUTES);
        assertThat(seqs).hasSize(APPENDS).isSorted();
        all.addAll(seqs);
      }
      assertThat(all).hasSize(THREADS * APPENDS).doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
    }

    ChainHead after = auditTrail.head();
    assertThat(after.lastSeq() - before.lastSeq()).isGreaterThanOrEqualTo(THREADS * APPENDS);
    // seq 1..last without a gap, each seq once
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM gxp_audit_event WHERE seq <= ?", Long.class, after.lastSeq()))
        .isEqualTo(after.lastSeq());
    assertThat(jdbc.queryForObject("SELECT MIN(seq) FROM gxp_audit_event", Long.class))
        .isEqualTo(1L);
    for (int t = 0; t < THREADS; t++) {
      assertThat(auditTrail.findByBusinessKey(run + "-" + t))
          .hasSize(APPENDS)
          .extracting(e -> ((Number) e.details().get("n")).intValue())
          .isSorted();
    }
    VerificationResult verification = auditTrail.verify();
    assertThat(verification.isOk()).as("%s", verification).isTrue();
    assertThat(verification.events()).isGreaterThanOrEqualTo(after.lastSeq());
  }

  @Test
  void theVerifierReadsTheChainPageByPageAcrossPageBoundaries() {
    for (int i = 0; i < 20; i++) {
      auditTrail.record(AuditEvent.of(AuditEventTypes.SYSTEM_CALL, "system", Map.of("i", i)));
    }
    AuditTrail smallPages = new AuditTrail(jdbc, transactionManager, Clock.systemUTC(), 7);
    ChainHead head = auditTrail.head();

    long expected = 1;
    for (StoredAuditEvent event : smallPages.chainUpTo(head.lastSeq())) {
      assertThat(event.seq()).isEqualTo(expected++);
    }
    assertThat(expected - 1).isEqualTo(head.lastSeq());
    assertThat(smallPages.verify())
        .isEqualTo(VerificationResult.ok(head.lastSeq(), head.lastHash()));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
