package th.qaflow.helpdesk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.WorkingDays;

/** The answer's due date skips weekends and the district's holidays, as the SAR review does. */
class AnswerDueTest {
  @Test
  void theThirdWorkingDaySkipsWeekendsAndHolidays() {
    // asked on Thursday 8 April 2027, 10:00 Bangkok
    Clock asked =
        Clock.fixed(
            LocalDateTime.of(2027, 4, 8, 10, 0).atZone(AcademicYears.ZONE).toInstant(),
            ZoneId.of("UTC"));
    HelpdeskSteps plain = steps(asked, List.of());
    // Friday 9, Monday 12, Tuesday 13
    assertThat(plain.answerDue(null).toInstant())
        .isEqualTo(
            LocalDateTime.of(2027, 4, 13, 23, 59, 59).atZone(AcademicYears.ZONE).toInstant());
    // Songkran: 13-15 April are holidays, so Friday 9, Monday 12, Friday 16
    HelpdeskSteps songkran = steps(asked, List.of("2027-04-13", "2027-04-14", "2027-04-15"));
    assertThat(songkran.answerDue(null).toInstant())
        .isEqualTo(
            LocalDateTime.of(2027, 4, 16, 23, 59, 59).atZone(AcademicYears.ZONE).toInstant());
  }

  private static HelpdeskSteps steps(Clock clock, List<String> holidays) {
    return new HelpdeskSteps(null, clock, null, null, null, new WorkingDays(holidays));
  }
}
