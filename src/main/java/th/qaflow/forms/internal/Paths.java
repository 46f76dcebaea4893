package th.qaflow.forms.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parameter paths ({@code g.key}, {@code rows[0].key}) and the data they name. */
public final class Paths {

  /** The most rows a list keeps; more is an error, not a slow request. */
  public static final int MAX_ROWS = 200;

  private static final Pattern INDEX = Pattern.compile("^(0|[1-9]\\d{0,5})\\]");

  private Paths() {}

  /** A value at a dotted path of nested maps ({@code a.b}), or {@code null}. */
  public static Object lookup(Map<String, ?> data, String dotted) {
    if (data == null || dotted == null) {
      return null;
    }
    if (data.containsKey(dotted)) {
      return data.get(dotted);
    }
    Object current = data;
    for (String part : dotted.split("\\.")) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(part);
    }
    return current;
  }

  /** The map at this value, or an empty map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), v));
      return copy;
    }
    return new LinkedHashMap<>();
  }

  /**
   * The rows of a list value (non-map entries become empty rows), or {@code null} when not a list.
   */
  public static List<Map<String, Object>> rows(Object value) {
    if (!(value instanceof Collection<?> list)) {
      return null;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Object o : list) {
      rows.add(map(o));
    }
    return rows;
  }

  /**
   * The row indices named by any of these parameter names for the list at {@code listPath} ({@code
   * rows[3].x} → 3), in order. Only canonical indices (no leading zeros) count.
   */
  public static TreeSet<Integer> indices(String listPath, Collection<String> names) {
    TreeSet<Integer> found = new TreeSet<>();
    String start = listPath + "[";
    for (String name : names) {
      if (name != null && name.startsWith(start)) {
        Matcher m = INDEX.matcher(name.substring(start.length()));
        if (m.find()) {
          found.add(Integer.parseInt(m.group(1)));
        }
      }
    }
    return found;
  }

  /** A parameter path as an HTML id fragment: {@code rows[0].g.key} → {@code rows-0-g-key}. */
  public static String htmlId(String path) {
    return path.replace("].", "-").replace("[", "-").replace("]", "").replace('.', '-');
  }
}
