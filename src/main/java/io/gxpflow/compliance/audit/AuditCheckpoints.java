package io.gxpflow.compliance.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keyed checkpoints of the audit chain ({@link CheckpointKey}): the committed chain head's (seq,
 * hash) with its HMAC, written to {@code gxp_audit_checkpoint}, to the log (logger {@code
 * io.gxpflow.audit.checkpoint}) and to an append-only file outside the database ({@code
 * <directory>/audit-checkpoints.log}).
 *
 * <p>Off the hot path: a background thread looks at the committed head every {@code poll} and
 * writes a checkpoint when {@code every-events} events were appended since the last one, or when
 * there are new events and {@code interval} has passed; one more at shutdown. It reads the head
 * without locking it, so appends never wait for a checkpoint.
 */
@Component
public class AuditCheckpoints implements SmartLifecycle {

  /**
   * The log lines a log collector should keep: {@code AUDIT-CHECKPOINT seq=… hash=… at=… mac=…}.
   */
  static final Logger CHECKPOINT_LOG = LoggerFactory.getLogger("io.gxpflow.audit.checkpoint");

  private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
  static final String FILE_NAME = "audit-checkpoints.log";
  static final String KEY_FILE_NAME = "audit-checkpoint.key";

  private final JdbcTemplate jdbc;
  private final AuditTrail auditTrail;
  private final CheckpointKey key;
  private final Path file;
  private final long everyEvents;
  private final Duration interval;
  private final Duration poll;
  private final Clock clock = Clock.systemUTC();
  private ScheduledExecutorService scheduler;
  private volatile boolean running;
  private Instant lastWritten;

  @Autowired
  public AuditCheckpoints(
      JdbcTemplate jdbc,
      AuditTrail auditTrail,
      @Value("${gxpflow.audit.checkpoint-key:}") String configuredKey,
      @Value("${gxpflow.audit.checkpoint.directory:./data}") Path directory,
      @Value("${gxpflow.audit.checkpoint.every-events:1000}") long everyEvents,
      @Value("${gxpflow.audit.checkpoint.interval:PT5M}") Duration interval,
      @Value("${gxpflow.audit.checkpoint.poll:PT30S}") Duration poll) {
    this(
        jdbc,
        auditTrail,
        CheckpointKey.configuredOrFile(configuredKey, directory.resolve(KEY_FILE_NAME)),
        directory.resolve(FILE_NAME),
        everyEvents,
        interval,
        poll);
  }

  AuditCheckpoints(
      JdbcTemplate jdbc,
      AuditTrail auditTrail,
      CheckpointKey key,
      Path file,
      long everyEvents,
      Duration interval,
      Duration poll) {
    if (everyEvents < 1
        || interval.isNegative()
        || interval.isZero()
        || poll.isNegative()
        || poll.isZero()) {
      throw new IllegalArgumentException(
          "gxpflow.audit.checkpoint: every-events, interval and poll must be positive");
    }
    this.jdbc = jdbc;
    this.auditTrail = auditTrail;
    this.key = key;
    this.file = file;
    this.everyEvents = everyEvents;
    this.interval = interval;
    this.poll = poll;
  }

  public CheckpointKey key() {
    return key;
  }

  public Path file() {
    return file;
  }

  /**
   * Writes a checkpoint of the committed head now, unless the newest checkpoint already has it (or
   * the chain is empty). Returns the checkpoint written.
   */
  public synchronized Optional<AuditCheckpoint> checkpoint() {
    ChainHead head = auditTrail.head();
    if (head.lastSeq() < 1 || head.lastSeq() <= lastCheckpointSeq()) {
      return Optional.empty();
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    AuditCheckpoint checkpoint =
        new AuditCheckpoint(
            head.lastSeq(),
            head.lastHash(),
            now,
            key.mac(head.lastSeq(), head.lastHash()),
            "database");
    try {
      jdbc.update(
          "INSERT INTO gxp_audit_checkpoint (seq, hash, created_at, mac) VALUES (?, ?, ?, ?)",
          checkpoint.seq(),
          checkpoint.hash(),
          LocalDateTime.ofInstant(now, ZoneOffset.UTC),
          checkpoint.mac());
    } catch (DuplicateKeyException anotherNodeWasFirst) {
      return Optional.empty();
    }
    lastWritten = now;
    CHECKPOINT_LOG.info(checkpoint.line());
    appendToFile(checkpoint);
    return Optional.of(checkpoint);
  }

  /** The checkpoints of the database and of this installation's checkpoint file. */
  public List<AuditCheckpoint> all() {
    List<AuditCheckpoint> all = new ArrayList<>(fromDatabase());
    all.addAll(fromFile());
    return all;
  }

  List<AuditCheckpoint> fromDatabase() {
    return jdbc.query(
        "SELECT seq, hash, created_at, mac FROM gxp_audit_checkpoint ORDER BY seq",
        (rs, row) ->
            new AuditCheckpoint(
                rs.getLong("seq"),
                rs.getString("hash").strip(),
                rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getString("mac").strip(),
                "database"));
  }

  List<AuditCheckpoint> fromFile() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      String source = "file " + file.getFileName();
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(line -> AuditCheckpoint.parse(line, source))
          .filter(c -> c != null)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit checkpoint file " + file, e);
    }
  }

  private long lastCheckpointSeq() {
    Long seq = jdbc.queryForObject("SELECT MAX(seq) FROM gxp_audit_checkpoint", Long.class);
    return seq == null ? 0 : seq;
  }

  private void appendToFile(AuditCheckpoint checkpoint) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (FileChannel channel =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND,
              StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap((checkpoint.line() + "\n").getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
      }
    } catch (IOException e) {
      // the database copy and the log line are written; the file is the third copy
      log.error(
          "Audit checkpoint at seq {} not written to {}: {}", checkpoint.seq(), file, e.toString());
    }
  }

  private void tick() {
    try {
      ChainHead head = auditTrail.head();
      long since = head.lastSeq() - lastCheckpointSeq();
      boolean due =
          since >= everyEvents
              || (since > 0
                  && (lastWritten == null
                      || !clock.instant().isBefore(lastWritten.plus(interval))));
      if (due) {
        checkpoint();
      }
    } catch (RuntimeException e) {
      log.warn("Audit checkpoint failed, next attempt in {}: {}", poll, e.toString());
    }
  }

  @Override
  public synchronized void start() {
    lastWritten = clock.instant();
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "audit-checkpoints");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleWithFixedDelay(
        this::tick, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    running = true;
    log.info(
        "Audit checkpoints every {} events or {} (checked every {}), copies in {}",
        everyEvents,
        interval,
        poll,
        file.toAbsolutePath());
  }

  @Override
  public void stop() {
    ScheduledExecutorService current;
    synchronized (this) {
      current = scheduler;
      running = false;
    }
    if (current != null) {
      current.shutdownNow();
    }
    try {
      checkpoint();
    } catch (RuntimeException e) {
      log.error("Audit checkpoint at shutdown failed: {}", e.toString());
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops late (after the web server and the job executor), while the database is still there. */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE + 1000;
  }
}
