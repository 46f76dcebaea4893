package th.qaflow.forms.internal;

/** Trimming and length rules for what people type. */
public final class Texts {

  private Texts() {}

  /**
   * Removes leading and trailing white space, including no-break and ideographic spaces and the
   * zero-width space and BOM that pasted Thai text often carries. Everything between is kept
   * exactly (combining vowels and tone marks, emoji sequences with zero-width joiners, line
   * breaks).
   */
  public static String trim(String s) {
    if (s == null) {
      return "";
    }
    int start = 0;
    int end = s.length();
    while (start < end) {
      int cp = s.codePointAt(start);
      if (!isEdgeSpace(cp)) {
        break;
      }
      start += Character.charCount(cp);
    }
    while (end > start) {
      int cp = s.codePointBefore(end);
      if (!isEdgeSpace(cp)) {
        break;
      }
      end -= Character.charCount(cp);
    }
    return s.substring(start, end);
  }

  /**
   * Length as people count characters in a form: Unicode code points (a Thai tone mark counts, a
   * surrogate pair counts once), with a CR LF line break (as browsers send textarea line breaks)
   * counted once, as the browser counted it while typing.
   */
  public static int length(String s) {
    int n = s.codePointCount(0, s.length());
    for (int i = s.indexOf("\r\n"); i >= 0; i = s.indexOf("\r\n", i + 2)) {
      n--;
    }
    return n;
  }

  /** Replaces Thai digits (๐–๙) with ASCII digits, for reading numbers typed on a Thai keyboard. */
  public static String asciiDigits(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c >= '\u0E50' && c <= '\u0E59' ? (char) ('0' + (c - '\u0E50')) : c);
    }
    return b.toString();
  }

  private static boolean isEdgeSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x200B || cp == 0xFEFF;
  }
}
