package th.qaflow.calendar;

import java.util.List;
import th.qaflow.security.QaUser;

/**
 * Changing a district's calendar of an academic year. A save is all-or-nothing: every stage is
 * checked against {@link CalendarRules}; if any is wrong nothing changes and a {@link
 * CalendarValidationException} lists every problem. Otherwise, in the same transaction, each
 * changed stage is stored, everything that follows its dates is moved (open tasks' due dates,
 * pending BPMN timers: see {@link DeadlineFollower}), an audit row is written and a {@link
 * DeadlineMoved} event is published.
 */
public interface CalendarEditor {

  /**
   * Saves the given windows (usually every stage; stages not in the list keep their current dates).
   * Only the district's QA officer and administrators may: anyone else gets an {@link
   * org.springframework.security.access.AccessDeniedException} and nothing changes.
   */
  CalendarChangeReport save(
      String districtCode, int academicYearBE, List<StageWindow> windows, QaUser actor);

  /**
   * Sets every stage back to the defaults of domain.md (a save of {@link StageWindow#defaults}).
   */
  CalendarChangeReport resetToDefaults(String districtCode, int academicYearBE, QaUser actor);

  /** Every stage of the district's year: its own dates or the default, in the order of the year. */
  List<StageWindow> windows(String districtCode, int academicYearBE);

  /** The recorded changes of the district's year, newest first. */
  List<CalendarChange> history(String districtCode, int academicYearBE);
}
