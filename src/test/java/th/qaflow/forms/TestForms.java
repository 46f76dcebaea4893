package th.qaflow.forms;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers shared by the forms tests. */
final class TestForms {

  private TestForms() {}

  /** A form with one component given as JSON (without the surrounding schema). */
  static FormSchema withComponents(String... componentsJson) {
    return FormSchemaParser.parse(
        """
        {"id": "Test", "type": "default", "schemaVersion": 16, "components": [%s]}
        """
            .formatted(String.join(",", componentsJson)));
  }

  /** Request parameters from key/value pairs. */
  static Map<String, String[]> params(String... keysAndValues) {
    Map<String, String[]> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], new String[] {keysAndValues[i + 1]});
    }
    return map;
  }
}
