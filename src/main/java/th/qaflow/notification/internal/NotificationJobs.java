package th.qaflow.notification.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The background jobs, each on a thread of its own: the reminder scan ({@code
 * qaflow-reminder-scan}) and the outbox sender ({@code qaflow-outbox-send}). They used to share
 * Spring's single scheduler thread, so a drain stuck on a slow or silent mail server held up the
 * scan (and a long scan the sending) for as long as it lasted. Each runs with a fixed delay after
 * its previous run ended, so a job never overlaps itself.
 */
public class NotificationJobs implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(NotificationJobs.class);
  static final String SCAN_THREAD = "qaflow-reminder-scan";
  static final String SEND_THREAD = "qaflow-outbox-send";

  private final Job scan;
  private final Job send;
  private volatile boolean running;

  /** A job: what to run, after how long the first time, and the pause after each run. */
  public record Job(Runnable task, Duration initialDelay, Duration delay) {}

  public NotificationJobs(Job scan, Job send) {
    this.scan = scan;
    this.send = send;
  }

  private ScheduledExecutorService scanThread;
  private ScheduledExecutorService sendThread;

  @Override
  public synchronized void start() {
    scanThread = schedule(SCAN_THREAD, scan);
    sendThread = schedule(SEND_THREAD, send);
    running = true;
  }

  private static ScheduledExecutorService schedule(String name, Job job) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            job.task().run();
          } catch (RuntimeException e) {
            // a failed run must not cancel the schedule; the next run tries again
            log.error("{} failed; the next run tries again", name, e);
          }
        },
        job.initialDelay().toMillis(),
        job.delay().toMillis(),
        TimeUnit.MILLISECONDS);
    return executor;
  }

  @Override
  public synchronized void stop() {
    running = false;
    for (ScheduledExecutorService executor :
        new ScheduledExecutorService[] {scanThread, sendThread}) {
      if (executor != null) {
        executor.shutdownNow();
      }
    }
    try {
      for (ScheduledExecutorService executor :
          new ScheduledExecutorService[] {scanThread, sendThread}) {
        if (executor != null && !executor.awaitTermination(10, TimeUnit.SECONDS)) {
          log.warn("A notification job did not end within 10 s of shutdown");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
