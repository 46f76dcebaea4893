package th.qaflow.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed Camunda Form ({@code .form}, form-js JSON).
 *
 * @param id the form id, referenced from BPMN by {@code camunda:formRef}
 * @param components top-level components in display order
 */
public record FormSchema(
    String id,
    String type,
    Integer schemaVersion,
    String executionPlatform,
    String executionPlatformVersion,
    List<FormComponent> components) {

  public FormSchema {
    components = components == null ? List.of() : List.copyOf(components);
  }

  /**
   * The input components bound to top-level keys (also those inside groups without a path), in
   * display order. Inputs inside lists and groups with a path are in their container's {@link
   * FormComponent#components()}.
   */
  public List<FormComponent> inputs() {
    List<FormComponent> inputs = new ArrayList<>();
    collect(components, inputs);
    return inputs;
  }

  private static void collect(List<FormComponent> components, List<FormComponent> into) {
    for (FormComponent c : components) {
      if (c.isInput()) {
        into.add(c);
      } else if (c.isGroup() && !c.isPathGroup()) {
        collect(c.components(), into);
      }
    }
  }

  /** The keys of {@link #inputs()}. */
  public List<String> keys() {
    return inputs().stream().map(FormComponent::key).toList();
  }

  /**
   * The process variables this form writes, in display order: the keys of its top-level inputs and
   * the paths of its top-level lists and groups with a path.
   */
  public List<String> variables() {
    List<String> names = new ArrayList<>();
    variables(components, names);
    return names;
  }

  private static void variables(List<FormComponent> components, List<String> into) {
    for (FormComponent c : components) {
      if (c.isInput() || c.isList() || c.isPathGroup()) {
        into.add(c.name());
      } else if (c.isGroup()) {
        variables(c.components(), into);
      }
    }
  }

  /**
   * The pre-filled fields, their conditions evaluated, for the {@code forms/fields} fragment.
   *
   * @param raw {@code Map<String, List<String>>} ({@link FormValues#initial}, {@link
   *     FormResult#raw()}) or {@code Map<String, String>} ({@link FormValues#toRaw}); may be {@code
   *     null}
   * @param errors by parameter path, may be {@code null}
   * @param context may be {@code null}
   */
  public FormView view(
      Map<String, ?> raw, Map<String, ? extends List<FieldError>> errors, FormContext context) {
    return FormView.of(this, raw, errors, context);
  }

  /**
   * Read-only display of stored (nested) values, for the {@code forms/fields :: readonly} fragment.
   *
   * @param context further variables for options ({@code valuesKey}) and conditions; may be {@code
   *     null}
   */
  public FormView.Readonly readonlyView(
      Map<String, ?> values, FormContext context, java.util.Locale locale) {
    return FormView.readonly(this, values, context, locale);
  }

  public Optional<FormComponent> input(String key) {
    return inputs().stream().filter(c -> Objects.equals(c.key(), key)).findFirst();
  }
}
