package th.qaflow.calendar;

import java.util.List;

/** What a save changed: one entry per stage whose window changed (empty when nothing changed). */
public record CalendarChangeReport(
    String districtCode, int academicYear, List<CalendarChange> changes) {
  public int tasksMoved() {
    return changes.stream().mapToInt(CalendarChange::tasksMoved).sum();
  }

  public int timersMoved() {
    return changes.stream().mapToInt(CalendarChange::timersMoved).sum();
  }
}
