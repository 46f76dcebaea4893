package th.qaflow.kernel;

import java.time.LocalDate;
import java.time.ZoneId;

/** The Thai academic year (ปีการศึกษา) in the Buddhist Era runs 16 May to 15 May. */
public final class AcademicYears {
  /** Thailand has one time zone and no daylight saving; every deadline is a Bangkok date. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Bangkok");

  private static final int BE_OFFSET = 543;

  /** The range a year typed into a page may take (Buddhist Era). */
  private static final int MIN_TYPED = 2500;

  private static final int MAX_TYPED = 2799;

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

  /** A year typed into a page: four digits from 2500 to 2799 (Buddhist Era), else null. */
  public static Integer parse(String text) {
    if (text == null || !text.strip().matches("\\d{4}")) {
      return null;
    }
    int year = Integer.parseInt(text.strip());
    return year >= MIN_TYPED && year <= MAX_TYPED ? year : null;
  }

  /**
   * A year typed into a "start the year's work" form: the current year, the one before (late
   * starts) or the next (preparation); anything else is a typing mistake, so null.
   */
  public static Integer startable(String text, java.time.Clock clock) {
    Integer year = parse(text);
    int current = current(clock);
    return year == null || year < current - 1 || year > current + 1 ? null : year;
  }

  public static LocalDate start(int academicYearBE) {
    return LocalDate.of(firstCalendarYear(academicYearBE), 5, 16);
  }

  public static LocalDate end(int academicYearBE) {
    return LocalDate.of(firstCalendarYear(academicYearBE) + 1, 5, 15);
  }
}
