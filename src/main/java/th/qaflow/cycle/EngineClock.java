package th.qaflow.cycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.AcademicYears;

/**
 * "Now" as the process engine sees it, for every module that compares with task dates (reminders, the
 * outbox, the feed, the dashboards and their read model): the process engine's clock. Due dates, timers and task
 * create times all follow that clock, and tests (and the demo) move it; reading the wall clock here
 * would put reminders out of step with the tasks they are about. Camunda's public API has no getter for
 * the engine clock, so this is the one place QA Flow's main code reads {@code ClockUtil} (an impl class);
 * moving to Operaton means changing this one line.
 */
@Component
public class EngineClock {
  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** {@link #daysLate(Instant, Instant)} at the engine's now. */
  public long daysLate(Instant due) {
    return daysLate(due, now());
  }

  /**
   * How many days a task due at {@code due} is late at {@code now}: 0 until the due moment has passed, then
   * the whole calendar days (Asia/Bangkok) from the due date to today, at least 1. The one count that mails,
   * digests and the monitoring dashboard all show, so a mail never says a day less than the dashboard.
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
