package th.qaflow.forms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of validating a submission.
 *
 * @param values typed values, nested, ready to become process variables: {@code String}, {@code
 *     Long}/{@code Double}, {@code Boolean}, dates and times as ISO strings, a group with a path as
 *     a {@code Map<String,Object>}, a dynamic list as a {@code List<Map<String,Object>>}, a
 *     checklist or taglist as a {@code List<String>}, a file picker as the {@link UploadedFile} (or
 *     a list of them when {@code multiple}) sent now, otherwise its current value unchanged; a
 *     blank optional field (or a hidden one) at the top level maps to {@code null} so that
 *     completing the task clears an earlier value
 * @param raw what the user sent, by parameter path ({@code key}, {@code g.key}, {@code
 *     rows[1].key}; every value of a repeated parameter), to show again in the form when there are
 *     errors; each list row also has an entry {@code rows[1]} (with no values) so that rows without
 *     any sent value are kept
 * @param errors errors by parameter path; empty when the submission is valid
 */
public record FormResult(
    Map<String, Object> values,
    Map<String, List<String>> raw,
    Map<String, List<FieldError>> errors) {

  public FormResult {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values)); // may hold nulls
    Map<String, List<String>> rawCopy = new LinkedHashMap<>();
    raw.forEach(
        (k, v) ->
            rawCopy.put(
                k,
                v == null
                    ? List.of()
                    : Collections.unmodifiableList(new java.util.ArrayList<>(v))));
    raw = Collections.unmodifiableMap(rawCopy);
    Map<String, List<FieldError>> copy = new LinkedHashMap<>();
    errors.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    errors = Collections.unmodifiableMap(copy);
  }

  public boolean valid() {
    return errors.isEmpty();
  }

  /** The errors of one field (by parameter path), empty when it has none. */
  public List<FieldError> errorsOf(String path) {
    return errors.getOrDefault(path, List.of());
  }

  /** The first value sent for this parameter path, or {@code null}. */
  public String rawValue(String path) {
    List<String> sent = raw.get(path);
    return sent == null || sent.isEmpty() ? null : sent.get(0);
  }
}
