package th.qaflow.calendar;

import java.util.List;
import th.qaflow.kernel.Stage;

/**
 * One problem with a calendar: the stage it belongs to (null for the year itself), the field
 * ({@code "opens"}, {@code "due"} or {@code "year"}), the message key (in {@code i18n/calendar_*})
 * and its arguments (dates as {@link java.time.LocalDate}, stages as {@link Stage}, numbers as they
 * are).
 */
public record CalendarError(Stage stage, String field, String messageKey, List<Object> args) {
  public CalendarError {
    args = List.copyOf(args);
  }

  public static CalendarError of(Stage stage, String field, String messageKey, Object... args) {
    return new CalendarError(stage, field, messageKey, List.of(args));
  }
}
