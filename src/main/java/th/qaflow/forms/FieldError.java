package th.qaflow.forms;

import java.util.Arrays;
import java.util.Objects;

/**
 * A validation error of one field: a message code from {@code i18n/forms_*.properties} and its
 * arguments ({@code {0}} in the message).
 */
public record FieldError(String code, Object[] args) {

  public static final String REQUIRED = "form.error.required";

  /** A required select, radio group, checklist or taglist with nothing chosen ("please choose"). */
  public static final String REQUIRED_CHOICE = "form.error.requiredChoice";

  /** Not a number (also NaN and infinity). */
  public static final String NUMBER = "form.error.number";

  /** More digits after the decimal point than {@code decimalDigits}; arg: the allowed digits. */
  public static final String DECIMAL_DIGITS = "form.error.decimalDigits";

  /** arg: the minimum. */
  public static final String MIN = "form.error.min";

  /** arg: the maximum. */
  public static final String MAX = "form.error.max";

  /** arg: the minimum length in characters. */
  public static final String MIN_LENGTH = "form.error.minLength";

  /** arg: the maximum length in characters. */
  public static final String MAX_LENGTH = "form.error.maxLength";

  /** A line break, tab or other control character in a single-line field. */
  public static final String SINGLE_LINE = "form.error.singleLine";

  /** NUL, ESC or another control character (other than TAB, LF, CR) in a multi-line field. */
  public static final String CONTROL_CHARACTERS = "form.error.controlCharacters";

  public static final String PATTERN = "form.error.pattern";
  public static final String EMAIL = "form.error.email";
  public static final String PHONE = "form.error.phone";

  /** A select/radio value that is not one of the options. */
  public static final String OPTION = "form.error.option";

  /** Not a date {@code yyyy-MM-dd}. */
  public static final String DATE = "form.error.date";

  /** Not a time {@code HH:mm}. */
  public static final String TIME = "form.error.time";

  /** Not a date and time {@code yyyy-MM-dd'T'HH:mm}. */
  public static final String DATETIME = "form.error.datetime";

  /** A year that looks Buddhist Era (e.g. 2569); arg: the same year in the Common Era. */
  public static final String DATE_BUDDHIST_ERA = "form.error.dateBuddhistEra";

  /** A file whose type the file picker does not accept; arg: the accepted types as written. */
  public static final String FILE_TYPE = "form.error.fileType";

  /** A required file picker with neither a new upload nor an earlier file. */
  public static final String FILE_REQUIRED = "form.error.fileRequired";

  /** Several files for a file picker that takes one. */
  public static final String TOO_MANY_FILES = "form.error.tooManyFiles";

  /** A list with more rows than QA Flow keeps; arg: the most rows. */
  public static final String ROWS = "form.error.rows";

  /** A date outside the academic year; args: its first and last day, formatted for the reader. */
  public static final String OUTSIDE_ACADEMIC_YEAR = "form.error.outsideAcademicYear";

  public FieldError {
    Objects.requireNonNull(code, "code");
    args = args == null ? new Object[0] : args.clone();
  }

  public static FieldError of(String code, Object... args) {
    return new FieldError(code, args);
  }

  @Override
  public Object[] args() {
    return args.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldError e && code.equals(e.code) && Arrays.equals(args, e.args);
  }

  @Override
  public int hashCode() {
    return 31 * code.hashCode() + Arrays.hashCode(args);
  }

  @Override
  public String toString() {
    return code + Arrays.toString(args);
  }
}
