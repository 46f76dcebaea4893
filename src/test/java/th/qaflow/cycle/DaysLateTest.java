package th.qaflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.DaysLate;

/**
 * The one "days late" count of mails and the dashboard: Bangkok calendar days, at least 1 once past
 * due.
 */
class DaysLateTest {
  static final Instant DUE = bangkok(2026, 5, 24, 23, 59, 59);

  @Test
  void countsBangkokCalendarDaysNotElapsedHours() {
    assertThat(DaysLate.of(DUE, bangkok(2026, 5, 20, 9, 0, 0))).as("not yet due").isZero();
    assertThat(DaysLate.of(DUE, DUE)).as("at the due moment").isZero();
    assertThat(DaysLate.of(DUE, bangkok(2026, 5, 25, 0, 0, 1))).isEqualTo(1);
    // 2 days 8 hours after the due moment is the 3rd day after the due date: a mail used to say 2,
    // the dashboard 3
    assertThat(DaysLate.of(DUE, bangkok(2026, 5, 27, 8, 0, 0))).isEqualTo(3);
    // a due moment early in its day, seen late the same day: still 1 (never 0 once overdue)
    assertThat(DaysLate.of(bangkok(2026, 5, 24, 0, 0, 0), bangkok(2026, 5, 24, 23, 0, 0)))
        .isEqualTo(1);
    // 01:00 Bangkok is still the previous day in UTC: the Bangkok date counts
    assertThat(DaysLate.of(DUE, bangkok(2026, 5, 26, 1, 0, 0))).isEqualTo(2);
    assertThat(DaysLate.of(null, bangkok(2026, 5, 26, 1, 0, 0))).isZero();
  }

  static Instant bangkok(int y, int m, int d, int h, int min, int s) {
    return LocalDateTime.of(y, m, d, h, min, s).atZone(AcademicYears.ZONE).toInstant();
  }
}
