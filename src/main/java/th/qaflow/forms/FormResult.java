package th.qaflow.forms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of validating a submission.
 *
 * @param values typed values by key, ready to become process variables: {@code String},
 *     {@code Long}/{@code Double}, {@code Boolean}, dates and times as ISO strings; a blank optional
 *     field maps to {@code null} so that completing the task clears an earlier value
 * @param raw what the user sent, by key, to show again in the form when there are errors
 * @param errors errors by key; empty when the submission is valid
 */
public record FormResult(
    Map<String, Object> values, Map<String, String> raw, Map<String, List<FieldError>> errors) {

  public FormResult {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values)); // may hold nulls
    raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
    Map<String, List<FieldError>> copy = new LinkedHashMap<>();
    errors.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    errors = Collections.unmodifiableMap(copy);
  }

  public boolean valid() {
    return errors.isEmpty();
  }

  /** The errors of one field, empty when it has none. */
  public List<FieldError> errorsOf(String key) {
    return errors.getOrDefault(key, List.of());
  }
}
