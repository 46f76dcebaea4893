package th.qaflow.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.Stage;

/**
 * The rules a district calendar must keep (checked on the server before anything is saved):
 *
 * <ol>
 *   <li>The academic year is a Buddhist-Era year from {@value #MIN_YEAR} to {@value #MAX_YEAR}; a
 *       year that looks like the Common Era (1900–2300) is refused with the BE year it probably
 *       means (CE + 543).
 *   <li>Every stage opens inside the academic year (16 May – 15 May, {@link AcademicYears}).
 *   <li>Every stage is due inside the academic year too, except the stages whose default deadline
 *       already lies after the year's end (the SAR submission and publication, due 31 May): they
 *       may be due until 30 June after the year, when the district's own synthesis is due.
 *   <li>A stage is due no earlier than it opens (the same day is allowed).
 *   <li>Stages keep the order of the year: each stage opens no earlier than the stage before it in
 *       the order of the stage registry opens. Equal openings are allowed, so windows may overlap —
 *       the three standards stages all open on 16 May and the SAR stages all open on 1 April by
 *       default. Due dates are not ordered against each other. The order holds for the stages that
 *       keep the year's order ({@link Stage#keepsYearOrder()}, the school's); the stages appended
 *       after them (the district's own work) run alongside the school year.
 * </ol>
 */
public final class CalendarRules {
  public static final int MIN_YEAR = 2500;
  public static final int MAX_YEAR = 2700;
  private static final int BE_OFFSET = 543;

  private CalendarRules() {}

  /** Problems with the academic year itself (empty when it is a plausible BE year). */
  public static List<CalendarError> checkYear(int academicYear) {
    if (academicYear >= MIN_YEAR && academicYear <= MAX_YEAR) {
      return List.of();
    }
    if (academicYear >= 1900 && academicYear <= 2300) {
      return List.of(
          CalendarError.of(
              null, "year", "calendar.error.yearCe", academicYear, academicYear + BE_OFFSET));
    }
    return List.of(CalendarError.of(null, "year", "calendar.error.yearRange", MIN_YEAR, MAX_YEAR));
  }

  /** The latest due date a stage may have in the year (rule 3). */
  public static LocalDate latestDue(Stage stage, int academicYear) {
    LocalDate end = AcademicYears.end(academicYear);
    return stage.defaultDue(academicYear).isAfter(end) ? LocalDate.of(end.getYear(), 6, 30) : end;
  }

  /**
   * Checks a whole calendar (every one of {@code stages} present) and returns every problem, in
   * stage order.
   */
  public static List<CalendarError> check(
      int academicYear, List<Stage> stages, Map<Stage, StageWindow> windows) {
    List<CalendarError> errors = new ArrayList<>(checkYear(academicYear));
    if (!errors.isEmpty()) {
      return errors;
    }
    LocalDate start = AcademicYears.start(academicYear);
    LocalDate end = AcademicYears.end(academicYear);
    StageWindow previous = null;
    for (Stage stage : stages) {
      StageWindow w = windows.get(stage);
      if (w == null || w.opens() == null || w.due() == null) {
        errors.add(
            CalendarError.of(
                stage, w == null || w.opens() == null ? "opens" : "due", "calendar.error.missing"));
        continue;
      }
      if (w.opens().isBefore(start) || w.opens().isAfter(end)) {
        errors.add(CalendarError.of(stage, "opens", "calendar.error.opensOutsideYear", start, end));
      }
      LocalDate latest = latestDue(stage, academicYear);
      if (w.due().isBefore(start) || w.due().isAfter(latest)) {
        errors.add(CalendarError.of(stage, "due", "calendar.error.dueOutsideYear", start, latest));
      }
      if (w.due().isBefore(w.opens())) {
        errors.add(CalendarError.of(stage, "due", "calendar.error.dueBeforeOpens", w.opens()));
      }
      if (previous != null && stage.keepsYearOrder() && w.opens().isBefore(previous.opens())) {
        errors.add(
            CalendarError.of(
                stage, "opens", "calendar.error.order", previous.stage(), previous.opens()));
      }
      previous = w;
    }
    return errors;
  }
}
