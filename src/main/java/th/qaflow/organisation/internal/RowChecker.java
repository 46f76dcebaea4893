package th.qaflow.organisation.internal;

import java.util.Locale;
import java.util.regex.Pattern;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;

/**
 * Checks of single values shared by the three importers; each adds its error and returns null if
 * bad.
 */
final class RowChecker {

  static final Pattern SCHOOL_CODE = Pattern.compile("\\d{10}");
  static final Pattern SMIS_CODE = Pattern.compile("\\d{8}");
  static final Pattern DISTRICT_CODE = Pattern.compile("[A-Za-z0-9]{1,10}");
  static final Pattern CLUSTER_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,19}");
  static final Pattern USER_ID = Pattern.compile("(?=.{1,64}$)" + CamundaIdPatterns.ID_PATTERN);
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final ImportErrors errors;
  private final CsvTable.Row row;

  RowChecker(ImportErrors errors, CsvTable.Row row) {
    this.errors = errors;
    this.row = row;
  }

  long number() {
    return row.number();
  }

  void error(String column, String code, Object... args) {
    errors.add(row.number(), column, code, args);
  }

  /** A required text value of at most {@code max} characters. */
  String required(String column, int max) {
    String v = row.optional(column);
    if (v == null) {
      error(column, "required", column);
      return null;
    }
    return length(column, v, max);
  }

  /** An optional text value of at most {@code max} characters (null when blank). */
  String optional(String column, int max) {
    String v = row.optional(column);
    return v == null ? null : length(column, v, max);
  }

  private String length(String column, String v, int max) {
    if (v.codePointCount(0, v.length()) > max) {
      error(column, "tooLong", max);
      return null;
    }
    return v;
  }

  /** A value matching {@code pattern}, or the given error code. */
  String matching(String column, String value, Pattern pattern, String code) {
    if (value == null) {
      return null;
    }
    if (!pattern.matcher(value).matches()) {
      error(column, code, value);
      return null;
    }
    return value;
  }

  /** true/false, 1/0, ใช่/ไม่ (also yes/no, y/n, ไม่ใช่); required. */
  Boolean bool(String column) {
    String v = row.optional(column);
    if (v == null) {
      error(column, "required", column);
      return null;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "1", "ใช่", "yes", "y" -> Boolean.TRUE;
      case "false", "0", "ไม่", "ไม่ใช่", "no", "n" -> Boolean.FALSE;
      default -> {
        error(column, "badBoolean", v);
        yield null;
      }
    };
  }

  /** The district an acting district QA officer is confined to; null for an administrator. */
  static String scopeOf(Person actor) {
    return actor.role() == Role.ADMIN ? null : actor.districtCode();
  }
}
