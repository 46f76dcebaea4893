package th.qaflow.forms;

import java.math.BigDecimal;

/**
 * The {@code validate} block of a form-js component. Absent rules are {@code null}. Bounds written
 * as FEEL expressions (strings starting with {@code =}, as form-js allows for {@code min}, {@code
 * max}, {@code minLength} and {@code maxLength}) are kept, without the {@code =}, in the {@code
 * …Expression} components and evaluated when a submission is validated; their plain counterpart is
 * then {@code null}.
 *
 * @param required the field must have a value (a checkbox must be ticked)
 * @param min smallest allowed number ({@code number} only)
 * @param max largest allowed number ({@code number} only)
 * @param minLength fewest Unicode code points ({@code textfield}, {@code textarea})
 * @param maxLength most Unicode code points ({@code textfield}, {@code textarea})
 * @param pattern regular expression the trimmed text must contain a match of (as form-js's {@code
 *     RegExp.test}); anchor it with {@code ^…$} for a full match
 * @param validationType form-js's predefined check: {@code email}, {@code phone}, or {@code custom}
 * @param minExpression FEEL expression for {@code min}, or {@code null}
 * @param maxExpression FEEL expression for {@code max}, or {@code null}
 * @param minLengthExpression FEEL expression for {@code minLength}, or {@code null}
 * @param maxLengthExpression FEEL expression for {@code maxLength}, or {@code null}
 */
public record FormValidation(
    boolean required,
    BigDecimal min,
    BigDecimal max,
    Integer minLength,
    Integer maxLength,
    String pattern,
    String validationType,
    String minExpression,
    String maxExpression,
    String minLengthExpression,
    String maxLengthExpression) {

  public static final FormValidation NONE =
      new FormValidation(false, null, null, null, null, null, null);

  /** Rules without FEEL expressions. */
  public FormValidation(
      boolean required,
      BigDecimal min,
      BigDecimal max,
      Integer minLength,
      Integer maxLength,
      String pattern,
      String validationType) {
    this(required, min, max, minLength, maxLength, pattern, validationType, null, null, null, null);
  }
}
