package th.qaflow.forms;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import th.qaflow.forms.internal.DisplayFormats;
import th.qaflow.forms.internal.Feel;
import th.qaflow.forms.internal.Options;
import th.qaflow.forms.internal.Paths;
import th.qaflow.forms.internal.Texts;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.InputText;
import th.qaflow.kernel.ProcessVariables;

/**
 * Validates a submitted form on the server and converts it to typed values. Request parameters are
 * named after the component keys; parameters that are not an editable field of the form (CSRF
 * token, buttons, read-only fields, anything made up) are ignored.
 *
 * <p>Conversions: text is trimmed and otherwise kept as typed; numbers become {@code Long} when
 * whole, {@code Double} otherwise (Thai digits are accepted); checkboxes {@code Boolean} (absent is
 * {@code false}); dates {@code yyyy-MM-dd}, times {@code HH:mm}, date-times {@code
 * yyyy-MM-dd'T'HH:mm}; select and radio values must be one of the options.
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
  private static final DateTimeFormatter DATE_HH_MM =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  /** A submission without files, validated without context variables. */
  public FormResult validate(FormSchema schema, Map<String, String[]> requestParams) {
    return validate(schema, FormSubmission.of(requestParams), FormContext.empty());
  }

  /**
   * Validates a submission against the form in its context. Components hidden by their {@code
   * conditional.hide} (evaluated over the context variables overlaid by the submitted values;
   * inside a list row also the row's own fields) are neither validated nor stored.
   */
  public FormResult validate(FormSchema schema, FormSubmission submission, FormContext context) {
    warnUnsupported(schema, schema.components());
    Walk walk =
        new Walk(
            submission == null ? FormSubmission.of(null) : submission,
            context == null ? FormContext.empty() : context);
    Map<String, List<FieldError>> errors = new LinkedHashMap<>();
    Map<String, Object> values = walk.run(schema, errors);
    return new FormResult(values, walk.raw, errors);
  }

  /** The paths of the components hidden by their conditions for this submission. */
  Set<String> hiddenPaths(FormSchema schema, FormSubmission submission, FormContext context) {
    Walk walk =
        new Walk(
            submission == null ? FormSubmission.of(null) : submission,
            context == null ? FormContext.empty() : context);
    walk.run(schema, new LinkedHashMap<>());
    return walk.hidden;
  }

  private void warnUnsupported(FormSchema schema, List<FormComponent> components) {
    for (FormComponent c : components) {
      if (!c.isSupported()) {
        if (warnedTypes.add(c.type())) {
          log.warn(
              "Form {}: component type '{}' is not supported; it is neither shown nor validated",
              schema.id(),
              c.type());
        }
      } else {
        warnUnsupported(schema, c.components());
      }
    }
  }

  /**
   * One validation: a lenient pass collects what was typed (for the FEEL context), then the strict
   * pass evaluates conditions and validates. A {@code null} scope means the lenient pass; a {@code
   * null} error map means errors are dropped (inside a hidden component).
   */
  private final class Walk {
    final FormSubmission submission;
    final FormContext context;
    final Map<String, List<String>> raw = new LinkedHashMap<>();
    final Set<String> hidden = new LinkedHashSet<>();
    final Set<String> sentNames = new HashSet<>();

    Walk(FormSubmission submission, FormContext context) {
      this.submission = submission;
      this.context = context;
      sentNames.addAll(submission.params().keySet());
      sentNames.addAll(submission.files().keySet());
    }

    Map<String, Object> run(FormSchema schema, Map<String, List<FieldError>> errors) {
      Map<String, Object> lenient = new LinkedHashMap<>();
      level(schema.components(), "", context.variables(), lenient, null, null, true);
      Map<String, Object> scope = new HashMap<>(context.variables());
      scope.putAll(lenient);
      Map<String, Object> values = new LinkedHashMap<>();
      level(schema.components(), "", context.variables(), values, scope, errors, true);
      return values;
    }

    void level(
        List<FormComponent> components,
        String prefix,
        Map<String, Object> base,
        Map<String, Object> out,
        Map<String, Object> scope,
        Map<String, List<FieldError>> errors,
        boolean top) {
      for (FormComponent c : components) {
        if (!c.isSupported()) {
          continue;
        }
        String name = c.name();
        String path = prefix + name;
        boolean isHidden = scope != null && c.hasCondition() && Feel.isTrue(c.hide(), scope);
        if (isHidden) {
          hidden.add(path);
        }
        Map<String, Object> target = isHidden ? new LinkedHashMap<>() : out;
        Map<String, List<FieldError>> errorSink = isHidden ? null : errors;
        if (c.isPathGroup()) {
          Map<String, Object> group = new LinkedHashMap<>();
          level(
              c.components(),
              path + ".",
              Paths.map(base.get(c.path())),
              group,
              scope,
              errorSink,
              false);
          target.put(c.path(), group);
        } else if (c.isGroup()) {
          level(c.components(), prefix, base, target, scope, errorSink, top);
        } else if (c.isList()) {
          list(c, path, base, target, scope, errorSink);
        } else if (c.isInput()) {
          input(c, path, base, target, scope, errorSink, top);
        }
        if (isHidden) {
          // not stored; at the top level written as null so that an earlier value is cleared
          Set<String> written = new LinkedHashSet<>(target.keySet());
          if (c.isInput() || c.isList() || c.isPathGroup()) {
            written.add(name);
          }
          for (String key : written) {
            if (top) {
              out.put(key, null);
            } else {
              out.remove(key);
            }
          }
        }
      }
    }

    void list(
        FormComponent c,
        String path,
        Map<String, Object> base,
        Map<String, Object> out,
        Map<String, Object> scope,
        Map<String, List<FieldError>> errors) {
      List<Map<String, Object>> baseRows = FormValues.seededRows(c, base, context.variables());
      List<Integer> indices = new ArrayList<>();
      if (c.allowAddRemove()) {
        indices.addAll(Paths.indices(path, sentNames));
      } else {
        for (int i = 0; i < baseRows.size(); i++) {
          indices.add(i);
        }
      }
      if (indices.size() > Paths.MAX_ROWS) {
        if (errors != null) {
          errors
              .computeIfAbsent(path, k -> new ArrayList<>())
              .add(FieldError.of(FieldError.ROWS, Paths.MAX_ROWS));
        }
        indices = new ArrayList<>(indices.subList(0, Paths.MAX_ROWS));
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i : indices) {
        String rowPath = path + "[" + i + "]";
        raw.putIfAbsent(rowPath, List.of());
        Map<String, Object> baseRow = i < baseRows.size() ? baseRows.get(i) : new LinkedHashMap<>();
        Map<String, Object> rowScope = null;
        if (scope != null) {
          Map<String, Object> typed = new LinkedHashMap<>(baseRow);
          level(c.components(), rowPath + ".", baseRow, typed, null, null, false);
          rowScope = new HashMap<>(scope);
          rowScope.putAll(typed);
        }
        Map<String, Object> row = new LinkedHashMap<>(baseRow);
        level(c.components(), rowPath + ".", baseRow, row, rowScope, errors, false);
        rows.add(row);
      }
      out.put(c.path(), rows);
    }

    void input(
        FormComponent c,
        String path,
        Map<String, Object> base,
        Map<String, Object> out,
        Map<String, Object> scope,
        Map<String, List<FieldError>> errors,
        boolean top) {
      String key = c.key();
      if (!c.isEditable()) {
        Object current = base.get(key);
        if (current != null && !FormComponent.FILEPICKER.equals(c.type())) {
          raw.put(path, FormValues.rawList(c, current));
        }
        if (!top && base.containsKey(key)) {
          out.put(key, current);
        }
        return;
      }
      String[] sent = submission.params().get(path);
      List<FieldError> errs = new ArrayList<>();
      boolean lenient = scope == null;
      Object value = null;
      if (FormComponent.CHECKBOX.equals(c.type())) {
        boolean checked = isChecked(sent);
        raw.put(path, List.of(checked ? "true" : ""));
        if (c.isRequired() && !checked) {
          errs.add(FieldError.of(FieldError.REQUIRED));
        }
        value = checked;
      } else if (c.isMultiChoice()) {
        List<String> typed =
            sent == null
                ? List.of()
                : java.util.Arrays.stream(sent).map(x -> x == null ? "" : x).toList();
        raw.put(path, typed);
        List<String> chosen =
            typed.stream().map(Texts::trim).filter(x -> !x.isEmpty()).distinct().toList();
        if (chosen.isEmpty() && c.isRequired()) {
          errs.add(FieldError.of(FieldError.REQUIRED_CHOICE));
        }
        List<FormOption> options = Options.of(c, base, context.variables());
        if (chosen.stream().anyMatch(x -> options.stream().noneMatch(o -> o.value().equals(x)))) {
          errs.add(FieldError.of(FieldError.OPTION));
        }
        value = new ArrayList<>(chosen);
      } else if (FormComponent.FILEPICKER.equals(c.type())) {
        value = file(c, path, base, errs, lenient);
      } else {
        String typed = sent == null || sent.length == 0 ? null : sent[0];
        if (typed != null) {
          raw.put(path, List.of(typed));
        }
        String trimmed = Texts.trim(typed);
        if (trimmed.isEmpty()) {
          if (c.isRequired()) {
            // a select or radio group is chosen, not typed: say "please choose"
            errs.add(
                FieldError.of(
                    FormComponent.CHOICE_TYPES.contains(c.type())
                        ? FieldError.REQUIRED_CHOICE
                        : FieldError.REQUIRED));
          }
        } else {
          Object converted = convert(c, trimmed, errs, scope, base);
          value = converted != null || !lenient ? converted : trimmed;
          if (lenient && !errs.isEmpty()) {
            value = trimmed;
          }
        }
      }
      if (lenient) {
        out.put(key, value);
        return;
      }
      if (errs.isEmpty()) {
        out.put(key, value);
      } else if (errors != null) {
        errors.put(path, errs);
      }
    }

    Object file(
        FormComponent c,
        String path,
        Map<String, Object> base,
        List<FieldError> errs,
        boolean lenient) {
      List<UploadedFile> files = submission.filesOf(path);
      Object existing = base.get(c.key());
      if (files.isEmpty()) {
        boolean has =
            existing != null
                && !(existing instanceof String s && s.isBlank())
                && !(existing instanceof java.util.Collection<?> col && col.isEmpty());
        if (c.isRequired() && !has) {
          errs.add(FieldError.of(FieldError.FILE_REQUIRED));
        }
        return existing;
      }
      if (lenient) {
        List<Map<String, Object>> shown =
            files.stream()
                .map(f -> Map.<String, Object>of("filename", f.filename(), "size", f.size()))
                .toList();
        return c.multiple() ? shown : shown.get(0);
      }
      if (!c.multiple() && files.size() > 1) {
        errs.add(FieldError.of(FieldError.TOO_MANY_FILES));
      }
      for (UploadedFile f : files) {
        if (!accepts(c.accept(), f)) {
          FieldError e = FieldError.of(FieldError.FILE_TYPE, c.accept());
          if (!errs.contains(e)) {
            errs.add(e);
          }
        }
        for (FieldError e : context.uploadCheck().check(f)) {
          if (!errs.contains(e)) {
            errs.add(e);
          }
        }
      }
      return c.multiple() ? List.copyOf(files) : files.get(0);
    }

    Object convert(
        FormComponent c,
        String value,
        List<FieldError> errs,
        Map<String, Object> scope,
        Map<String, Object> base) {
      return switch (c.type()) {
        case FormComponent.NUMBER -> number(c, value, errs, scope);
        case FormComponent.SELECT, FormComponent.RADIO -> {
          if (Options.of(c, base, context.variables()).stream()
              .noneMatch(o -> o.value().equals(value))) {
            errs.add(FieldError.of(FieldError.OPTION));
          }
          yield value;
        }
        case FormComponent.DATETIME -> {
          String t = temporal(c, value, errs);
          if (t != null && c.withinAcademicYear()) {
            academicYear(t, errs);
          }
          yield t;
        }
        default -> text(c, value, errs, scope);
      };
    }

    void academicYear(String value, List<FieldError> errs) {
      Object year = context.variables().get(ProcessVariables.ACADEMIC_YEAR);
      Integer be = null;
      if (year instanceof Number n) {
        be = n.intValue();
      } else if (year != null) {
        try {
          be = Integer.parseInt(String.valueOf(year).strip());
        } catch (NumberFormatException notAYear) {
          log.warn("academicYear '{}' is not a year; dates are not checked against it", year);
        }
      }
      if (be == null) {
        return;
      }
      LocalDate date = LocalDate.parse(value.substring(0, 10));
      LocalDate start = AcademicYears.start(be);
      LocalDate end = AcademicYears.end(be);
      if (date.isBefore(start) || date.isAfter(end)) {
        errs.add(
            FieldError.of(
                FieldError.OUTSIDE_ACADEMIC_YEAR,
                DisplayFormats.temporal(start, FormComponent.SUBTYPE_DATE, context.locale()),
                DisplayFormats.temporal(end, FormComponent.SUBTYPE_DATE, context.locale())));
      }
    }
  }

  /**
   * form-js passes {@code accept} to the browser: extensions ({@code .pdf}) and MIME types ({@code
   * image/*}).
   */
  static boolean accepts(String accept, UploadedFile file) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    String type =
        file.contentType() == null
            ? ""
            : file.contentType().split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
    for (String token : accept.split(",")) {
      String t = token.strip().toLowerCase(java.util.Locale.ROOT);
      if (t.isEmpty()) {
        continue;
      }
      if (t.startsWith(".")) {
        if (file.extension().equals(t)) {
          return true;
        }
      } else if (t.endsWith("/*")) {
        if (type.startsWith(t.substring(0, t.length() - 1))) {
          return true;
        }
      } else if (t.equals(type)) {
        return true;
      }
    }
    return false;
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

  private String text(
      FormComponent c, String value, List<FieldError> errs, Map<String, Object> scope) {
    FormValidation v = c.validate();
    Integer minLength = bound(v.minLength(), v.minLengthExpression(), scope);
    Integer maxLength = bound(v.maxLength(), v.maxLengthExpression(), scope);
    int length = Texts.length(value);
    if (minLength != null && length < minLength) {
      errs.add(FieldError.of(FieldError.MIN_LENGTH, minLength));
    }
    if (maxLength != null && length > maxLength) {
      errs.add(FieldError.of(FieldError.MAX_LENGTH, maxLength));
    } else if (value.length() > STRING_STORAGE_LIMIT) {
      errs.add(
          FieldError.of(
              FieldError.MAX_LENGTH,
              maxLength != null
                  ? Math.min(maxLength, STRING_STORAGE_LIMIT)
                  : STRING_STORAGE_LIMIT));
    }
    if (!errs.isEmpty()) {
      return value; // do not run patterns over text that is already too long
    }
    // a textarea may hold line breaks and tabs, other fields no control character at all
    if (FormComponent.TEXTAREA.equals(c.type())) {
      if (InputText.badMultiLine(value)) {
        errs.add(FieldError.of(FieldError.CONTROL_CHARACTERS));
        return value;
      }
    } else if (InputText.badSingleLine(value)) {
      errs.add(FieldError.of(FieldError.SINGLE_LINE));
      return value;
    }
    if (v.pattern() != null
        && !patterns.computeIfAbsent(v.pattern(), Pattern::compile).matcher(value).find()) {
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

  private static Integer bound(Integer fixed, String expression, Map<String, Object> scope) {
    if (expression == null || scope == null) {
      return fixed;
    }
    BigDecimal d = Feel.number(expression, scope);
    if (d == null) {
      return fixed;
    }
    try {
      return d.setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
    } catch (ArithmeticException tooLarge) {
      return fixed;
    }
  }

  private static BigDecimal bound(BigDecimal fixed, String expression, Map<String, Object> scope) {
    if (expression == null || scope == null) {
      return fixed;
    }
    BigDecimal d = Feel.number(expression, scope);
    return d == null ? fixed : d;
  }

  private static Number number(
      FormComponent c, String value, List<FieldError> errs, Map<String, Object> scope) {
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
    BigDecimal min = bound(v.min(), v.minExpression(), scope);
    BigDecimal max = bound(v.max(), v.maxExpression(), scope);
    if (min != null && d.compareTo(min) < 0) {
      errs.add(FieldError.of(FieldError.MIN, min));
    }
    if (max != null && d.compareTo(max) > 0) {
      errs.add(FieldError.of(FieldError.MAX, max));
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
      errs.add(
          FieldError.of(
              FormComponent.SUBTYPE_TIME.equals(c.subtype())
                  ? FieldError.TIME
                  : FormComponent.SUBTYPE_DATETIME.equals(c.subtype())
                      ? FieldError.DATETIME
                      : FieldError.DATE));
      return null;
    }
  }

  /**
   * A Thai user may type the Buddhist-Era year; say so instead of storing a date 543 years late.
   */
  private static boolean checkYear(int year, String code, List<FieldError> errs) {
    if (year > LATEST_COMMON_ERA_YEAR
        && year - BUDDHIST_ERA_OFFSET >= EARLIEST_YEAR
        && year - BUDDHIST_ERA_OFFSET <= LATEST_COMMON_ERA_YEAR) {
      errs.add(
          FieldError.of(FieldError.DATE_BUDDHIST_ERA, String.valueOf(year - BUDDHIST_ERA_OFFSET)));
      return false;
    }
    if (year < EARLIEST_YEAR || year > LATEST_COMMON_ERA_YEAR) {
      errs.add(FieldError.of(code));
      return false;
    }
    return true;
  }
}
