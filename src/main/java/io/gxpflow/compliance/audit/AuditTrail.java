package io.gxpflow.compliance.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The GxP audit trail (21 CFR 11.10(e)): appends events to {@code gxp_audit_event} in one strict
 * order, each chained to the one before by {@link AuditChain}, and reads them back.
 *
 * <p>Every append locks the single row of {@code gxp_audit_chain_head} ({@code SELECT … FOR
 * UPDATE}) and keeps the lock until its transaction ends: concurrent transactions append one after
 * the other, a rolled-back transaction leaves no gap, and the seq order is the commit order. Keep
 * audited transactions short; an append made early in a long transaction holds up every other
 * audited transaction until it ends.
 */
@Component
public class AuditTrail {

  static final int DEFAULT_PAGE_SIZE = 500;

  private static final String COLUMNS =
      "seq, occurred_at, event_type, actor, business_key, process_instance_id,"
          + " process_definition_key, task_id, details, previous_hash, hash";

  private static final RowMapper<StoredAuditEvent> EVENT = AuditTrail::mapEvent;

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final TransactionTemplate joinOrStart;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final int pageSize;
  // bound while a transaction of this thread holds the head lock; the value is that transaction's
  // connection holder
  private final Object headLockKey = new Object();

  @Autowired
  public AuditTrail(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this(jdbc, transactionManager, Clock.systemUTC(), DEFAULT_PAGE_SIZE);
  }

  AuditTrail(
      JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock, int pageSize) {
    this.jdbc = jdbc;
    this.dataSource = Objects.requireNonNull(jdbc.getDataSource());
    this.joinOrStart = new TransactionTemplate(transactionManager);
    this.joinOrStart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.pageSize = pageSize;
  }

  /**
   * Appends within the caller's transaction (an engine command's, when called from an engine
   * listener): the event commits or rolls back with it. Without a transaction it commits on its
   * own. A failure marks the caller's transaction rollback-only: no audit record, no change.
   */
  public StoredAuditEvent record(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    return joinOrStart.execute(status -> append(event));
  }

  /**
   * Appends and commits at once, whatever the caller's transaction does afterwards: for events that
   * must outlive a refused operation (failed signature, segregation-of-duties violation). Refused
   * with {@link IllegalStateException} when the caller's transaction has already appended: it holds
   * the head lock, and the new transaction would wait for it forever.
   */
  public StoredAuditEvent recordIndependently(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    return ownTransaction.execute(status -> append(event));
  }

  public List<StoredAuditEvent> findByBusinessKey(String businessKey) {
    return find(Objects.requireNonNull(businessKey, "businessKey"), null);
  }

  public List<StoredAuditEvent> findByProcessInstanceId(String processInstanceId) {
    return find(null, Objects.requireNonNull(processInstanceId, "processInstanceId"));
  }

