package th.qaflow.forms;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import th.qaflow.forms.internal.Texts;

/**
 * Validates a submitted form on the server and converts it to typed values. Request parameters are
 * named after the component keys; parameters that are not an editable field of the form (CSRF token,
 * buttons, read-only fields, anything made up) are ignored.
 *
 * <p>Conversions: text is trimmed and otherwise kept as typed; numbers become {@code Long} when
 * whole, {@code Double} otherwise (Thai digits are accepted); checkboxes {@code Boolean} (absent is
 * {@code false}); dates {@code yyyy-MM-dd}, times {@code HH:mm}, date-times
 * {@code yyyy-MM-dd'T'HH:mm}; select and radio values must be one of the options.
 */
@Component
public class FormValidator {

  /**
   * Camunda 7 keeps a string variable in a {@code varchar(4000)} column; longer text fails when the
   * task completes. Every text field is held to this many UTF-16 units, whatever its form says.
   */
  public static final int STRING_STORAGE_LIMIT = 4000;

  /** Years above this are taken for Buddhist Era (2569 rather than 2026). */
  static final int LATEST_COMMON_ERA_YEAR = 2400;
  static final int EARLIEST_YEAR = 1900;
  static final int BUDDHIST_ERA_OFFSET = 543;

  private static final Logger log = LoggerFactory.getLogger(FormValidator.class);
  private static final Set<String> warnedTypes = ConcurrentHashMap.newKeySet();

  private static final Pattern NUMBER =
      Pattern.compile("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?$");
  private static final int NUMBER_MAX_CHARS = 100;
  private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
  private static final Pattern TIME = Pattern.compile("^\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$");
  private static final Pattern DATETIME =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$");
  private static final Pattern EMAIL = Pattern.compile("^[\\w.+-]+@([\\w-]+\\.)+[\\w-]{2,}$");
  private static final Pattern PHONE = Pattern.compile("^\\+?\\d[\\d\\s()-]{5,19}$");
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DATE_HH_MM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  public FormResult validate(FormSchema schema, Map<String, String[]> requestParams) {
    Map<String, String[]> params = requestParams == null ? Map.of() : requestParams;
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, String> raw = new LinkedHashMap<>();
    Map<String, List<FieldError>> errors = new LinkedHashMap<>();

    for (FormComponent c : schema.components()) {
      if (!c.isSupported()) {
        if (warnedTypes.add(c.type())) {
          log.warn("Form {}: component type '{}' is not supported; it is neither shown nor validated",
              schema.id(), c.type());
        }
        continue;
      }
      if (!c.isEditable()) {
        continue;
      }
      String key = c.key();
      String[] sent = params.get(key);
      List<FieldError> errs = new ArrayList<>();

      if (FormComponent.CHECKBOX.equals(c.type())) {
        boolean checked = isChecked(sent);
        raw.put(key, checked ? "true" : "");
        if (c.isRequired() && !checked) {
          errs.add(FieldError.of(FieldError.REQUIRED));
        } else {
          values.put(key, checked);
        }
      } else {
        String typed = sent == null || sent.length == 0 ? null : sent[0];
        if (typed != null) {
          raw.put(key, typed);
        }
        String value = Texts.trim(typed);
        if (value.isEmpty()) {
          if (c.isRequired()) {
            errs.add(FieldError.of(FieldError.REQUIRED));
          } else {
            values.put(key, null);
          }
        } else {
          Object converted = convert(c, value, errs);
          if (errs.isEmpty()) {
            values.put(key, converted);
          }
        }
      }
      if (!errs.isEmpty()) {
        errors.put(key, errs);
      }
    }
    return new FormResult(values, raw, errors);
  }

  private static boolean isChecked(String[] sent) {
    if (sent == null) {
      return false;
    }
    for (String s : sent) {
      if (s != null && ("true".equalsIgnoreCase(s.strip()) || "on".equalsIgnoreCase(s.strip()))) {
        return true;
      }
    }
    return false;
  }

  private Object convert(FormComponent c, String value, List<FieldError> errs) {
    return switch (c.type()) {
      case FormComponent.NUMBER -> number(c, value, errs);
      case FormComponent.SELECT, FormComponent.RADIO -> {
        if (c.option(value).isEmpty()) {
          errs.add(FieldError.of(FieldError.OPTION));
        }
        yield value;
      }
      case FormComponent.DATETIME -> temporal(c, value, errs);
      default -> text(c, value, errs);
    };
  }

