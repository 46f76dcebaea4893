package th.qaflow.kernel;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A stage's default window, as days of the academic year: months are counted from the start of the
 * academic year (16 May of the year BE - 543), so a year offset of 1 means the following calendar
 * year.
 */
public record StageDates(MonthDay opens, int opensYearOffset, MonthDay due, int dueYearOffset) {

  /**
   * {@code opens(5, 16, 0, 5, 24, 0)}: opens 16 May, due 24 May of the year's first calendar year.
   */
  public static StageDates of(
      int opensMonth,
      int opensDay,
      int opensYearOffset,
      int dueMonth,
      int dueDay,
      int dueYearOffset) {
    return new StageDates(
        MonthDay.of(opensMonth, opensDay),
        opensYearOffset,
        MonthDay.of(dueMonth, dueDay),
        dueYearOffset);
  }

  public LocalDate opens(int academicYearBE) {
    return opens.atYear(AcademicYears.firstCalendarYear(academicYearBE) + opensYearOffset);
  }

  public LocalDate due(int academicYearBE) {
    return due.atYear(AcademicYears.firstCalendarYear(academicYearBE) + dueYearOffset);
  }
}
