package th.qaflow.tasklist;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the controls of a rendered task form: what a field of a given parameter path shows. */
public final class FormHtml {
  private FormHtml() {}

  /** The opening tags of the inputs (radios, text, dates) and selects named {@code name}. */
  public static List<String> controls(String page, String name) {
    List<String> found = new ArrayList<>();
    Matcher m =
        Pattern.compile(
                "<(input|select|textarea)\\b[^>]*\\bname=\"" + Pattern.quote(name) + "\"[^>]*>")
            .matcher(page);
    while (m.find()) {
      found.add(m.group());
    }
    if (found.isEmpty()) {
      throw new AssertionError("no control named " + name + " on the page");
    }
    return found;
  }

  /** Whether any radio or checkbox named {@code name} is checked. */
  public static boolean anyChecked(String page, String name) {
    return controls(page, name).stream()
        .anyMatch(tag -> Pattern.compile("\\bchecked\\b").matcher(tag).find());
  }

  /** The value an input named {@code name} shows ({@code ""} for none). */
  public static String value(String page, String name) {
    String tag = controls(page, name).get(0);
    Matcher m = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(tag);
    return m.find() ? m.group(1) : "";
  }

  /** The text of the textarea named {@code name}. */
  public static String textarea(String page, String name) {
    Matcher m =
        Pattern.compile(
                "<textarea\\b[^>]*\\bname=\"" + Pattern.quote(name) + "\"[^>]*>(.*?)</textarea>",
                Pattern.DOTALL)
            .matcher(page);
    if (!m.find()) {
      throw new AssertionError("no textarea named " + name + " on the page");
    }
    return m.group(1);
  }

  /**
   * The value of the selected option of the select named {@code name} ({@code ""} for the
   * placeholder).
   */
  public static String selected(String page, String name) {
    Matcher m =
        Pattern.compile(
                "<select\\b[^>]*\\bname=\"" + Pattern.quote(name) + "\"[^>]*>(.*?)</select>",
                Pattern.DOTALL)
            .matcher(page);
    if (!m.find()) {
      throw new AssertionError("no select named " + name + " on the page");
    }
    Matcher option =
        Pattern.compile("<option\\b[^>]*\\bvalue=\"([^\"]*)\"[^>]*\\bselected\\b")
            .matcher(m.group(1));
    Matcher option2 =
        Pattern.compile("<option\\b[^>]*\\bselected\\b[^>]*\\bvalue=\"([^\"]*)\"")
            .matcher(m.group(1));
    return option.find() ? option.group(1) : option2.find() ? option2.group(1) : "";
  }
}
