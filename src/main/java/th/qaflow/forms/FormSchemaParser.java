package th.qaflow.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import th.qaflow.forms.internal.Feel;

/**
 * Reads Camunda Forms (form-js JSON, as Camunda Modeler saves them) into {@link FormSchema}.
 * Unknown properties are ignored, unknown component types are kept (and later skipped). A file that
 * is not JSON, has no {@code id} or {@code components}, repeats a key, or has a regular expression
 * Java cannot compile is rejected with a {@link FormSchemaException} naming the file and the place.
 */
public final class FormSchemaParser {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** form-js's rule for keys (a dotted path of word characters). */
  private static final Pattern KEY = Pattern.compile("^\\w+(\\.\\w+)*$");

  private static final String LABEL_EN = "label_en";
  private static final String DESCRIPTION_EN = "description_en";
  private static final String TEXT_EN = "text_en";
  private static final String OPTION_EN_PREFIX = "option_en.";

  private FormSchemaParser() {}

  /** Parses a form; the stream is read to its end but not closed. */
  public static FormSchema parse(InputStream in) {
    return parse(in, "(stream)");
  }

  /**
   * Parses a form; {@code source} (a file name, a resource) only appears in error messages. The
   * stream is read to its end but not closed.
   */
  public static FormSchema parse(InputStream in, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new FormSchemaException(
          "Form " + source + " is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new FormSchemaException("Form " + source + " could not be read: " + e.getMessage(), e);
    }
    return fromTree(root, source);
  }

