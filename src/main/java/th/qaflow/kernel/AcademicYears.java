package th.qaflow.kernel;

import java.time.LocalDate;
import java.time.ZoneId;

/** The Thai academic year (ปีการศึกษา) in the Buddhist Era runs 16 May to 15 May. */
public final class AcademicYears {
  /** Thailand has one time zone and no daylight saving; every deadline is a Bangkok date. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Bangkok");

  private static final int BE_OFFSET = 543;

  private AcademicYears() {}

  public static int firstCalendarYear(int academicYearBE) {
    return academicYearBE - BE_OFFSET;
  }

  public static int of(LocalDate date) {
    int ce =
        date.isBefore(LocalDate.of(date.getYear(), 5, 16)) ? date.getYear() - 1 : date.getYear();
    return ce + BE_OFFSET;
  }

  /** The academic year of today on the given clock (the kernel's engine clock). */
  public static int current(java.time.Clock clock) {
    return of(LocalDate.now(clock.withZone(ZONE)));
  }

  public static LocalDate start(int academicYearBE) {
    return LocalDate.of(firstCalendarYear(academicYearBE), 5, 16);
  }

  public static LocalDate end(int academicYearBE) {
    return LocalDate.of(firstCalendarYear(academicYearBE) + 1, 5, 15);
  }
}
