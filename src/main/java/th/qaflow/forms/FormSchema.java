package th.qaflow.forms;

import java.util.List;
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

  /** The input components bound to keys, in display order. */
  public List<FormComponent> inputs() {
    return components.stream().filter(FormComponent::isInput).toList();
  }

  /** The keys of {@link #inputs()}: the process variables this form writes. */
  public List<String> keys() {
    return inputs().stream().map(FormComponent::key).toList();
  }

  public Optional<FormComponent> input(String key) {
    return inputs().stream().filter(c -> Objects.equals(c.key(), key)).findFirst();
  }
}
