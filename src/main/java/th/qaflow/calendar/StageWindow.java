package th.qaflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.Stage;

/** When a stage opens and when it is due, as dates of the district calendar. */
public record StageWindow(Stage stage, LocalDate opens, LocalDate due) {
  /** Work may start at the beginning of the school day. */
  static final LocalTime OPENS_AT = LocalTime.of(8, 0);

  /** A stage due on a date may be completed until the end of that day. */
  static final LocalTime DUE_AT = LocalTime.of(23, 59, 59);

  /** The default window of domain.md for the stage in the academic year. */
  public static StageWindow defaults(Stage stage, int academicYearBE) {
    return new StageWindow(
        stage, stage.defaultOpens(academicYearBE), stage.defaultDue(academicYearBE));
  }

  public Instant opensAt() {
    return opens.atTime(OPENS_AT).atZone(AcademicYears.ZONE).toInstant();
  }

  public Instant dueAt() {
    return due.atTime(DUE_AT).atZone(AcademicYears.ZONE).toInstant();
  }
}
