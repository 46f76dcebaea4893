package th.qaflow.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AcademicYearsTest {
  @Test
  void theYearRunsFromSixteenMay() {
    assertThat(AcademicYears.of(java.time.LocalDate.of(2027, 5, 15))).isEqualTo(2569);
    assertThat(AcademicYears.of(java.time.LocalDate.of(2027, 5, 16))).isEqualTo(2570);
    assertThat(AcademicYears.start(2570)).isEqualTo(java.time.LocalDate.of(2027, 5, 16));
    assertThat(AcademicYears.end(2570)).isEqualTo(java.time.LocalDate.of(2028, 5, 15));
  }

  @Test
  void aTypedYearIsFourDigitsInTheBuddhistEra() {
    assertThat(AcademicYears.parse(" 2569 ")).isEqualTo(2569);
    assertThat(AcademicYears.parse("2026")).isNull(); // the Christian year typed by mistake
    assertThat(AcademicYears.parse("25690")).isNull();
    assertThat(AcademicYears.parse("๒๕๖๙")).isNull();
    assertThat(AcademicYears.parse(null)).isNull();
  }

  @Test
  void aYearIsStartedOnlyNearTheCurrentOne() {
    // 4 December 2026 is in academic year 2569
    Clock clock =
        Clock.fixed(
            LocalDateTime.of(2026, 12, 4, 9, 0).atZone(AcademicYears.ZONE).toInstant(),
            ZoneId.of("UTC"));
    assertThat(AcademicYears.startable("2568", clock)).isEqualTo(2568);
    assertThat(AcademicYears.startable("2569", clock)).isEqualTo(2569);
    assertThat(AcademicYears.startable("2570", clock)).isEqualTo(2570);
    assertThat(AcademicYears.startable("2567", clock)).isNull();
    assertThat(AcademicYears.startable("2571", clock)).isNull();
    assertThat(AcademicYears.startable("x", clock)).isNull();
  }
}
