package th.qaflow.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The reminder scan keeps running while the outbox sender hangs on a mail server that does not
 * answer (and the other way round): each job has a thread of its own.
 */
class NotificationJobsTest {

  @Test
  void theScanRunsOnWhileTheSenderHangs() throws Exception {
    CountDownLatch mailServerAnswers = new CountDownLatch(1);
    CountDownLatch sending = new CountDownLatch(1);
    AtomicInteger scans = new AtomicInteger();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    NotificationJobs jobs =
        new NotificationJobs(
            new NotificationJobs.Job(
                () -> {
                  threads.add("scan:" + Thread.currentThread().getName());
                  scans.incrementAndGet();
                },
                Duration.ofMillis(50),
                Duration.ofMillis(20)),
            new NotificationJobs.Job(
                () -> {
                  threads.add("send:" + Thread.currentThread().getName());
                  sending.countDown();
                  try {
                    mailServerAnswers.await(); // an SMTP connection nobody answers
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                Duration.ZERO,
                Duration.ofMillis(20)));
    jobs.start();
    try {
      assertThat(sending.await(5, TimeUnit.SECONDS)).as("the sender started").isTrue();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (scans.get() < 5 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(scans.get()).as("scans while the sender hangs").isGreaterThanOrEqualTo(5);
      assertThat(threads)
          .containsExactlyInAnyOrder(
              "scan:" + NotificationJobs.SCAN_THREAD, "send:" + NotificationJobs.SEND_THREAD);
    } finally {
      mailServerAnswers.countDown();
      jobs.stop();
    }
    assertThat(jobs.isRunning()).isFalse();
  }

  @Test
  void aFailedRunDoesNotEndTheSchedule() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    NotificationJobs jobs =
        new NotificationJobs(
            new NotificationJobs.Job(
                () -> {
                  runs.incrementAndGet();
                  throw new IllegalStateException("database away");
                },
                Duration.ZERO,
                Duration.ofMillis(10)),
            new NotificationJobs.Job(() -> {}, Duration.ZERO, Duration.ofMillis(10)));
    jobs.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (runs.get() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(runs.get()).isGreaterThanOrEqualTo(3);
    } finally {
      jobs.stop();
    }
  }
}
