package th.qaflow.forms;

import java.math.BigDecimal;

/**
 * The {@code validate} block of a form-js component. Absent rules are {@code null}; numeric bounds
 * given as FEEL expressions (strings starting with {@code =}) are not evaluated and read as absent.
 *
 * @param required the field must have a value (a checkbox must be ticked)
 * @param min smallest allowed number ({@code number} only)
 * @param max largest allowed number ({@code number} only)
 * @param minLength fewest Unicode code points ({@code textfield}, {@code textarea})
 * @param maxLength most Unicode code points ({@code textfield}, {@code textarea})
 * @param pattern regular expression the trimmed text must contain a match of (as form-js's
 *     {@code RegExp.test}); anchor it with {@code ^…$} for a full match
 * @param validationType form-js's predefined check: {@code email}, {@code phone}, or {@code custom}
 */
public record FormValidation(
    boolean required,
    BigDecimal min,
    BigDecimal max,
    Integer minLength,
    Integer maxLength,
    String pattern,
    String validationType) {

  public static final FormValidation NONE =
      new FormValidation(false, null, null, null, null, null, null);
}
