package th.qaflow.kernel;

/**
 * Which control characters a typed text may hold. Multi-line texts (textareas, comments) may hold
 * TAB, LF and CR; single-line values (names, codes, file names) none at all. NUL, ESC and the other
 * C0 controls and DEL are never accepted: they break databases (PostgreSQL refuses NUL), logs,
 * terminals and CSV files.
 */
public final class InputText {
  private InputText() {}

  /** True when the text holds a control character not allowed in a multi-line text. */
  public static boolean badMultiLine(String text) {
    if (text == null) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (isControl(ch) && ch != '\t' && ch != '\n' && ch != '\r') {
        return true;
      }
    }
    return false;
  }

  /** True when the text holds any control character, CR, LF and TAB included. */
  public static boolean badSingleLine(String text) {
    if (text == null) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (isControl(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isControl(char ch) {
    return ch < 0x20 || ch == 0x7F || (ch >= 0x80 && ch < 0xA0);
  }
}
