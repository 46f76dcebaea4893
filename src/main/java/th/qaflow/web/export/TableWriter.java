package th.qaflow.web.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.MediaType;
import th.qaflow.web.SpreadsheetText;
import th.qaflow.web.ThaiDates;
import th.qaflow.web.export.Table.Cell;

/**
 * The one CSV writer and the one XLSX writer of QA Flow's exports.
 *
 * <ul>
 *   <li>CSV: UTF-8 with a BOM (so Excel shows Thai), RFC 4180 (commons-csv, Excel dialect); dates
 *       as the pages show them (Buddhist Era in Thai).
 *   <li>XLSX: streamed (SXSSF, a few hundred rows in memory, so a 3,000-school district is no
 *       problem); numbers and dates are real number and date cells (Thai: Buddhist-Era date
 *       format), the header row is bold, frozen and has an autofilter, columns are as wide as their
 *       text (within limits).
 * </ul>
 *
 * Every text, header included, passes {@link SpreadsheetText#safe} in {@link #shown} and nowhere
 * else.
 */
public final class TableWriter {
  public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  public static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  // Excel's locale prefix: 07 = Thai Buddhist calendar, 041E = Thai (month names); 409 = English
  static final String TH_DATE = "[$-107041E]d mmm yyyy";
  static final String TH_DATE_TIME = "[$-107041E]d mmm yyyy hh:mm \"น.\"";
  static final String EN_DATE = "[$-409]d mmm yyyy";
  static final String EN_DATE_TIME = "[$-409]d mmm yyyy hh:mm";
  static final int MIN_WIDTH = 8;
  static final int MAX_WIDTH = 60;
  private static final int ROWS_IN_MEMORY = 200;
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private TableWriter() {}

  public static byte[] csv(Table table, Locale locale) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      out.write(BOM);
      try (CSVPrinter printer =
          new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.EXCEL)) {
        printer.printRecord(
            Table.texts(table.header()).stream().map(c -> shown(c, locale)).toList());
        for (List<Cell> row : table.rows()) {
          printer.printRecord(row.stream().map(c -> shown(c, locale)).toList());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] xlsx(Table table, Locale locale) {
    return xlsx(List.of(table), locale);
  }

  /** A workbook with one sheet per table, in order. */
  public static byte[] xlsx(List<Table> tables, Locale locale) {
    try (SXSSFWorkbook book = new SXSSFWorkbook(ROWS_IN_MEMORY);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      try {
        book.setCompressTempFiles(true);
        Styles styles = new Styles(book, "en".equals(locale.getLanguage()));
        for (Table table : tables) {
          sheet(book, styles, table, locale);
        }
        book.write(out);
        return out.toByteArray();
      } finally {
        book.dispose(); // the streamed rows' temporary files
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sheet(SXSSFWorkbook book, Styles styles, Table table, Locale locale) {
    Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(table.name()));
    int columns = table.header().size();
    for (List<Cell> row : table.rows()) {
      columns = Math.max(columns, row.size());
    }
    int[] widths = widths(table, columns, locale);
    Row head = sheet.createRow(0);
    for (int c = 0; c < table.header().size(); c++) {
      org.apache.poi.ss.usermodel.Cell x = head.createCell(c);
      x.setCellValue(shown(Table.text(table.header().get(c)), locale));
      x.setCellStyle(styles.head);
    }
    int r = 1;
    for (List<Cell> row : table.rows()) {
      Row line = sheet.createRow(r++);
      for (int c = 0; c < row.size(); c++) {
        Cell cell = row.get(c);
        org.apache.poi.ss.usermodel.Cell x = line.createCell(c);
        if (cell instanceof Table.Number n) {
          x.setCellValue(n.value());
          if (n.decimals() > 0) {
            x.setCellStyle(styles.decimal);
          }
        } else if (cell instanceof Table.When w) {
          x.setCellValue(w.value());
          x.setCellStyle(w.withTime() ? styles.dateTime : styles.date);
        } else {
          x.setCellValue(shown(cell, locale));
          if (widths[c] > MAX_WIDTH) {
            x.setCellStyle(styles.wrap); // a long text wraps in its capped column
          }
        }
      }
    }
    for (int c = 0; c < columns; c++) {
      sheet.setColumnWidth(c, Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, widths[c] + 2)) * 256);
    }
    if (columns > 0) {
      sheet.createFreezePane(0, 1);
      sheet.setAutoFilter(new CellRangeAddress(0, table.rows().size(), 0, columns - 1));
    }
  }

  /** Each column's widest text, in characters (header a little wider: it is bold). */
  private static int[] widths(Table table, int columns, Locale locale) {
    int[] widths = new int[columns];
    for (int c = 0; c < table.header().size(); c++) {
      widths[c] = width(table.header().get(c)) + 2;
    }
    for (List<Cell> row : table.rows()) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], width(shown(row.get(c), locale)));
      }
    }
    return widths;
  }

  /** Characters that take room: Thai vowel and tone marks above and below a letter take none. */
  static int width(String text) {
    int longest = 0;
    for (String line : text.split("\n", -1)) {
      longest =
          Math.max(
              longest,
              (int)
                  line.codePoints()
                      .filter(
                          cp -> {
                            int type = Character.getType(cp);
                            return type != Character.NON_SPACING_MARK
                                && type != Character.ENCLOSING_MARK;
                          })
                      .count());
    }
    return longest;
  }

  /** What a cell shows as text: the only place the formula guard is applied, for both formats. */
  static String shown(Cell cell, Locale locale) {
    if (cell instanceof Table.Number n) {
      return n.decimals() == 0
          ? String.valueOf(Math.round(n.value()))
          : String.format(Locale.ROOT, "%." + n.decimals() + "f", n.value());
    }
    if (cell instanceof Table.When w) {
      return w.withTime()
          ? ThaiDates.dateTime(w.value(), locale)
          : ThaiDates.date(w.value(), locale);
    }
    return SpreadsheetText.safe(((Table.Text) cell).value());
  }

  private static final class Styles {
    final CellStyle head;
    final CellStyle decimal;
    final CellStyle date;
    final CellStyle dateTime;
    final CellStyle wrap;

    Styles(SXSSFWorkbook book, boolean english) {
      head = book.createCellStyle();
      Font bold = book.createFont();
      bold.setBold(true);
      head.setFont(bold);
      head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      head.setVerticalAlignment(VerticalAlignment.TOP);
      decimal = format(book, "0.00");
      date = format(book, english ? EN_DATE : TH_DATE);
      dateTime = format(book, english ? EN_DATE_TIME : TH_DATE_TIME);
      wrap = book.createCellStyle();
      wrap.setWrapText(true);
      wrap.setVerticalAlignment(VerticalAlignment.TOP);
    }

    private static CellStyle format(SXSSFWorkbook book, String format) {
      CellStyle style = book.createCellStyle();
      style.setDataFormat(book.createDataFormat().getFormat(format));
      return style;
    }
  }
}
