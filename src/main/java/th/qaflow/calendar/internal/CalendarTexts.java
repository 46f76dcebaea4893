package th.qaflow.calendar.internal;

import java.time.LocalDate;
import java.time.chrono.ThaiBuddhistDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.CalendarError;
import th.qaflow.kernel.Stage;

/**
 * Turns calendar errors into sentences in the user's language: dates in the Buddhist Era in Thai (1
 * ส.ค. 2569), Gregorian in English, stages by their names. (The web module's ThaiDates does the
 * same for templates; the calendar keeps its own few lines because the web module depends on the
 * calendar.)
 */
@Component
class CalendarTexts {
  static final Locale THAI = Locale.forLanguageTag("th-TH");
  private static final DateTimeFormatter TH = DateTimeFormatter.ofPattern("d MMM yyyy", THAI);
  private static final DateTimeFormatter EN =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private final MessageSource messages;

  CalendarTexts(MessageSource messages) {
    this.messages = messages;
  }

  String message(CalendarError error, Locale locale) {
    Object[] args = error.args().stream().map(a -> arg(a, locale)).toArray();
    return messages.getMessage(error.messageKey(), args, locale);
  }

  String message(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  private Object arg(Object arg, Locale locale) {
    if (arg instanceof LocalDate date) {
      return date(date, locale);
    }
    if (arg instanceof Stage stage) {
      return messages.getMessage(stage.messageKey(), null, locale);
    }
    if (arg instanceof Number n) {
      return String.valueOf(n); // no digit grouping: years read 2569, not 2,569
    }
    return arg;
  }

  static String date(LocalDate date, Locale locale) {
    return "en".equals(locale.getLanguage()) ? EN.format(date) : thaiDate(date);
  }

  /** The Thai Buddhist-Era date, whatever the user's language: 1 ส.ค. 2569. */
  static String thaiDate(LocalDate date) {
    return date == null ? "" : TH.format(ThaiBuddhistDate.from(date));
  }
}