  /**
   * Events with this business key and/or process instance id (a null filter is left out), in seq
   * order. The events of a business key include every event of the process instances a {@code
   * BUSINESS_KEY_SET} event links to it: those recorded before the instance had its key (its start,
   * the call that produced the key).
   */
  public List<StoredAuditEvent> find(String businessKey, String processInstanceId) {
    if (businessKey == null && processInstanceId == null) {
      throw new IllegalArgumentException("businessKey or processInstanceId is required");
    }
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder();
    if (businessKey != null) {
      where
          .append("(business_key = ? OR process_instance_id IN (SELECT process_instance_id FROM")
          .append(" gxp_audit_event WHERE event_type = ? AND business_key = ?))");
      args.add(businessKey);
      args.add(AuditEventTypes.BUSINESS_KEY_SET);
      args.add(businessKey);
    }
    if (processInstanceId != null) {
      where.append(where.isEmpty() ? "" : " AND ").append("process_instance_id = ?");
      args.add(processInstanceId);
    }
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM gxp_audit_event WHERE " + where + " ORDER BY seq",
        EVENT,
        args.toArray());
  }

  /**
   * Whether the trail already ties this instance to this key: it started with it, or a {@code
   * BUSINESS_KEY_SET} event links them.
   */
  public boolean isLinked(String processInstanceId, String businessKey) {
    Integer links =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM gxp_audit_event WHERE event_type IN (?, ?)"
                + " AND process_instance_id = ? AND business_key = ?",
            Integer.class,
            AuditEventTypes.BUSINESS_KEY_SET,
            AuditEventTypes.PROCESS_STARTED,
            processInstanceId,
            businessKey);
    return links != null && links > 0;
  }

  /**
   * Events of one type from {@code fromSeq} to {@code toSeq} (inclusive), in seq order: what other
   * records said about one while it ran (the deviations' messages to a batch during its release).
   * The range is read on the primary key, so the read stays within that stretch of the trail.
   */
  public List<StoredAuditEvent> findByType(String type, long fromSeq, long toSeq) {
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM gxp_audit_event WHERE seq BETWEEN ? AND ? AND event_type = ? ORDER BY seq",
        EVENT,
        fromSeq,
        toSeq,
        Objects.requireNonNull(type, "type"));
  }

  public Optional<StoredAuditEvent> find(long seq) {
    return jdbc
        .query("SELECT " + COLUMNS + " FROM gxp_audit_event WHERE seq = ?", EVENT, seq)
        .stream()
        .findFirst();
  }

  /** The newest committed event, if any. */
  public Optional<StoredAuditEvent> last() {
    return jdbc
        .query("SELECT " + COLUMNS + " FROM gxp_audit_event ORDER BY seq DESC LIMIT 1", EVENT)
        .stream()
        .findFirst();
  }

  /** The committed chain head, read without locking. */
  public ChainHead head() {
    return jdbc.queryForObject(
        "SELECT last_seq, last_hash FROM gxp_audit_chain_head WHERE id = 1",
        (rs, row) -> new ChainHead(rs.getLong("last_seq"), rs.getString("last_hash")));
  }

  /**
   * Events 1 to {@code lastSeq} in seq order, read lazily {@value #DEFAULT_PAGE_SIZE} at a time
   * (keyset paging on seq), so a long trail is never in memory at once.
   */
  public Iterable<StoredAuditEvent> chainUpTo(long lastSeq) {
    return () -> new PagedEvents(lastSeq);
  }

  /**
   * Recomputes the whole chain up to the head committed when the walk starts; appends made
   * meanwhile are not waited for and not checked. The chain alone: {@link AuditVerification} adds
   * the keyed checkpoints and the signature manifests (what {@code /api/audit/verify} answers).
   */
  public VerificationResult verify() {
    ChainHead head = head();
    return AuditVerifier.verify(chainUpTo(head.lastSeq()), head);
  }

  private StoredAuditEvent append(AuditEvent event) {
    ChainHead head = lockHead();
    // taken under the lock: occurred_at never goes backwards along the chain (unless the clock
    // does)
    StoredAuditEvent stored =
        AuditChain.append(head.lastSeq() + 1, clock.instant(), event, head.lastHash());
    jdbc.update(
        "INSERT INTO gxp_audit_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ps -> {
          ps.setLong(1, stored.seq());
          // TIMESTAMP without zone holding UTC: LocalDateTime keeps the JVM's time zone out of it
          ps.setObject(2, LocalDateTime.ofInstant(stored.occurredAt(), ZoneOffset.UTC));
          ps.setString(3, stored.type());
          ps.setString(4, stored.actor());
          ps.setString(5, stored.businessKey());
          ps.setString(6, stored.processInstanceId());
          ps.setString(7, stored.processDefinitionKey());
          ps.setString(8, stored.taskId());
          ps.setString(9, AuditChain.detailsJson(stored.details()));
          ps.setString(10, stored.previousHash());
          ps.setString(11, stored.hash());
        });
    int moved =
        jdbc.update(
            "UPDATE gxp_audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1 AND last_seq = ?",
            stored.seq(),
            stored.hash(),
            head.lastSeq());
    if (moved != 1) {
      throw new IllegalStateException(
          "audit chain head moved while locked (expected seq " + head.lastSeq() + ")");
    }
    return stored;
  }

  private ChainHead lockHead() {
    // the current transaction's connection holder (DataSourceTransactionManager binds it to the
    // DataSource)
    Object transaction = TransactionSynchronizationManager.getResource(dataSource);
    Object lockedBy = TransactionSynchronizationManager.getResource(headLockKey);
    if (lockedBy != null && lockedBy != transaction) {
      throw new IllegalStateException(
          "A suspended transaction of this thread holds the audit chain lock (it has"
              + " recorded an event): an append in a new transaction would wait for it forever. Record independent"
              + " events before record() in the same transaction, or after that transaction has ended.");
    }
    ChainHead head =
        jdbc.queryForObject(
            "SELECT last_seq, last_hash FROM gxp_audit_chain_head WHERE id = 1 FOR UPDATE",
            (rs, row) -> new ChainHead(rs.getLong("last_seq"), rs.getString("last_hash")));
    if (lockedBy == null
        && transaction != null
        && TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.bindResource(headLockKey, transaction);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public int getOrder() {
              // before the engine's after-completion listeners, which may record independently
              return Ordered.HIGHEST_PRECEDENCE;
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(headLockKey);
            }
          });
    }
    return head;
  }

  private static StoredAuditEvent mapEvent(ResultSet rs, int row) throws SQLException {
    return new StoredAuditEvent(
        rs.getLong("seq"),
        rs.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
        rs.getString("event_type"),
        rs.getString("actor"),
        rs.getString("business_key"),
        rs.getString("process_instance_id"),
        rs.getString("process_definition_key"),
        rs.getString("task_id"),
        details(rs.getString("details")),
        rs.getString("previous_hash"),
        rs.getString("hash"));
  }

  private static Map<String, Object> details(String json) {
    try {
      return AuditChain.parseDetails(json);
    } catch (IllegalArgumentException e) {
      // a row edited into invalid JSON still reads, and then fails verification as a changed row
      return Map.of("$unreadable", String.valueOf(json));
    }
  }

  private final class PagedEvents implements Iterator<StoredAuditEvent> {

    private final long lastSeq;
    private long after;
    private Iterator<StoredAuditEvent> page = List.<StoredAuditEvent>of().iterator();
    private boolean exhausted;

    PagedEvents(long lastSeq) {
      this.lastSeq = lastSeq;
    }

    @Override
    public boolean hasNext() {
      if (!page.hasNext() && !exhausted) {
        List<StoredAuditEvent> next =
            jdbc.query(
                "SELECT "
                    + COLUMNS
                    + " FROM gxp_audit_event WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT "
                    + pageSize,
                EVENT,
                after,
                lastSeq);
        exhausted = next.size() < pageSize;
        if (!next.isEmpty()) {
          after = next.get(next.size() - 1).seq();
        }
        page = next.iterator();
      }
      return page.hasNext();
    }

    @Override
    public StoredAuditEvent next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return page.next();
    }
  }
}
