package th.qaflow.forms;

import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import th.qaflow.forms.internal.DisplayFormats;

/** Conversions between stored values (process variables) and what a form shows. */
public final class FormValues {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DATE_HH_MM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private FormValues() {}

  /**
   * The strings to pre-fill a form with, by key: each input's current variable value, or the
   * component's {@code defaultValue} when the variable is absent or null. Checkboxes give
   * {@code "true"} or {@code ""}; numbers plain digits; dates, times and date-times the HTML input
   * formats ({@code yyyy-MM-dd}, {@code HH:mm}, {@code yyyy-MM-dd'T'HH:mm}). Keys with neither a
   * value nor a default are left out.
   *
   * @param variables process variables (may be {@code null}, e.g. a task never seen before)
   */
  public static Map<String, String> toRaw(FormSchema schema, Map<String, ?> variables) {
    Map<String, String> raw = new LinkedHashMap<>();
    for (FormComponent c : schema.inputs()) {
      Object value = variables == null ? null : variables.get(c.key());
      if (value == null) {
        value = c.defaultValue();
      }
      if (value == null) {
        continue;
      }
      raw.put(c.key(), toRaw(c, value));
    }
    return raw;
  }

  static String toRaw(FormComponent c, Object value) {
    switch (c.type()) {
      case FormComponent.CHECKBOX:
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value).strip())
            ? "true" : "";
      case FormComponent.NUMBER:
        return DisplayFormats.number(value);
      case FormComponent.DATETIME:
        if (value instanceof String s) {
          return s;
        }
        try {
          return switch (c.subtype()) {
            case FormComponent.SUBTYPE_TIME -> DisplayFormats.toTime(value).format(HH_MM);
            case FormComponent.SUBTYPE_DATETIME -> DisplayFormats.toDateTime(value).format(DATE_HH_MM);
            default -> DisplayFormats.toDate(value).toString();
          };
        } catch (DateTimeException | IllegalArgumentException | UnsupportedOperationException e) {
          return String.valueOf(value);
        }
      default:
        if (value instanceof Collection<?> list) {
          return list.isEmpty() ? "" : String.valueOf(list.iterator().next());
        }
        return String.valueOf(value);
    }
  }
}