  public static FormSchema parse(String json) {
    return parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "(string)");
  }

  private static FormSchema fromTree(JsonNode root, String source) {
    if (root == null || !root.isObject()) {
      throw new FormSchemaException("Form " + source + " is not a JSON object");
    }
    String id = text(root, "id");
    if (id == null || id.isBlank()) {
      throw new FormSchemaException("Form " + source + " has no \"id\"");
    }
    String where = "Form " + id + " (" + source + ")";
    JsonNode components = root.get("components");
    if (components == null || !components.isArray()) {
      throw new FormSchemaException(where + " has no \"components\" array");
    }
    Set<String> keys = new HashSet<>();
    List<FormComponent> parsed = components(components, where, "components", keys);
    JsonNode version = root.get("schemaVersion");
    return new FormSchema(
        id,
        text(root, "type"),
        version != null && version.canConvertToInt() ? version.intValue() : null,
        text(root, "executionPlatform"),
        text(root, "executionPlatformVersion"),
        parsed);
  }

  private static List<FormComponent> components(
      JsonNode array, String where, String path, Set<String> keys) {
    List<FormComponent> list = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      list.add(component(array.get(i), where, path + "[" + i + "]", keys));
    }
    return list;
  }

  private static FormComponent component(
      JsonNode node, String where, String path, Set<String> keys) {
    if (node == null || !node.isObject()) {
      throw new FormSchemaException(where + ": " + path + " is not an object");
    }
    String type = text(node, "type");
    if (type == null || type.isBlank()) {
      throw new FormSchemaException(where + ": " + path + " has no \"type\"");
    }
    String id = text(node, "id");
    String at = where + ": component " + (id != null ? id : path);

    String key = text(node, "key");
    if (key != null) {
      if (!KEY.matcher(key).matches()) {
        throw new FormSchemaException(at + " has an invalid key \"" + key + "\"");
      }
      if (FormComponent.INPUT_TYPES.contains(type) && !keys.add(key)) {
        throw new FormSchemaException(at + " repeats the key \"" + key + "\"");
      }
    }
    String dataPath = text(node, "path");
    if (dataPath != null && dataPath.isBlank()) {
      dataPath = null;
    }
    boolean list = FormComponent.DYNAMICLIST.equals(type);
    boolean group = FormComponent.GROUP.equals(type);
    if (list && dataPath == null) {
      throw new FormSchemaException(at + " is a dynamic list without a \"path\"");
    }
    if ((list || group) && dataPath != null) {
      if (!KEY.matcher(dataPath).matches() || dataPath.contains(".")) {
        throw new FormSchemaException(at + " has an invalid path \"" + dataPath + "\"");
      }
      if (!keys.add(dataPath)) {
        throw new FormSchemaException(at + " repeats the key or path \"" + dataPath + "\"");
      }
    }
    // Keys are unique within the data they belong to: a list row or a group with a path starts
    // afresh.
    Set<String> childKeys = (list || group) && dataPath != null ? new HashSet<>() : keys;
    String hide = null;
    JsonNode conditional = node.get("conditional");
    if (conditional != null && conditional.isObject()) {
      hide = text(conditional, "hide");
      if (hide != null && hide.isBlank()) {
        hide = null;
      }
      if (hide != null) {
        hide = feel(hide, at, "conditional.hide");
      }
    }

    Map<String, String> properties = properties(node.get("properties"));
    String subtype = text(node, "subtype");
    String label = text(node, "label");
    if (FormComponent.DATETIME.equals(type)) {
      String dateLabel = text(node, "dateLabel");
      String timeLabel = text(node, "timeLabel");
      String preferred = FormComponent.SUBTYPE_TIME.equals(subtype) ? timeLabel : dateLabel;
      label = firstNonBlank(preferred, dateLabel, timeLabel, label);
    }

    JsonNode children = node.get("components");
    return new FormComponent(
        type,
        id,
        key,
        label,
        properties.get(LABEL_EN),
        text(node, "description"),
        properties.get(DESCRIPTION_EN),
        text(node, "text"),
        properties.get(TEXT_EN),
        plain(node.get("defaultValue")),
        options(node.get("values"), properties, at),
        validation(node.get("validate"), at),
        subtype,
        node.has("decimalDigits") && node.get("decimalDigits").canConvertToInt()
            ? node.get("decimalDigits").intValue()
            : null,
        node.path("readonly").asBoolean(false) && node.get("readonly").isBoolean(),
        node.path("disabled").asBoolean(false) && node.get("disabled").isBoolean(),
        properties,
        children != null && children.isArray()
            ? components(children, where, path + ".components", childKeys)
            : List.of(),
        dataPath,
        blankToNull(text(node, "valuesKey")),
        hide,
        node.path("allowAddRemove").asBoolean(false),
        node.has("defaultRepetitions") && node.get("defaultRepetitions").canConvertToInt()
            ? node.get("defaultRepetitions").intValue()
            : null,
        node.has("nonCollapsedItems") && node.get("nonCollapsedItems").canConvertToInt()
            ? node.get("nonCollapsedItems").intValue()
            : null,
        blankToNull(text(node, "accept")),
        node.path("multiple").asBoolean(false));
  }

  /** A FEEL expression ({@code =…}) checked for syntax; returned without its {@code =}. */
  private static String feel(String expression, String at, String name) {
    String e = expression.strip();
    if (!e.startsWith("=")) {
      throw new FormSchemaException(
          at + ": " + name + " \"" + e + "\" is not a FEEL expression (it must start with =)");
    }
    String stripped = Feel.strip(e);
    Feel.syntaxError(stripped)
        .ifPresent(
            error -> {
              throw new FormSchemaException(
                  at + ": " + name + " \"" + e + "\" is not valid FEEL: " + error);
            });
    return stripped;
  }

  private static String expression(JsonNode n, String at, String name) {
    if (n != null && n.isTextual() && n.asText().strip().startsWith("=")) {
      return feel(n.asText(), at, "validate." + name);
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static List<FormOption> options(
      JsonNode values, Map<String, String> properties, String at) {
    if (values == null || !values.isArray()) {
      return List.of();
    }
    List<FormOption> options = new ArrayList<>();
    for (JsonNode v : values) {
      JsonNode value = v.get("value");
      if (value == null || value.isNull() || value.isContainerNode()) {
        throw new FormSchemaException(at + " has an option without a value");
      }
      String code = value.asText();
      options.add(new FormOption(code, text(v, "label"), properties.get(OPTION_EN_PREFIX + code)));
    }
    return options;
  }

  private static FormValidation validation(JsonNode v, String at) {
    if (v == null || !v.isObject()) {
      return FormValidation.NONE;
    }
    String pattern = text(v, "pattern");
    if (pattern != null && pattern.isEmpty()) {
      pattern = null;
    }
    if (pattern != null) {
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        throw new FormSchemaException(
            at + " has a pattern Java cannot compile: " + e.getMessage(), e);
      }
    }
    return new FormValidation(
        v.path("required").asBoolean(false),
        decimal(v.get("min"), at, "min"),
        decimal(v.get("max"), at, "max"),
        integer(v.get("minLength"), at, "minLength"),
        integer(v.get("maxLength"), at, "maxLength"),
        pattern,
        text(v, "validationType"),
        expression(v.get("min"), at, "min"),
        expression(v.get("max"), at, "max"),
        expression(v.get("minLength"), at, "minLength"),
        expression(v.get("maxLength"), at, "maxLength"));
  }

  private static BigDecimal decimal(JsonNode n, String at, String name) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return n.decimalValue();
    }
    String s = n.asText().strip();
    if (s.isEmpty()) {
      return null;
    }
    if (s.startsWith("=")) {
      return null; // a FEEL expression: see expression()
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new FormSchemaException(at + ": validate." + name + " \"" + s + "\" is not a number");
    }
  }

  private static Integer integer(JsonNode n, String at, String name) {
    BigDecimal d = decimal(n, at, name);
    if (d == null) {
      return null;
    }
    try {
      return d.intValueExact();
    } catch (ArithmeticException e) {
      throw new FormSchemaException(
          at + ": validate." + name + " \"" + d + "\" is not a whole number");
    }
  }

  private static Map<String, String> properties(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                if (!e.getValue().isNull()) {
                  map.put(
                      e.getKey(),
                      e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
                }
              });
    }
    return map;
  }

  private static Object plain(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      return n.longValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isArray()) {
      List<Object> list = new ArrayList<>();
      n.forEach(e -> list.add(plain(e)));
      return list;
    }
    return n.isValueNode() ? n.asText() : n.toString();
  }

  private static String text(JsonNode node, String field) {
    JsonNode n = node.get(field);
    return n == null || n.isNull() || !n.isValueNode() ? null : n.asText();
  }

  private static String firstNonBlank(String... candidates) {
    for (String c : candidates) {
      if (c != null && !c.isBlank()) {
        return c;
      }
    }
    return null;
  }
}
