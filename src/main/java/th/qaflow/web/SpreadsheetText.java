package th.qaflow.web;

/**
 * The one guard against spreadsheet formula injection for every CSV and XLSX export: a text that
 * starts with = + - @ TAB or CR (a school name such as {@code =HYPERLINK(...)}) gets a leading
 * apostrophe, so Excel, LibreOffice and Google Sheets show it as text instead of running it.
 * Applied by the exports' one writer, {@link th.qaflow.web.export.TableWriter}, to every text it
 * writes.
 */
public final class SpreadsheetText {
  private static final String TRIGGERS = "=+-@\t\r\n";

  private SpreadsheetText() {}

  /**
   * The value as a spreadsheet must show it: unchanged, or with a ' in front when it could be a
   * formula.
   */
  public static String safe(String value) {
    if (value == null || value.isEmpty()) {
      return value == null ? "" : value;
    }
    return TRIGGERS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }
}
