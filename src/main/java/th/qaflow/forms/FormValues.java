package th.qaflow.forms;

import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import th.qaflow.forms.internal.DisplayFormats;
import th.qaflow.forms.internal.Paths;

/** Conversions between stored values (process variables) and what a form shows. */
public final class FormValues {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DATE_HH_MM =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private FormValues() {}

  /**
   * The strings to pre-fill a form with, by key, for forms without lists: each top-level input's
   * current variable value, or the component's {@code defaultValue} when the variable is absent or
   * null (the first value of a checklist). Checkboxes give {@code "true"} or {@code ""}; numbers
   * plain digits; dates, times and date-times the HTML input formats ({@code yyyy-MM-dd}, {@code
   * HH:mm}, {@code yyyy-MM-dd'T'HH:mm}). Keys with neither a value nor a default are left out.
   * Prefer {@link #initial}, which also fills groups, list rows and multiple values.
   *
   * @param variables process variables (may be {@code null}, e.g. a task never seen before)
   */
  public static Map<String, String> toRaw(FormSchema schema, Map<String, ?> variables) {
    Map<String, String> raw = new LinkedHashMap<>();
    initial(schema, variables)
        .forEach(
            (path, values) -> {
              if (!values.isEmpty()) {
                raw.put(path, values.get(0));
              }
            });
    return raw;
  }

  /**
   * The pre-filled form, by parameter path (as {@link FormResult#raw()}): every input's current
   * value or default (only the default for an input marked {@link FormComponent#CARRY} {@code
   * never}: a decision, its comment or date, asked afresh in every round); a list's rows from its
   * own variable, else from its {@code rowsFrom} variables (seeded rows), else {@code
   * defaultRepetitions} empty rows; each row also as an entry {@code rows[i]} without values. File
   * pickers have no text to pre-fill.
   */
  public static Map<String, List<String>> initial(FormSchema schema, Map<String, ?> variables) {
    Map<String, Object> vars = new LinkedHashMap<>();
    if (variables != null) {
      vars.putAll(variables);
    }
    Map<String, List<String>> raw = new LinkedHashMap<>();
    fill(schema.components(), "", vars, vars, raw);
    return raw;
  }

  private static void fill(
      List<FormComponent> components,
      String prefix,
      Map<String, Object> base,
      Map<String, Object> variables,
      Map<String, List<String>> raw) {
    for (FormComponent c : components) {
      if (!c.isSupported()) {
        continue;
      }
      if (c.isPathGroup()) {
        fill(
            c.components(), prefix + c.path() + ".", Paths.map(base.get(c.path())), variables, raw);
      } else if (c.isGroup()) {
        fill(c.components(), prefix, base, variables, raw);
      } else if (c.isList()) {
        String path = prefix + c.path();
        List<Map<String, Object>> rows = seededRows(c, base, variables);
        for (int i = 0; i < rows.size(); i++) {
          raw.put(path + "[" + i + "]", List.of());
          fill(c.components(), path + "[" + i + "].", rows.get(i), variables, raw);
        }
      } else if (c.isInput() && !FormComponent.FILEPICKER.equals(c.type())) {
        // a decision (qaflow.carry=never) starts from its default, never from an earlier round's
        // answer
        Object value = c.carriesOver() ? base.get(c.key()) : null;
        if (value == null) {
          value = c.defaultValue();
        }
        if (value != null) {
          raw.put(prefix + c.key(), rawList(c, value));
        }
      }
    }
  }

  /**
   * The rows a list starts with: its own current value, else the concatenated rows of its {@code
   * rowsFrom} variables (each a copy of the source map), else {@code defaultRepetitions} empty
   * rows.
   */
  public static List<Map<String, Object>> seededRows(
      FormComponent list, Map<String, ?> base, Map<String, ?> variables) {
    List<Map<String, Object>> own = Paths.rows(base == null ? null : base.get(list.path()));
    if (own != null) {
      return own;
    }
    if (!list.rowsFrom().isEmpty()) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (String from : list.rowsFrom()) {
        Object source =
            base != null && base.containsKey(from)
                ? base.get(from)
                : variables == null ? null : variables.get(from);
        List<Map<String, Object>> r = Paths.rows(source);
        if (r != null) {
          rows.addAll(r);
        }
      }
      return rows;
    }
    List<Map<String, Object>> empty = new ArrayList<>();
    int n = list.defaultRepetitions() == null ? 0 : list.defaultRepetitions();
    for (int i = 0; i < n; i++) {
      empty.add(new LinkedHashMap<>());
    }
    return empty;
  }

  /** A stored value as the strings its input shows (several for a checklist or taglist). */
  public static List<String> rawList(FormComponent c, Object value) {
    if (c.isMultiChoice()) {
      if (value instanceof Collection<?> list) {
        return list.stream().filter(java.util.Objects::nonNull).map(String::valueOf).toList();
      }
      return value == null ? List.of() : List.of(String.valueOf(value));
    }
    return List.of(toRaw(c, value));
  }

  static String toRaw(FormComponent c, Object value) {
    switch (c.type()) {
      case FormComponent.CHECKBOX:
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value).strip())
            ? "true"
            : "";
      case FormComponent.NUMBER:
        return DisplayFormats.number(value);
      case FormComponent.DATETIME:
        if (value instanceof String s) {
          return s;
        }
        try {
          return switch (c.subtype()) {
            case FormComponent.SUBTYPE_TIME -> DisplayFormats.toTime(value).format(HH_MM);
            case FormComponent.SUBTYPE_DATETIME ->
                DisplayFormats.toDateTime(value).format(DATE_HH_MM);
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
