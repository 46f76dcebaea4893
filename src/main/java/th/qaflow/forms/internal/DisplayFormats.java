package th.qaflow.forms.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.Date;
import java.util.Locale;
import th.qaflow.forms.FormComponent;

/** How stored values are shown read-only: Buddhist-Era dates in Thai, plain numbers. */
public final class DisplayFormats {

  private static final Locale THAI = Locale.forLanguageTag("th-TH");
  private static final DateTimeFormatter THAI_DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", THAI)
          .withChronology(ThaiBuddhistChronology.INSTANCE);
  private static final DateTimeFormatter ENGLISH_DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private DisplayFormats() {}

  /** Shows a date/time value of the given subtype; values it cannot read are shown as they are. */
  public static String temporal(Object value, String subtype, Locale locale) {
    boolean thai = locale == null || !"en".equals(locale.getLanguage());
    try {
      return switch (subtype == null ? FormComponent.SUBTYPE_DATE : subtype) {
        case FormComponent.SUBTYPE_TIME -> time(toTime(value), thai);
        case FormComponent.SUBTYPE_DATETIME -> {
          LocalDateTime dt = toDateTime(value);
          yield date(dt.toLocalDate(), thai) + " " + time(dt.toLocalTime(), thai);
        }
        default -> date(toDate(value), thai);
      };
    } catch (DateTimeException | IllegalArgumentException | UnsupportedOperationException e) {
      return String.valueOf(value);
    }
  }

  public static String number(Object value) {
    if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return String.valueOf(d);
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }

  private static String date(LocalDate date, boolean thai) {
    return thai ? THAI_DATE.format(date) : ENGLISH_DATE.format(date);
  }

  private static String time(LocalTime time, boolean thai) {
    return thai ? TIME.format(time) + " น." : TIME.format(time);
  }

  /** Reads the values QA Flow stores (ISO strings) and the Java types an engine may hand back. */
  public static LocalDate toDate(Object value) {
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof LocalDateTime dt) {
      return dt.toLocalDate();
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }
    if (value instanceof Temporal t) {
      return LocalDate.from(t);
    }
    String s = String.valueOf(value).strip();
    return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
  }

  public static LocalTime toTime(Object value) {
    if (value instanceof LocalTime t) {
      return t;
    }
    if (value instanceof LocalDateTime dt) {
      return dt.toLocalTime();
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
    }
    if (value instanceof Temporal t) {
      return LocalTime.from(t);
    }
    return LocalTime.parse(String.valueOf(value).strip());
  }

  public static LocalDateTime toDateTime(Object value) {
    if (value instanceof LocalDateTime dt) {
      return dt;
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(ZoneId.systemDefault()).toLocalDateTime();
    }
    if (value instanceof Temporal t) {
      return LocalDateTime.from(t);
    }
    return LocalDateTime.parse(String.valueOf(value).strip());
  }
}
