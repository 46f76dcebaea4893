package th.qaflow.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {
  @Test
  void skipsWeekendsAndConfiguredHolidays() {
    WorkingDays plain = new WorkingDays(List.of());
    // Friday 4 June 2027 + 1 working day = Monday 7 June
    assertThat(plain.after(LocalDate.of(2027, 6, 4), 1)).isEqualTo(LocalDate.of(2027, 6, 7));
    // 15 working days from Monday 31 May 2027 = Monday 21 June
    assertThat(plain.after(LocalDate.of(2027, 5, 31), 15)).isEqualTo(LocalDate.of(2027, 6, 21));
    WorkingDays withHolidays = new WorkingDays(List.of("2027-06-03", " 2027-06-07", ""));
    assertThat(withHolidays.isWorkingDay(LocalDate.of(2027, 6, 3))).isFalse();
    assertThat(withHolidays.after(LocalDate.of(2027, 5, 31), 15))
        .isEqualTo(LocalDate.of(2027, 6, 23));
  }
}
