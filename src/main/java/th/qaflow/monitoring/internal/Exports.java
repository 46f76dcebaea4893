package th.qaflow.monitoring.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import th.qaflow.web.ThaiDates;
import th.qaflow.web.SpreadsheetText;

/**
 * The matrix and the overdue list as tables of text, written as CSV (UTF-8 with a BOM, so Excel shows
 * Thai) or XLSX (Apache POI). Texts in the user's language, dates in the Buddhist Era for Thai.
 */
@Component
class Exports {
  private final MessageSource messages;
  private final ThaiDates dates;

  Exports(MessageSource messages, ThaiDates dates) {
    this.messages = messages;
    this.dates = dates;
  }

  List<List<String>> matrix(Dashboards.Dashboard d, Locale locale) {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of(msg("monitoring.col.cluster", locale),
        msg("monitoring.col.schoolCode", locale), msg("monitoring.col.school", locale)));
    d.stages().forEach(s -> header.add(stageName(s, locale)));
    rows.add(header);
    for (Dashboards.ClusterGroup g : d.clusters()) {
      for (Dashboards.SchoolLine line : g.schools()) {
        List<String> row = new ArrayList<>(List.of(g.name(), line.school().code(), line.school().nameTh()));
        for (String s : d.stages()) {
          row.add(cellText(line.cell(s), locale));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  List<List<String>> overdue(Dashboards.Dashboard d, Locale locale) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(msg("monitoring.col.schoolCode", locale), msg("monitoring.col.school", locale),
        msg("monitoring.col.stage", locale), msg("monitoring.col.due", locale), msg("monitoring.col.daysLate", locale),
        msg("monitoring.col.responsible", locale)));
    for (Dashboards.Overdue o : d.overdue()) {
      rows.add(List.of(o.school().code(), o.school().nameTh(), stageName(o.stage(), locale),
          o.due() == null ? "" : dates.date(o.due()), String.valueOf(o.daysLate()), responsible(o, locale)));
    }
    return rows;
  }

  String responsible(Dashboards.Overdue o, Locale locale) {
    if (o.assignee() != null) {
      return o.assignee();
    }
    return String.join(", ", o.roleKeys().stream().map(k -> messages.getMessage(k, null, k, locale)).toList());
  }

  String cellText(Cell c, Locale locale) {
    String status = msg(c.status().messageKey(), locale);
    return switch (c.status()) {
      case DONE -> status + " " + dates.date(c.row().doneAt()) + (c.doneLate() ? " *" : "");
      case OVERDUE -> messages.getMessage("monitoring.cell.overdue", new Object[] {c.daysLate()}, locale);
      case OPEN, DUE_SOON, RETURNED -> c.row().dueAt() == null ? status
          : status + " (" + msg("monitoring.col.due", locale) + " " + dates.date(c.row().dueAt()) + ")";
      default -> status;
    };
  }

  String stageName(String stage, Locale locale) {
    return messages.getMessage("stage." + stage, null, stage, locale);
  }

  private String msg(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }

  static byte[] csv(List<List<String>> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
          CSVFormat.EXCEL)) {
        for (List<String> row : rows) {
          printer.printRecord(row.stream().map(SpreadsheetText::safe).toList());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] xlsx(String sheetName, List<List<String>> rows) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet(sheetName);
      for (int i = 0; i < rows.size(); i++) {
        Row row = sheet.createRow(i);
        List<String> values = rows.get(i);
        for (int j = 0; j < values.size(); j++) {
          String v = values.get(j);
          if (i > 0 && v.matches("\\d{1,6}") && !(j == 0 || j == 1)) {
            row.createCell(j).setCellValue(Long.parseLong(v));
          } else {
            row.createCell(j).setCellValue(v);
          }
        }
      }
      sheet.createFreezePane(0, 1);
      SpreadsheetText.write(book, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
