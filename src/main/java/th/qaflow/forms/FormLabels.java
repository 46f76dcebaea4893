package th.qaflow.forms;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What people read instead of a variable's name or stored value: the label of the form field that
 * wrote it (a decision, a document's slot such as sarFile) and the label of the chosen option (such
 * as approve). A visit round's slot (V2.visitOrderFile) gets its round in words. Unknown names are
 * shown as they are. Templates call it as the bean formLabels.
 */
@Component("formLabels")
public class FormLabels {
  private static final Pattern ROUND = Pattern.compile("^V(\\d+)\\.(.+)$");

  private final Map<String, FormComponent> byKey = new HashMap<>();

  public FormLabels(FormCatalog catalog) {
    for (FormSchema form : catalog.all()) {
      for (FormComponent input : form.inputs()) {
        byKey.putIfAbsent(input.key(), input);
      }
    }
  }

  /** The field's label for a variable or document slot name, in the current language. */
  public String label(String name) {
    if (name == null) {
      return "";
    }
    Locale locale = LocaleContextHolder.getLocale();
    Matcher round = ROUND.matcher(name);
    if (round.matches()) {
      String label = input(round.group(2)).map(i -> i.labelFor(locale)).orElse(round.group(2));
      boolean english = "en".equals(locale.getLanguage());
      return label + (english ? " (visit " : " (การนิเทศครั้งที่ ") + round.group(1) + ")";
    }
    return input(name).map(i -> i.labelFor(locale)).orElse(name);
  }

  /** The chosen option's label for a stored value, in the current language. */
  public String value(String name, Object value) {
    if (value == null) {
      return "";
    }
    String shown =
        input(name).map(i -> i.displayValue(value, LocaleContextHolder.getLocale())).orElse(null);
    return shown == null ? String.valueOf(value) : shown;
  }

  private Optional<FormComponent> input(String key) {
    return Optional.ofNullable(byKey.get(key));
  }
}
