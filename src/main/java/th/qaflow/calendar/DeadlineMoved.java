package th.qaflow.calendar;

import java.time.LocalDate;
import th.qaflow.kernel.Stage;

/**
 * Published (synchronously, inside the saving transaction) once per stage whose window a district
 * changed for a year; {@code oldDue} equals {@code newDue} when only the opening moved.
 */
public record DeadlineMoved(
    String districtCode, int academicYear, Stage stage, LocalDate oldDue, LocalDate newDue) {}
