package th.qaflow.tasklist.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import th.qaflow.forms.UploadedFile;

/**
 * Turns a validated form's values into process variables: each uploaded file becomes a document
 * version and the variable keeps only its {@link th.qaflow.documents.DocumentReference}; lists and
 * groups become JSON variables, so they are readable from Cockpit and free of Java serialization.
 */
final class DocumentValues {
  private DocumentValues() {}

  /**
   * Replaces every {@link UploadedFile}, at any depth, by what {@code store} makes of it (path,
   * file).
   */
  static Map<String, Object> replaceFiles(
      Map<String, Object> values, BiFunction<String, UploadedFile, Object> store) {
    Map<String, Object> result = new LinkedHashMap<>();
    values.forEach((key, value) -> result.put(key, replace(value, key, store)));
    return result;
  }

  @SuppressWarnings("unchecked")
  private static Object replace(
      Object value, String path, BiFunction<String, UploadedFile, Object> store) {
    if (value instanceof UploadedFile file) {
      return store.apply(path, file);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, replace(v, path + "." + k, store)));
      return copy;
    }
    if (value instanceof Collection<?> list) {
      List<Object> copy = new ArrayList<>();
      int i = 0;
      for (Object element : list) {
        copy.add(replace(element, path + "[" + i++ + "]", store));
      }
      return copy;
    }
    return value;
  }

  /** A document slot name for a field path: {@code rows[2].evidence} → {@code rows.2.evidence}. */
  static String slotOf(String path) {
    return path.replace("]", "").replace('[', '.');
  }

  /** Process variables: lists and maps as JSON values, everything else as it is. */
  static VariableMap asVariables(Map<String, Object> values) {
    VariableMap variables = Variables.createVariables();
    values.forEach(
        (name, value) ->
            variables.putValue(
                name,
                value instanceof Collection<?> || value instanceof Map<?, ?>
                    ? Variables.objectValue(value)
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                        .create()
                    : value));
    return variables;
  }
}
