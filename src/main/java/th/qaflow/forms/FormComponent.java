package th.qaflow.forms;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import th.qaflow.forms.internal.DisplayFormats;
import th.qaflow.forms.internal.MarkdownText;

/**
 * One component of a Camunda Form (form-js). Thai texts are the component's own {@code label},
 * {@code description} and {@code text}; the English ones come from its custom properties {@code
 * label_en}, {@code description_en} and {@code text_en}. For {@code datetime} components the label
 * is form-js's {@code dateLabel} (or {@code timeLabel} for the {@code time} subtype), which is what
 * Camunda Modeler edits.
 *
 * @param type form-js type, e.g. {@code textfield}; types QA Flow does not know are kept but
 *     neither rendered nor validated
 * @param id the component id ({@code Field_…})
 * @param key the process variable the field is bound to; {@code null} for display-only components
 * @param values the static options of a {@code select} or {@code radio}
 * @param subtype {@code date}, {@code time} or {@code datetime} for a {@code datetime} component
 * @param decimalDigits for {@code number}: the most digits allowed after the decimal point
 * @param readonly shown but never taken from a submission
 * @param disabled shown greyed out and never taken from a submission
 * @param properties all custom properties, as written in the file
 * @param components children of {@code group} and {@code dynamiclist}
 * @param path for {@code group} (optional) and {@code dynamiclist}: the variable its children are
 *     nested under
 * @param valuesKey for choices: the context variable holding the options (a list of maps with
 *     {@code label}, {@code value} and optionally {@code label_en}) instead of static {@code
 *     values}
 * @param hide the FEEL expression of {@code conditional.hide}, without its leading {@code =}; the
 *     component is hidden (neither shown, validated nor stored) when it evaluates to {@code true}
 * @param allowAddRemove for {@code dynamiclist}: people may add and remove rows
 * @param defaultRepetitions for {@code dynamiclist}: empty rows shown when there is no data
 * @param nonCollapsedItems for {@code dynamiclist}: rows shown expanded (form-js; informational)
 * @param accept for {@code filepicker}: comma-separated extensions ({@code .pdf}) and MIME types
 *     ({@code application/pdf}, {@code image/*}); {@code null} accepts any file
 * @param multiple for {@code filepicker}: several files may be chosen
 */
