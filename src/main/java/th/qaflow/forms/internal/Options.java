package th.qaflow.forms.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import th.qaflow.forms.FormComponent;
import th.qaflow.forms.FormOption;

/**
 * The options of a choice: its static {@code values}, or the rows of its {@code valuesKey}
 * variable.
 */
public final class Options {

  private Options() {}

  /**
   * @param local the data of the enclosing list row or group (looked up first), may be {@code null}
   * @param variables the context variables
   */
  public static List<FormOption> of(
      FormComponent c, Map<String, ?> local, Map<String, ?> variables) {
    if (c.valuesKey() == null) {
      return c.values();
    }
    Object source = Paths.lookup(local, c.valuesKey());
    if (source == null) {
      source = Paths.lookup(variables, c.valuesKey());
    }
    return fromVariable(source);
  }

  /**
   * Options from a list of maps ({@code value}, {@code label}, {@code label_en}) or of plain
   * values.
   */
  public static List<FormOption> fromVariable(Object source) {
    if (!(source instanceof Collection<?> rows)) {
      return List.of();
    }
    List<FormOption> options = new ArrayList<>();
    for (Object row : rows) {
      if (row instanceof Map<?, ?> m) {
        Object value = m.get("value");
        if (value == null) {
          continue;
        }
        Object label = m.get("label");
        Object labelEn = m.containsKey("label_en") ? m.get("label_en") : m.get("labelEn");
        options.add(
            new FormOption(
                String.valueOf(value),
                label == null ? String.valueOf(value) : String.valueOf(label),
                labelEn == null ? null : String.valueOf(labelEn)));
      } else if (row != null) {
        options.add(new FormOption(String.valueOf(row), String.valueOf(row), null));
      }
    }
    return options;
  }
}
