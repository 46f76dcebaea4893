package th.qaflow.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.chrono.ThaiBuddhistDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.AcademicYears;

/**
 * Dates as people read them: Buddhist Era in Thai (31 พ.ค. 2569), Gregorian in English (31 May
 * 2026). Used from templates as {@code ${@thaiDates.date(value)}}.
 */
@Component("thaiDates")
public class ThaiDates {
  static final Locale THAI = Locale.forLanguageTag("th-TH");
  private static final DateTimeFormatter TH_DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", THAI)
          .withChronology(ThaiBuddhistChronology.INSTANCE);
  private static final DateTimeFormatter TH_DATE_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'น.'", THAI)
          .withChronology(ThaiBuddhistChronology.INSTANCE);
  private static final DateTimeFormatter EN_DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter EN_DATE_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

  public String date(Object value) {
    return date(value, LocaleContextHolder.getLocale());
  }

  public String dateTime(Object value) {
    return dateTime(value, LocaleContextHolder.getLocale());
  }

  /**
   * As {@link #date(Object)}, in the given language (the exports write their CSV date cells with
   * it).
   */
  public static String date(Object value, Locale locale) {
    return format(value, thai(locale) ? TH_DATE : EN_DATE);
  }

  public static String dateTime(Object value, Locale locale) {
    return format(value, thai(locale) ? TH_DATE_TIME : EN_DATE_TIME);
  }

  /**
   * The moment as a date and time in Thailand: Date, Instant, LocalDate(Time), ZonedDateTime or
   * yyyy-MM-dd text.
   */
  public static ZonedDateTime inThailand(Object value) {
    return toZoned(value);
  }

  /** The academic year as the user says it: ปีการศึกษา 2569 in Thai, 2569 (2026/27) in English. */
  public String academicYear(int yearBE) {
    int ce = AcademicYears.firstCalendarYear(yearBE);
    return thai()
        ? String.valueOf(yearBE)
        : yearBE + " (" + ce + "/" + String.valueOf(ce + 1).substring(2) + ")";
  }

  private static boolean thai() {
    return thai(LocaleContextHolder.getLocale());
  }

  private static boolean thai(Locale locale) {
    return !"en".equals(locale.getLanguage());
  }

  private static String format(Object value, DateTimeFormatter formatter) {
    ZonedDateTime time = toZoned(value);
    if (time == null) {
      return "";
    }
    if (formatter.getChronology() == ThaiBuddhistChronology.INSTANCE) {
      // format through the chronology's own date so the year is BE even on JDKs that ignore
      // withChronology for time
      return formatter.format(ThaiBuddhistDate.from(time).atTime(time.toLocalTime()));
    }
    return formatter.format(time);
  }

  private static ZonedDateTime toZoned(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(AcademicYears.ZONE);
    }
    if (value instanceof Instant i) {
      return i.atZone(AcademicYears.ZONE);
    }
    if (value instanceof LocalDateTime ldt) {
      return ldt.atZone(AcademicYears.ZONE);
    }
    if (value instanceof LocalDate ld) {
      return ld.atStartOfDay(AcademicYears.ZONE);
    }
    if (value instanceof ZonedDateTime z) {
      return z.withZoneSameInstant(AcademicYears.ZONE);
    }
    if (value instanceof String s && !s.isBlank()) {
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s)
          .atStartOfDay(AcademicYears.ZONE);
    }
    throw new IllegalArgumentException("Not a date: " + value);
  }
}