public record FormComponent(
    String type,
    String id,
    String key,
    String label,
    String labelEn,
    String description,
    String descriptionEn,
    String text,
    String textEn,
    Object defaultValue,
    List<FormOption> values,
    FormValidation validate,
    String subtype,
    Integer decimalDigits,
    boolean readonly,
    boolean disabled,
    Map<String, String> properties,
    List<FormComponent> components,
    String path,
    String valuesKey,
    String hide,
    boolean allowAddRemove,
    Integer defaultRepetitions,
    Integer nonCollapsedItems,
    String accept,
    boolean multiple) {

  public static final String TEXT = "text";
  public static final String TEXTFIELD = "textfield";
  public static final String TEXTAREA = "textarea";
  public static final String NUMBER = "number";
  public static final String SELECT = "select";
  public static final String RADIO = "radio";
  public static final String CHECKBOX = "checkbox";
  public static final String DATETIME = "datetime";
  public static final String CHECKLIST = "checklist";
  public static final String TAGLIST = "taglist";
  public static final String FILEPICKER = "filepicker";
  public static final String GROUP = "group";
  public static final String DYNAMICLIST = "dynamiclist";
  public static final String SEPARATOR = "separator";

  /** Custom property of a {@code dynamiclist}: the context variables its rows are seeded from. */
  public static final String ROWS_FROM = "rowsFrom";

  /**
   * Custom property of a date: the value must fall inside the academic year {@code academicYear}.
   */
  public static final String WITHIN_ACADEMIC_YEAR = "withinAcademicYear";

  /**
   * Custom property of an input: {@value #CARRY_NEVER} marks a decision, its comment or its date,
   * which a new round of the task (the work came back) must ask afresh: never pre-filled from
   * process variables.
   */
  public static final String CARRY = "qaflow.carry";

  public static final String CARRY_NEVER = "never";

  public static final String SUBTYPE_DATE = "date";
  public static final String SUBTYPE_TIME = "time";
  public static final String SUBTYPE_DATETIME = "datetime";

  /** The input types QA Flow renders and validates. */
  public static final Set<String> INPUT_TYPES =
      Set.of(
          TEXTFIELD,
          TEXTAREA,
          NUMBER,
          SELECT,
          RADIO,
          CHECKBOX,
          DATETIME,
          CHECKLIST,
          TAGLIST,
          FILEPICKER);

  /** Inputs whose value is a list of option values. */
  public static final Set<String> MULTI_CHOICE_TYPES = Set.of(CHECKLIST, TAGLIST);

  /** Inputs whose value must be one of the options. */
  public static final Set<String> CHOICE_TYPES = Set.of(SELECT, RADIO, CHECKLIST, TAGLIST);

  /** Every type QA Flow renders: the inputs, containers and display-only components. */
  public static final Set<String> SUPPORTED_TYPES =
      Set.of(
          TEXT,
          SEPARATOR,
          GROUP,
          DYNAMICLIST,
          TEXTFIELD,
          TEXTAREA,
          NUMBER,
          SELECT,
          RADIO,
          CHECKBOX,
          DATETIME,
          CHECKLIST,
          TAGLIST,
          FILEPICKER);

  public FormComponent {
    Objects.requireNonNull(type, "type");
    values = values == null ? List.of() : List.copyOf(values);
    validate = validate == null ? FormValidation.NONE : validate;
    properties = properties == null ? Map.of() : Map.copyOf(properties);
    components = components == null ? List.of() : List.copyOf(components);
    if (defaultRepetitions != null && defaultRepetitions < 0) {
      defaultRepetitions = 0;
    }
    if (DATETIME.equals(type) && subtype == null) {
      subtype = SUBTYPE_DATE; // form-js's default
    }
  }

  /** A supported type that QA Flow renders. */
  public boolean isSupported() {
    return SUPPORTED_TYPES.contains(type);
  }

  /** A supported input bound to a key: rendered as a form control, validated, stored. */
  public boolean isInput() {
    return INPUT_TYPES.contains(type) && key != null && !key.isBlank();
  }

  /** An input whose value is taken from a submission (not read-only or disabled). */
  public boolean isEditable() {
    return isInput() && !readonly && !disabled;
  }

  /** A {@code dynamiclist} with a path: its value is a list of row maps. */
  public boolean isList() {
    return DYNAMICLIST.equals(type) && path != null && !path.isBlank();
  }

  /** A {@code group}: its children are nested under {@link #path} when it has one. */
  public boolean isGroup() {
    return GROUP.equals(type);
  }

  /** A group with a path: its value is a map. */
  public boolean isPathGroup() {
    return isGroup() && path != null && !path.isBlank();
  }

  /** A checklist or taglist: its value is a list of strings. */
  public boolean isMultiChoice() {
    return MULTI_CHOICE_TYPES.contains(type);
  }

  /**
   * The name of the component inside its parent's data: the key of an input, the path of a list or
   * a group with a path, the id otherwise (used for {@code data-path} of display-only components).
   */
  public String name() {
    if (isInput()) {
      return key;
    }
    if ((isList() || isPathGroup())) {
      return path;
    }
    return id;
  }

  /** The context variables a seeded {@code dynamiclist} takes its rows from ({@code rowsFrom}). */
  public List<String> rowsFrom() {
    String from = properties.get(ROWS_FROM);
    if (from == null || from.isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(from.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** A date (or date-time) that must fall inside the context's academic year. */
  public boolean withinAcademicYear() {
    return DATETIME.equals(type)
        && !SUBTYPE_TIME.equals(subtype)
        && "true".equalsIgnoreCase(properties.getOrDefault(WITHIN_ACADEMIC_YEAR, "").strip());
  }

  /**
   * Whether the form starts with this input's current process variable; {@code false} for a
   * decision, its comment or date ({@link #CARRY} {@value #CARRY_NEVER}): an earlier round's answer
   * must not be one click away from being repeated unread.
   */
  public boolean carriesOver() {
    return !CARRY_NEVER.equalsIgnoreCase(properties.getOrDefault(CARRY, "").strip());
  }

  /**
   * Custom property qaflow.shown with the value never: a code the form carries for the process (a
   * standard's code beside its name) but never shows to people, neither in the form (a hidden input
   * keeps its value) nor among the answers of a finished task.
   */
  public static final String SHOWN = "qaflow.shown";

  /** True when the component is never shown to people (custom property qaflow.shown: never). */
  public boolean shownNever() {
    return "never".equalsIgnoreCase(properties.getOrDefault(SHOWN, "").strip());
  }

  /** Whether the component has a {@code conditional.hide} expression. */
  public boolean hasCondition() {
    return hide != null && !hide.isBlank();
  }

  public boolean isRequired() {
    return validate.required();
  }

  public String labelFor(Locale locale) {
    return localised(label, labelEn, locale);
  }

  public String descriptionFor(Locale locale) {
    return localised(description, descriptionEn, locale);
  }

  /** The markdown of a {@code text} component as plain paragraphs, for escaped rendering. */
  public List<TextBlock> textBlocks(Locale locale) {
    return MarkdownText.blocks(localised(text, textEn, locale));
  }

  public Optional<FormOption> option(String value) {
    return values.stream().filter(o -> Objects.equals(o.value(), value)).findFirst();
  }

  /** The HTML {@code input type} for a {@code datetime} component's subtype. */
  public String htmlInputType() {
    if (!DATETIME.equals(type)) {
      return "text";
    }
    return switch (subtype) {
      case SUBTYPE_TIME -> "time";
      case SUBTYPE_DATETIME -> "datetime-local";
      default -> "date";
    };
  }

  /**
   * A stored value as people read it: the option's label for a choice, a Buddhist-Era date in Thai
   * (31 พ.ค. 2569), plain text otherwise; {@code null} for no value. Checkboxes are left to the
   * caller (yes/no are messages).
   */
  public String displayValue(Object value, Locale locale) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    return switch (type) {
      case SELECT, RADIO ->
          option(String.valueOf(value)).map(o -> o.labelFor(locale)).orElse(String.valueOf(value));
      case DATETIME -> DisplayFormats.temporal(value, subtype, locale);
      case NUMBER -> DisplayFormats.number(value);
      default -> String.valueOf(value);
    };
  }

  /** {@link #displayValue} split into lines, so multi-line text keeps its line breaks. */
  public List<String> displayLines(Object value, Locale locale) {
    String shown = displayValue(value, locale);
    return shown == null ? List.of() : List.of(shown.split("\\R", -1));
  }

  static String localised(String thai, String english, Locale locale) {
    if (locale != null
        && "en".equals(locale.getLanguage())
        && english != null
        && !english.isBlank()) {
      return english;
    }
    return thai;
  }

  /** A paragraph of a {@code text} component: its lines, and whether it was a markdown heading. */
  public record TextBlock(boolean heading, List<String> lines) {
    public TextBlock {
      lines = List.copyOf(lines);
    }
  }
}
