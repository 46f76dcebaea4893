package th.qaflow.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the browser sent: request parameters ({@code key}, {@code g.key}, {@code rows[0].key}, a
 * checklist's parameter once per value) and the files of file pickers, by the same parameter names.
 */
public record FormSubmission(Map<String, String[]> params, Map<String, List<UploadedFile>> files) {

  public FormSubmission {
    params = params == null ? Map.of() : new LinkedHashMap<>(params);
    Map<String, List<UploadedFile>> copy = new LinkedHashMap<>();
    if (files != null) {
      files.forEach(
          (k, v) ->
              copy.put(
                  k,
                  v == null
                      ? List.of()
                      : v.stream().filter(f -> f != null && !f.isEmpty()).toList()));
    }
    files = copy;
  }

  /** A submission without files. */
  public static FormSubmission of(Map<String, String[]> params) {
    return new FormSubmission(params, Map.of());
  }

  /** The non-empty files sent under this parameter name. */
  public List<UploadedFile> filesOf(String name) {
    return files.getOrDefault(name, List.of());
  }
}
