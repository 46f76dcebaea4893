package th.qaflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Dated events of a district that are not stage windows (e.g. a committee's meetings), shown on the
 * district calendar below its stages. Any module may implement it as a Spring bean.
 */
public interface CalendarEvents {
  /** The district's events from {@code from} to {@code to} (inclusive, Bangkok dates). */
  List<Event> events(String districtCode, LocalDate from, LocalDate to);

  /**
   * One event.
   *
   * @param link the page that holds it (relative), or null
   */
  record Event(Instant at, String title, String link) {}
}
