package th.qaflow.forms;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a form is filled in against: the task's process variables (top level; FEEL conditions see
 * them, overlaid by the form's own current values; {@code valuesKey} options, {@code rowsFrom}
 * rows, {@code academicYear} and the current value of file pickers come from them), the documents
 * module's check of uploaded files, and the locale for messages that carry formatted values.
 */
public record FormContext(Map<String, Object> variables, UploadCheck uploadCheck, Locale locale) {

  public FormContext {
    variables =
        variables == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(variables));
    uploadCheck = uploadCheck == null ? UploadCheck.ACCEPT_ALL : uploadCheck;
    locale = locale == null ? Locale.forLanguageTag("th-TH") : locale;
  }

  /** The variables, every upload accepted, Thai. */
  public static FormContext of(Map<String, ?> variables) {
    return new FormContext(variables == null ? null : new HashMap<>(variables), null, null);
  }

  /** No variables. */
  public static FormContext empty() {
    return of(null);
  }
}
