package th.qaflow.standards.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import th.qaflow.standards.EducationLevel;
import th.qaflow.standards.Framework;
import th.qaflow.standards.FrameworkFileException;
import th.qaflow.standards.FrameworkPurpose;
import th.qaflow.standards.Level;
import th.qaflow.standards.Standard;

/** Reads and checks a framework file (JSON); every problem names the file and the place. */
final class FrameworkFiles {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{1,59}$");
  private static final Pattern STANDARD_CODE = Pattern.compile("^[0-9A-Za-z][0-9A-Za-z.]{0,19}$");

  private FrameworkFiles() {}

  static Framework read(InputStream in, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (IOException e) {
      throw new FrameworkFileException(source + ": not valid JSON", e);
    }
    if (root == null || !root.isObject()) {
      throw new FrameworkFileException(source + ": expected a JSON object");
    }
    String code = text(root, "code", source);
    if (!CODE.matcher(code).matches()) {
      throw new FrameworkFileException(
          source + ": code '" + code + "' must be lower-case letters, digits and '-'");
    }
    EducationLevel level =
        enumValue(EducationLevel.class, text(root, "educationLevel", source), source);
    FrameworkPurpose purpose =
        enumValue(FrameworkPurpose.class, text(root, "purpose", source), source);
    int from = year(root.get("effectiveFrom"), "effectiveFrom", source);
    Integer to =
        root.hasNonNull("effectiveTo")
            ? year(root.get("effectiveTo"), "effectiveTo", source)
            : null;
    if (to != null && to < from) {
      throw new FrameworkFileException(
          source + ": effectiveTo " + to + " is before effectiveFrom " + from);
    }
    List<Level> levels = levels(root.get("levels"), source);
    List<Standard> standards = standards(root.get("standards"), source);
    return new Framework(
        code,
        text(root, "nameTh", source),
        text(root, "nameEn", source),
        level,
        purpose,
        from,
        to,
        levels,
        standards);
  }

  private static List<Level> levels(JsonNode node, String source) {
    if (node == null || !node.isArray() || node.isEmpty()) {
      throw new FrameworkFileException(source + ": 'levels' must list at least one level");
    }
    List<Level> levels = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int previous = Integer.MAX_VALUE;
    for (JsonNode l : node) {
      String where = source + " levels[" + levels.size() + "]";
      String value = text(l, "value", where);
      int rank;
      try {
        rank = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new FrameworkFileException(
            where + ": value '" + value + "' must be a whole number (higher is better)");
      }
      if (!seen.add(value) || rank >= previous) {
        throw new FrameworkFileException(
            where + ": levels must be listed best first with distinct values");
      }
      previous = rank;
      levels.add(new Level(value, text(l, "nameTh", where), text(l, "nameEn", where)));
    }
    return levels;
  }

  private static List<Standard> standards(JsonNode node, String source) {
    if (node == null || !node.isArray() || node.isEmpty()) {
      throw new FrameworkFileException(source + ": 'standards' must list at least one standard");
    }
    List<Standard> standards = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (JsonNode s : node) {
      String where = source + " standards[" + standards.size() + "]";
      String code = standardCode(s, where, codes);
      List<Standard.Item> items = new ArrayList<>();
      JsonNode itemNodes = s.get("items");
      if (itemNodes != null && !itemNodes.isNull()) {
        if (!itemNodes.isArray()) {
          throw new FrameworkFileException(where + ": 'items' must be a list");
        }
        for (JsonNode i : itemNodes) {
          String itemWhere = where + " items[" + items.size() + "]";
          items.add(
              new Standard.Item(
                  standardCode(i, itemWhere, codes),
                  text(i, "nameTh", itemWhere),
                  text(i, "nameEn", itemWhere)));
        }
      }
      standards.add(new Standard(code, text(s, "nameTh", where), text(s, "nameEn", where), items));
    }
    return standards;
  }

  private static String standardCode(JsonNode node, String where, Set<String> codes) {
    String code = text(node, "code", where);
    if (!STANDARD_CODE.matcher(code).matches()) {
      throw new FrameworkFileException(
          where + ": code '" + code + "' must be digits, letters and dots");
    }
    if (!codes.add(code)) {
      throw new FrameworkFileException(where + ": code '" + code + "' is used twice");
    }
    return code;
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new FrameworkFileException(where + ": '" + field + "' is missing or empty");
    }
    String text = v.asText().strip();
    if (text.length() > 500) {
      throw new FrameworkFileException(where + ": '" + field + "' is longer than 500 characters");
    }
    return text;
  }

  private static int year(JsonNode v, String field, String where) {
    if (v == null || !v.canConvertToInt() || v.asInt() < 2500 || v.asInt() > 2700) {
      throw new FrameworkFileException(
          where + ": '" + field + "' must be a Buddhist-Era year such as 2561");
    }
    return v.asInt();
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String where) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new FrameworkFileException(
          where
              + ": '"
              + value
              + "' is not one of "
              + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }
}
