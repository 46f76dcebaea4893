package th.qaflow.notification.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes an RFC 5545 calendar by hand: one all-day VEVENT per open task on its due date (Bangkok),
 * with a UID stable per task, then one timed VEVENT (UTC times) per other event of the person
 * (their committees' meetings), text escaped (backslash, semicolon, comma, newline) and lines
 * folded at 75 octets without splitting a UTF-8 character. All-day events need no VTIMEZONE; the
 * due time (23:59 Bangkok by default) is in the description.
 */
public final class IcsFeed {
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** One event: the task, its school and stage in the reader's language, and its link. */
  public record Event(OpenTask task, String summary, String description, String link) {}

  private IcsFeed() {}

  /** One timed event that is not a task (a committee meeting), from {@code PersonalEvents}. */
  public record Timed(
      String uid,
      Instant start,
      Instant end,
      String summary,
      String location,
      String description,
      String link) {}

  public static String write(
      String calendarName, List<Event> events, List<Timed> timed, Instant now, String uidDomain) {
    StringBuilder out = new StringBuilder();
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//QA Flow//Task deadlines//TH");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, "X-WR-CALNAME:" + text(calendarName));
    line(out, "X-WR-TIMEZONE:Asia/Bangkok");
    line(out, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    line(out, "X-PUBLISHED-TTL:PT1H");
    for (Event e : events) {
      line(out, "BEGIN:VEVENT");
      line(out, "UID:task-" + e.task().id() + "@" + uidDomain);
      line(out, "DTSTAMP:" + UTC.format(now));
      line(out, "DTSTART;VALUE=DATE:" + DATE.format(e.task().dueDate()));
      line(out, "DTEND;VALUE=DATE:" + DATE.format(e.task().dueDate().plusDays(1)));
      line(out, "SUMMARY:" + text(e.summary()));
      line(out, "DESCRIPTION:" + text(e.description()));
      line(out, "URL:" + e.link());
      line(out, "TRANSP:TRANSPARENT");
      line(out, "END:VEVENT");
    }
    for (Timed e : timed) {
      line(out, "BEGIN:VEVENT");
      line(out, "UID:" + e.uid() + "@" + uidDomain);
      line(out, "DTSTAMP:" + UTC.format(now));
      line(out, "DTSTART:" + UTC.format(e.start()));
      line(out, "DTEND:" + UTC.format(e.end()));
      line(out, "SUMMARY:" + text(e.summary()));
      if (!e.location().isBlank()) {
        line(out, "LOCATION:" + text(e.location()));
      }
      line(out, "DESCRIPTION:" + text(e.description()));
      line(out, "URL:" + e.link());
      line(out, "END:VEVENT");
    }
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  /** TEXT value escaping of RFC 5545 §3.3.11. */
  static String text(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n");
  }

  /** Appends a content line folded at 75 octets (§3.1), CRLF-terminated. */
  static void line(StringBuilder out, String line) {
    int octets = 0;
    int limit = 75;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + len > limit) {
        out.append("\r\n ");
        octets = 1;
        limit = 75;
      }
      out.appendCodePoint(cp);
      octets += len;
      i += Character.charCount(cp);
    }
    out.append("\r\n");
  }
}
