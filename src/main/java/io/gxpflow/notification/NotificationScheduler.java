package io.gxpflow.notification;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One background thread for notifications: the sender every {@code send-interval} and right after a
 * commit that queued mail ({@link #wakeUp()}), the due date scan every {@code scan-interval}. A
 * failing round is logged and tried again next time; nothing is lost, it stays in the outbox.
 */
@Component
public class NotificationScheduler implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationScheduler.class);

  private final NotificationSender sender;
  private final DueDateScan scan;
  private final NotificationProperties properties;
  private ScheduledExecutorService scheduler;
  private volatile boolean running;

  public NotificationScheduler(
      NotificationSender sender, DueDateScan scan, NotificationProperties properties) {
    this.sender = sender;
    this.scan = scan;
    this.properties = properties;
  }

  /** Sends soon, off the caller's thread (called after a commit that queued mail). */
  public void wakeUp() {
    ScheduledExecutorService current = scheduler;
    if (running && current != null) {
      try {
        current.execute(this::send);
      } catch (RejectedExecutionException stopping) {
        // shutting down: the mail waits in the outbox for the next start
      }
    }
  }

  private void send() {
    try {
      sender.sendDue();
    } catch (RuntimeException e) {
      LOG.warn(
          "Notification sender round failed, next in {}: {}",
          properties.sendInterval(),
          e.toString());
    }
  }

  private void scan() {
    try {
      scan.scan();
    } catch (RuntimeException e) {
      LOG.warn("Due date scan failed, next in {}: {}", properties.scanInterval(), e.toString());
    }
  }

  @Override
  public synchronized void start() {
    if (!properties.enabled()) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "notifications");
              thread.setDaemon(true);
              return thread;
            });
    long send = properties.sendInterval().toMillis();
    long every = properties.scanInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::send, send, send, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(this::scan, every, every, TimeUnit.MILLISECONDS);
    running = true;
    LOG.info(
        "Notifications: sender every {}, due date scan every {} (due soon: {} ahead)",
        properties.sendInterval(),
        properties.scanInterval(),
        properties.dueSoon());
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
