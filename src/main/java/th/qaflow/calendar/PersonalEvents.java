package th.qaflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Dated events of one person that are not tasks (e.g. the meetings of the committees they sit on),
 * for their personal calendar feed. Any module may implement it as a Spring bean.
 */
public interface PersonalEvents {
  /** The person's events that start from {@code from} to {@code to} (Bangkok dates, inclusive). */
  List<Event> of(String userId, LocalDate from, LocalDate to, Locale locale);

  /**
   * One timed event.
   *
   * @param uid stable over time and unique among the feed's events (e.g. "meeting-12")
   * @param place where it happens (may be empty)
   * @param link the page that holds it (relative)
   */
  record Event(
      String uid,
      Instant start,
      Instant end,
      String title,
      String place,
      String description,
      String link) {}
}
