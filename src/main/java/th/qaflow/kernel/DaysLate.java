package th.qaflow.kernel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The one count of days late that mails, digests and the dashboards all show, so a mail never says
 * a day less than the dashboard. "Now" is the {@link java.time.Clock} bean ({@link EngineTime}).
 */
public final class DaysLate {
  private DaysLate() {}

  /**
   * How many days a task due at {@code due} is late at {@code now}: 0 until the due moment has
   * passed, then the whole calendar days (Asia/Bangkok) from the due date to today, at least 1.
   */
  public static long of(Instant due, Instant now) {
    if (due == null || !now.isAfter(due)) {
      return 0;
    }
    return Math.max(1, ChronoUnit.DAYS.between(bangkokDate(due), bangkokDate(now)));
  }

  private static LocalDate bangkokDate(Instant i) {
    return i.atZone(AcademicYears.ZONE).toLocalDate();
  }
}
