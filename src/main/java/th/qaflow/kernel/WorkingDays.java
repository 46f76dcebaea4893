package th.qaflow.kernel;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Working days of the district office: Monday to Friday, minus the holidays of {@code
 * qaflow.district.holidays} (ISO dates, e.g. {@code 2027-04-13,2027-04-14}). Every due date counted
 * in working days (a SAR review, a help-desk answer) uses this one list.
 */
@Component
public class WorkingDays {
  private final Set<LocalDate> holidays;

  public WorkingDays(@Value("${qaflow.district.holidays:}") List<String> holidays) {
    this.holidays = new TreeSet<>();
    for (String h : holidays) {
      if (h != null && !h.isBlank()) {
        this.holidays.add(LocalDate.parse(h.strip()));
      }
    }
  }

  public boolean isWorkingDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY
        && day.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidays.contains(day);
  }

  /** The day {@code n} working days after {@code from} (not counting {@code from} itself). */
  public LocalDate after(LocalDate from, int n) {
    LocalDate day = from;
    int counted = 0;
    while (counted < n) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }
}
