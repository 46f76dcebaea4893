package th.qaflow.web;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} with the exact name in {@code filename*} (RFC 5987/6266,
 * UTF-8, percent-encoded) and a plain-ASCII {@code filename} for old clients. Every download of QA
 * Flow (documents, exports, reports) names its file this way, so Thai names survive (Tomcat drops a
 * raw non-Latin-1 header).
 */
public final class ContentDispositions {
  private ContentDispositions() {}

  public static String attachment(String filename) {
    return "attachment; filename=\""
        + asciiFallback(filename)
        + "\"; filename*=UTF-8''"
        + rfc5987(filename);
  }

  /**
   * Printable ASCII kept (but for quote, backslash and percent); any run of other characters
   * becomes one _.
   */
  static String asciiFallback(String filename) {
    StringBuilder out = new StringBuilder();
    filename
        .codePoints()
        .forEach(
            cp -> {
              boolean keep = cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\' && cp != '%';
              if (keep) {
                out.append((char) cp);
              } else if (out.isEmpty() || out.charAt(out.length() - 1) != '_') {
                out.append('_');
              }
            });
    String ascii = out.toString();
    int dot = ascii.lastIndexOf('.');
    String base = dot < 0 ? ascii : ascii.substring(0, dot);
    if (base.chars().noneMatch(Character::isLetterOrDigit)) {
      return "document" + (dot < 0 ? "" : ascii.substring(dot));
    }
    return ascii;
  }

  static String rfc5987(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }
}
