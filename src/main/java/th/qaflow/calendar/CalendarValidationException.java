package th.qaflow.calendar;

import java.util.List;

/** A calendar that breaks {@link CalendarRules}; nothing was saved. */
public class CalendarValidationException extends RuntimeException {
  private final transient List<CalendarError> errors;

  public CalendarValidationException(List<CalendarError> errors) {
    super("Calendar not valid: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<CalendarError> errors() {
    return errors;
  }
}