  private String text(FormComponent c, String value, List<FieldError> errs) {
    FormValidation v = c.validate();
    int length = Texts.length(value);
    if (v.minLength() != null && length < v.minLength()) {
      errs.add(FieldError.of(FieldError.MIN_LENGTH, v.minLength()));
    }
    if (v.maxLength() != null && length > v.maxLength()) {
      errs.add(FieldError.of(FieldError.MAX_LENGTH, v.maxLength()));
    } else if (value.length() > STRING_STORAGE_LIMIT) {
      errs.add(FieldError.of(FieldError.MAX_LENGTH,
          v.maxLength() != null ? Math.min(v.maxLength(), STRING_STORAGE_LIMIT) : STRING_STORAGE_LIMIT));
    }
    if (!errs.isEmpty()) {
      return value; // do not run patterns over text that is already too long
    }
    if (v.pattern() != null && !patterns.computeIfAbsent(v.pattern(), Pattern::compile).matcher(value).find()) {
      errs.add(FieldError.of(FieldError.PATTERN));
    }
    if ("email".equals(v.validationType()) && !EMAIL.matcher(value).matches()) {
      errs.add(FieldError.of(FieldError.EMAIL));
    }
    if ("phone".equals(v.validationType()) && !PHONE.matcher(value).matches()) {
      errs.add(FieldError.of(FieldError.PHONE));
    }
    return value;
  }

  private static Number number(FormComponent c, String value, List<FieldError> errs) {
    String ascii = Texts.asciiDigits(value);
    if (ascii.length() > NUMBER_MAX_CHARS || !NUMBER.matcher(ascii).matches()) {
      errs.add(FieldError.of(FieldError.NUMBER));
      return null;
    }
    BigDecimal d = new BigDecimal(ascii).stripTrailingZeros();
    Number result;
    if (d.scale() <= 0 && fitsLong(d)) {
      result = d.longValueExact();
    } else {
      double dv = d.doubleValue();
      if (Double.isNaN(dv) || Double.isInfinite(dv)) {
        errs.add(FieldError.of(FieldError.NUMBER));
        return null;
      }
      result = dv;
    }
    Integer digits = c.decimalDigits();
    if (digits != null && Math.max(0, d.scale()) > digits) {
      errs.add(FieldError.of(FieldError.DECIMAL_DIGITS, digits));
    }
    FormValidation v = c.validate();
    if (v.min() != null && d.compareTo(v.min()) < 0) {
      errs.add(FieldError.of(FieldError.MIN, v.min()));
    }
    if (v.max() != null && d.compareTo(v.max()) > 0) {
      errs.add(FieldError.of(FieldError.MAX, v.max()));
    }
    return result;
  }

  private static boolean fitsLong(BigDecimal d) {
    try {
      d.longValueExact();
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  private static String temporal(FormComponent c, String value, List<FieldError> errs) {
    String v = Texts.asciiDigits(value);
    try {
      switch (c.subtype()) {
        case FormComponent.SUBTYPE_TIME -> {
          if (!TIME.matcher(v).matches()) {
            errs.add(FieldError.of(FieldError.TIME));
            return null;
          }
          return LocalTime.parse(v).format(HH_MM);
        }
        case FormComponent.SUBTYPE_DATETIME -> {
          if (!DATETIME.matcher(v).matches()) {
            errs.add(FieldError.of(FieldError.DATETIME));
            return null;
          }
          LocalDateTime dt = LocalDateTime.parse(v);
          return checkYear(dt.getYear(), FieldError.DATETIME, errs) ? dt.format(DATE_HH_MM) : null;
        }
        default -> {
          if (!DATE.matcher(v).matches()) {
            errs.add(FieldError.of(FieldError.DATE));
            return null;
          }
          LocalDate date = LocalDate.parse(v);
          return checkYear(date.getYear(), FieldError.DATE, errs) ? date.toString() : null;
        }
      }
    } catch (DateTimeException e) {
      errs.add(FieldError.of(FormComponent.SUBTYPE_TIME.equals(c.subtype()) ? FieldError.TIME
          : FormComponent.SUBTYPE_DATETIME.equals(c.subtype()) ? FieldError.DATETIME : FieldError.DATE));
      return null;
    }
  }

  /** A Thai user may type the Buddhist-Era year; say so instead of storing a date 543 years late. */
  private static boolean checkYear(int year, String code, List<FieldError> errs) {
    if (year > LATEST_COMMON_ERA_YEAR && year - BUDDHIST_ERA_OFFSET >= EARLIEST_YEAR
        && year - BUDDHIST_ERA_OFFSET <= LATEST_COMMON_ERA_YEAR) {
      errs.add(FieldError.of(FieldError.DATE_BUDDHIST_ERA, String.valueOf(year - BUDDHIST_ERA_OFFSET)));
      return false;
    }
    if (year < EARLIEST_YEAR || year > LATEST_COMMON_ERA_YEAR) {
      errs.add(FieldError.of(code));
      return false;
    }
    return true;
  }
}
