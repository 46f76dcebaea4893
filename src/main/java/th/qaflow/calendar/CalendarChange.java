package th.qaflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import th.qaflow.kernel.Stage;

/**
 * One recorded change of a stage's window: who changed what, when, and how much followed the move.
 */
public record CalendarChange(
    String districtCode,
    int academicYear,
    Stage stage,
    LocalDate oldOpens,
    LocalDate oldDue,
    LocalDate newOpens,
    LocalDate newDue,
    String changedBy,
    Instant changedAt,
    int tasksMoved,
    int timersMoved) {}
