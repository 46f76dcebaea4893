package th.qaflow.kernel;

import java.util.Date;

/**
 * For the modules whose processes take their tasks' due dates from the calendar (the district's
 * cycle, visits, ONESQA): moves the open tasks of a stage when a district moves the stage's due
 * date, with the same rule as new tasks get (the calendar's date, or later for a task done again
 * after a return, see {@code qaflow.calendar.rework-days}). Call it from the calendar module's
 * {@code DeadlineFollower}.
 */
public interface StageDeadlines {

  /**
   * Moves the open tasks with the given stage in the running instances of {@code processKey} that
   * have the variables {@code districtCode} and {@code academicYear}. Tasks marked {@code
   * due=listener} in the model ({@link TaskModel#PROPERTY_DUE}) keep their due date: it is not the
   * calendar's (e.g. relative to a visit).
   *
   * @return how many tasks got a new due date
   */
  int followDue(
      String processKey, String districtCode, int academicYearBE, Stage stage, Date calendarDue);

  /**
   * Moves the timer {@code timerActivityId} (a date the calendar sets, e.g. a window that opens or
   * a deadline the process waits for) in the running instances of {@code processKey} that have the
   * variables {@code districtCode} and {@code academicYear}.
   *
   * @return how many timers got the new date
   */
  int followTimer(
      String processKey, String districtCode, int academicYearBE, String timerActivityId, Date at);
}
