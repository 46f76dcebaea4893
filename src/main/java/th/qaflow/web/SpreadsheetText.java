package th.qaflow.web;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The one guard against spreadsheet formula injection for every CSV and XLSX export: a text that starts
 * with = + - @ TAB or CR (a school name such as {@code =HYPERLINK(...)}) gets a leading apostrophe, so
 * Excel, LibreOffice and Google Sheets show it as text instead of running it.
 */
public final class SpreadsheetText {
  private static final String TRIGGERS = "=+-@\t\r\n";

  private SpreadsheetText() {}

  /** The value as a spreadsheet must show it: unchanged, or with a ' in front when it could be a formula. */
  public static String safe(String value) {
    if (value == null || value.isEmpty()) {
      return value == null ? "" : value;
    }
    return TRIGGERS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  /** Neutralises every text cell of the workbook, then writes it: call this instead of {@code book.write}. */
  public static void write(Workbook book, OutputStream out) throws IOException {
    for (Sheet sheet : book) {
      for (Row row : sheet) {
        for (Cell cell : row) {
          if (cell.getCellType() == CellType.STRING) {
            String text = cell.getStringCellValue();
            String safe = safe(text);
            if (!safe.equals(text)) {
              cell.setCellValue(safe);
            }
          }
        }
      }
    }
    book.write(out);
  }
}
