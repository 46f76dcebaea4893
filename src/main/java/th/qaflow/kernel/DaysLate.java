package th.qaflow.kernel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * "Now" as the process engine sees it ({@link Clock} bean, {@link EngineTime}), with the one count
 * of days late that mails, digests and the dashboards all show.
 */
@Component
public class EngineClock {
  private final Clock clock;

  public EngineClock(Clock clock) {
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  /** {@link #daysLate(Instant, Instant)} at the engine's now. */
  public long daysLate(Instant due) {
    return daysLate(due, now());
  }

  /**
   * How many days a task due at {@code due} is late at {@code now}: 0 until the due moment has
   * passed, then the whole calendar days (Asia/Bangkok) from the due date to today, at least 1. The
   * one count that mails, digests and the monitoring dashboard all show, so a mail never says a day
   * less than the dashboard.
   */
  public static long daysLate(Instant due, Instant now) {
    if (due == null || !now.isAfter(due)) {
      return 0;
    }
    return Math.max(1, ChronoUnit.DAYS.between(bangkokDate(due), bangkokDate(now)));
  }

  private static LocalDate bangkokDate(Instant i) {
    return i.atZone(AcademicYears.ZONE).toLocalDate();
  }
}
