package th.qaflow.forms;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import th.qaflow.forms.internal.Feel;
import th.qaflow.forms.internal.Options;
import th.qaflow.forms.internal.Paths;

/**
 * A form prepared for the {@code forms/fields} fragments: every component with its parameter path,
 * HTML id, what to show in it, its errors, its options and whether its condition hides it. Built by
 * {@link FormSchema#view} and {@link FormSchema#readonlyView}; templates only read it.
 */
public final class FormView {

  /** Stands for the row index in the {@code <template>} row that forms.js clones. */
  public static final String INDEX_PLACEHOLDER = "__INDEX__";

  /** Stands for the row number (index + 1) in the {@code <template>} row. */
  public static final String NUMBER_PLACEHOLDER = "__NUMBER__";

  private static final FormValidator CONDITIONS = new FormValidator();

  private final List<Node> nodes;

  private FormView(List<Node> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  public List<Node> nodes() {
    return nodes;
  }

  /**
   * One component.
   *
   * @param path the parameter path ({@code rows[0].key}); for lists and groups their path; for
   *     other components the enclosing prefix and the component id; also the element's {@code
   *     data-path}
   * @param id the HTML id: {@code f-} and the path with brackets and dots as dashes
   * @param values what the input shows (several for a checklist or taglist)
   * @param files a file picker's current files (links to the documents module)
   */
  public record Node(
      FormComponent component,
      String path,
      String id,
      boolean hidden,
      List<String> values,
      List<FieldError> errors,
      List<FormOption> options,
      List<Node> children,
      List<Row> rows,
      Row template,
      List<FileLink> files) {

    public String type() {
      return component.type();
    }

    /** The first value, or {@code null}. */
    public String value() {
      return values.isEmpty() ? null : values.get(0);
    }

    public boolean selected(String option) {
      return values.contains(option);
    }

    public boolean bad() {
      return !errors.isEmpty();
    }

    /** Where a link to this field goes: a radio group's or checklist's first choice. */
    public String focusId() {
      String type = component.type();
      boolean choices = FormComponent.RADIO.equals(type) || FormComponent.CHECKLIST.equals(type);
      return choices && !options.isEmpty() ? id + "-0" : id;
    }

    public boolean hasFiles() {
      return !files.isEmpty();
    }

    /**
     * The ids of the hint and error elements, for {@code aria-describedby}; {@code null} for none.
     */
    public String describedBy(Locale locale) {
      String hint = component.descriptionFor(locale);
      String ids =
          ((hint != null && !hint.isBlank() ? id + "-desc " : "") + (bad() ? id + "-error" : ""))
              .strip();
      return ids.isEmpty() ? null : ids;
    }
  }

  /**
   * A row of a dynamic list; {@code number} is the index + 1 (or the placeholder in the template).
   */
  public record Row(String index, String number, String path, String id, List<Node> children) {}

  /**
   * Every shown field with an error, in page order, for the error summary at the top of a form that
   * links to each field.
   */
  public List<ErrorLink> errorLinks() {
    List<ErrorLink> links = new ArrayList<>();
    collectErrors(nodes, List.of(), links);
    return links;
  }

  private static void collectErrors(List<Node> nodes, List<String> rows, List<ErrorLink> out) {
    for (Node n : nodes) {
      if (n.hidden()) {
        continue;
      }
      if (n.bad()) {
        out.add(new ErrorLink(n.focusId(), n.component(), rows, n.errors()));
      }
      collectErrors(n.children(), rows, out);
      for (Row r : n.rows()) {
        List<String> inner = new ArrayList<>(rows);
        inner.add(r.number());
        collectErrors(r.children(), List.copyOf(inner), out);
      }
    }
  }

  /**
   * One line of the error summary.
   *
   * @param target the id of the element the link moves to (the first choice of a radio group or
   *     checklist, so that focus lands on something the user can change)
   * @param rows the row numbers of the enclosing lists, outermost first
   */
  public record ErrorLink(
      String target, FormComponent component, List<String> rows, List<FieldError> errors) {}

  /** A stored file: a link to {@code /documents/{id}} showing the file name when known. */
  public record FileLink(String id, String filename) {
    public String href() {
      return "/documents/" + id;
    }
  }

  // ------------------------------------------------------------------------------------------------
  // editable view

  static FormView of(
      FormSchema schema,
      Map<String, ?> rawInput,
      Map<String, ? extends List<FieldError>> errors,
      FormContext context) {
    FormContext ctx = context == null ? FormContext.empty() : context;
    Map<String, List<String>> raw = normalise(rawInput);
    Map<String, String[]> params = new LinkedHashMap<>();
    raw.forEach((k, v) -> params.put(k, v.toArray(String[]::new)));
    Set<String> hidden = CONDITIONS.hiddenPaths(schema, FormSubmission.of(params), ctx);
    Builder b = new Builder(raw, rawInput == null, errors == null ? Map.of() : errors, hidden, ctx);
    Map<String, Object> base = new LinkedHashMap<>(ctx.variables());
    return new FormView(b.nodes(schema.components(), "", base, false));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> normalise(Map<String, ?> raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    raw.forEach(
        (k, v) -> {
          if (v instanceof Collection<?> list) {
            out.put(k, list.stream().map(x -> x == null ? "" : String.valueOf(x)).toList());
          } else if (v instanceof String[] array) {
            out.put(k, List.of(array));
          } else if (v != null) {
            out.put(k, List.of(String.valueOf(v)));
          }
        });
    return out;
  }

  private static final class Builder {
    final Map<String, List<String>> raw;
    final boolean fresh;
    final Map<String, ? extends List<FieldError>> errors;
    final Set<String> hidden;
    final FormContext context;

    Builder(
        Map<String, List<String>> raw,
        boolean fresh,
        Map<String, ? extends List<FieldError>> errors,
        Set<String> hidden,
        FormContext context) {
      this.raw = raw;
      this.fresh = fresh;
      this.errors = errors;
      this.hidden = hidden;
      this.context = context;
    }

    List<Node> nodes(
        List<FormComponent> components, String prefix, Map<String, Object> base, boolean template) {
      List<Node> nodes = new ArrayList<>();
      for (FormComponent c : components) {
        if (!c.isSupported()) {
          continue;
        }
        String path = prefix + c.name();
        boolean isHidden = !template && hidden.contains(path);
        String id = "f-" + Paths.htmlId(path);
        List<FieldError> sentErrors = template ? null : errors.get(path);
        List<FieldError> errs = sentErrors == null ? List.of() : List.copyOf(sentErrors);
        List<Node> children = List.of();
        List<Row> rows = List.of();
        Row rowTemplate = null;
        List<String> values = List.of();
        List<FileLink> files = List.of();
        if (c.isPathGroup()) {
          children = nodes(c.components(), path + ".", Paths.map(base.get(c.path())), template);
        } else if (c.isGroup()) {
          children = nodes(c.components(), prefix, base, template);
        } else if (c.isList()) {
          List<Map<String, Object>> seeded =
              template ? List.of() : FormValues.seededRows(c, base, context.variables());
          List<Integer> indices = new ArrayList<>();
          if (template) {
            // nested lists inside a template row start empty
          } else if (!c.allowAddRemove() || fresh) {
            for (int i = 0; i < seeded.size(); i++) {
              indices.add(i);
            }
          } else {
            indices.addAll(Paths.indices(path, raw.keySet()));
          }
          rows = new ArrayList<>();
          for (int i : indices) {
            String rowPath = path + "[" + i + "]";
            Map<String, Object> rowBase = i < seeded.size() ? seeded.get(i) : new LinkedHashMap<>();
            rows.add(
                new Row(
                    String.valueOf(i),
                    String.valueOf(i + 1),
                    rowPath,
                    "f-" + Paths.htmlId(rowPath),
                    nodes(c.components(), rowPath + ".", rowBase, template)));
          }
          if (c.allowAddRemove()) {
            String rowPath = path + "[" + INDEX_PLACEHOLDER + "]";
            rowTemplate =
                new Row(
                    INDEX_PLACEHOLDER,
                    NUMBER_PLACEHOLDER,
                    rowPath,
                    "f-" + Paths.htmlId(rowPath),
                    nodes(c.components(), rowPath + ".", new LinkedHashMap<>(), true));
          }
        } else if (c.isInput()) {
          if (FormComponent.FILEPICKER.equals(c.type())) {
            files = template ? List.of() : fileLinks(base.get(c.key()));
          } else if (template) {
            Object d = c.defaultValue();
            values = d == null ? List.of() : FormValues.rawList(c, d);
          } else {
            values = raw.getOrDefault(path, List.of());
          }
        }
        List<FormOption> options =
            FormComponent.CHOICE_TYPES.contains(c.type())
                ? Options.of(c, base, context.variables())
                : List.of();
        nodes.add(
            new Node(
                c, path, id, isHidden, values, errs, options, children, rows, rowTemplate, files));
      }
      return nodes;
    }
  }

  /**
   * A file picker's stored value as links: a version id, a map with an id and a file name, or a
   * list.
   */
  static List<FileLink> fileLinks(Object value) {
    List<FileLink> links = new ArrayList<>();
    if (value instanceof Collection<?> list) {
      list.forEach(v -> links.addAll(fileLinks(v)));
    } else if (value instanceof Map<?, ?> m) {
      Object id =
          m.get("versionId") != null
              ? m.get("versionId")
              : m.get("id") != null ? m.get("id") : m.get("documentId");
      Object name = m.get("filename");
      if (id != null && !String.valueOf(id).isBlank()) {
        links.add(new FileLink(String.valueOf(id), name == null ? null : String.valueOf(name)));
      }
    } else if (value instanceof String s && !s.isBlank()) {
      links.add(new FileLink(s.strip(), null));
    }
    return links;
  }

  // ------------------------------------------------------------------------------------------------
  // read-only view

  /** Stored values for reading: {@link Item}s in display order. */
  public record Readonly(List<Item> items) {}

  /**
   * One shown value.
   *
   * @param kind {@code value} (lines of text; {@code link} when it is a web address), {@code
   *     checkbox} ({@code checked} null when not given), {@code choices} (labels), {@code files},
   *     {@code group} ({@code children}) or {@code list} ({@code rows})
   */
  public record Item(
      FormComponent component,
      String label,
      String kind,
      List<String> lines,
      boolean link,
      Boolean checked,
      List<String> labels,
      List<FileLink> files,
      List<Item> children,
      List<List<Item>> rows) {

    public boolean empty() {
      return switch (kind) {
        case "value" -> lines.isEmpty();
        case "checkbox" -> checked == null;
        case "choices" -> labels.isEmpty();
        case "files" -> files.isEmpty();
        case "list" -> rows.isEmpty();
        default -> false;
      };
    }
  }

  static Readonly readonly(
      FormSchema schema, Map<String, ?> values, FormContext context, Locale locale) {
    Map<String, Object> data = new LinkedHashMap<>();
    if (values != null) {
      data.putAll(values);
    }
    Map<String, Object> variables =
        new LinkedHashMap<>(context == null ? Map.of() : context.variables());
    variables.putAll(data);
    return new Readonly(items(schema.components(), data, variables, variables, locale));
  }

  private static List<Item> items(
      List<FormComponent> components,
      Map<String, Object> data,
      Map<String, Object> scope,
      Map<String, Object> variables,
      Locale locale) {
    List<Item> items = new ArrayList<>();
    for (FormComponent c : components) {
      if (!c.isSupported()
          || c.shownNever()
          || (c.hasCondition() && Feel.isTrue(c.hide(), scope))) {
        continue;
      }
      String label = c.labelFor(locale);
      if (c.isPathGroup()) {
        items.add(
            new Item(
                c,
                label,
                "group",
                List.of(),
                false,
                null,
                List.of(),
                List.of(),
                items(c.components(), Paths.map(data.get(c.path())), scope, variables, locale),
                List.of()));
      } else if (c.isGroup()) {
        List<Item> children = items(c.components(), data, scope, variables, locale);
        if (label == null || label.isBlank()) {
          items.addAll(children);
        } else {
          items.add(
              new Item(
                  c, label, "group", List.of(), false, null, List.of(), List.of(), children,
                  List.of()));
        }
      } else if (c.isList()) {
        List<List<Item>> rows = new ArrayList<>();
        List<Map<String, Object>> stored = Paths.rows(data.get(c.path()));
        for (Map<String, Object> row : stored == null ? List.<Map<String, Object>>of() : stored) {
          Map<String, Object> rowScope = new LinkedHashMap<>(scope);
          rowScope.putAll(row);
          rows.add(items(c.components(), row, rowScope, variables, locale));
        }
        items.add(
            new Item(
                c, label, "list", List.of(), false, null, List.of(), List.of(), List.of(), rows));
      } else if (c.isInput()) {
        Object value = data.get(c.key());
        items.add(valueItem(c, label, value, data, variables, locale));
      }
    }
    return items;
  }

  private static Item valueItem(
      FormComponent c,
      String label,
      Object value,
      Map<String, Object> local,
      Map<String, Object> variables,
      Locale locale) {
    switch (c.type()) {
      case FormComponent.CHECKBOX -> {
        Boolean checked =
            value == null
                ? null
                : Boolean.TRUE.equals(value)
                    || "true".equalsIgnoreCase(String.valueOf(value).strip());
        return new Item(
            c,
            label,
            "checkbox",
            List.of(),
            false,
            checked,
            List.of(),
            List.of(),
            List.of(),
            List.of());
      }
      case FormComponent.FILEPICKER -> {
        return new Item(
            c,
            label,
            "files",
            List.of(),
            false,
            null,
            List.of(),
            fileLinks(value),
            List.of(),
            List.of());
      }
      default -> {
        List<FormOption> options =
            FormComponent.CHOICE_TYPES.contains(c.type())
                ? Options.of(c, local, variables)
                : List.of();
        if (c.isMultiChoice()) {
          List<String> labels = new ArrayList<>();
          for (String v : FormValues.rawList(c, value)) {
            labels.add(
                options.stream()
                    .filter(o -> o.value().equals(v))
                    .findFirst()
                    .map(o -> o.labelFor(locale))
                    .orElse(v));
          }
          return new Item(
              c, label, "choices", List.of(), false, null, labels, List.of(), List.of(), List.of());
        }
        String shown;
        if (!options.isEmpty() && value != null && !String.valueOf(value).isBlank()) {
          shown =
              options.stream()
                  .filter(o -> o.value().equals(String.valueOf(value)))
                  .findFirst()
                  .map(o -> o.labelFor(locale))
                  .orElse(String.valueOf(value));
        } else {
          shown = c.displayValue(value, locale);
        }
        List<String> lines = shown == null ? List.of() : List.of(shown.split("\\R", -1));
        boolean link =
            FormComponent.TEXTFIELD.equals(c.type())
                && shown != null
                && (shown.startsWith("http://") || shown.startsWith("https://"));
        return new Item(
            c, label, "value", lines, link, null, List.of(), List.of(), List.of(), List.of());
      }
    }
  }
}
