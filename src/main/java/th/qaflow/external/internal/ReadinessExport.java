package th.qaflow.external.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import th.qaflow.external.ExternalAssessmentProcess;
import th.qaflow.external.SchoolState;
import th.qaflow.web.SpreadsheetText;

/**
 * The readiness list a district sends to OBEC: schools grouped by the readiness their supervisor confirmed
 * (ready, ready with support, not ready, not yet confirmed), as CSV (UTF-8 with BOM) or XLSX. Thai headings
 * first, as OBEC's forms are in Thai; the English heading follows in the same cell after " / ".
 */
final class ReadinessExport {
  static final List<String> HEADINGS = List.of(
      "กลุ่มความพร้อม / Readiness group",
      "รหัสสถานศึกษา / School code",
      "ชื่อสถานศึกษา / School",
      "กลุ่มโรงเรียน / Cluster",
      "ความพร้อมที่สถานศึกษาแจ้ง / Declared by the school",
      "หมายเหตุของสถานศึกษา / School's note",
      "ความเห็นศึกษานิเทศก์ / Supervisor's comment",
      "โรงเรียนเป้าหมาย สมศ. / ONESQA target");

  private ReadinessExport() {}

  static String labelTh(String readiness) {
    return switch (readiness == null ? "" : readiness) {
      case ExternalAssessmentProcess.READY -> "พร้อมรับการประเมิน";
      case ExternalAssessmentProcess.SUPPORT -> "พร้อม แต่ต้องการการสนับสนุน";
      case ExternalAssessmentProcess.NOT_READY -> "ยังไม่พร้อม";
      default -> "ยังไม่ได้ยืนยัน";
    };
  }

  static String labelEn(String readiness) {
    return switch (readiness == null ? "" : readiness) {
      case ExternalAssessmentProcess.READY -> "Ready";
      case ExternalAssessmentProcess.SUPPORT -> "Ready with support";
      case ExternalAssessmentProcess.NOT_READY -> "Not ready";
      default -> "Not confirmed yet";
    };
  }

  /** The rows in group order (ready, support, not ready, unconfirmed), schools by code within a group. */
  static List<List<String>> rows(List<SchoolState> schools) {
    List<String> order = java.util.Arrays.asList(ExternalAssessmentProcess.READY, ExternalAssessmentProcess.SUPPORT,
        ExternalAssessmentProcess.NOT_READY, null);
    return schools.stream()
        .sorted(java.util.Comparator.comparingInt((SchoolState s) -> {
          int i = order.indexOf(s.confirmedReadiness());
          return i < 0 ? order.size() : i;
        }).thenComparing(SchoolState::schoolCode))
        .map(s -> List.of(
            labelTh(s.confirmedReadiness()) + " / " + labelEn(s.confirmedReadiness()),
            s.schoolCode(),
            s.schoolName(),
            nz(s.clusterCode()),
            s.declaredReadiness() == null ? "" : labelTh(s.declaredReadiness()),
            nz(s.declaredNote()),
            nz(s.supervisorComment()),
            s.target() ? "ใช่ / yes" : ""))
        .toList();
  }

  static byte[] csv(List<SchoolState> schools) {
    StringBuilder out = new StringBuilder("\uFEFF");
    line(out, HEADINGS);
    rows(schools).forEach(r -> line(out, r));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(csvCell(cells.get(i)));
    }
    out.append("\r\n");
  }

  /** RFC 4180 quoting, after the shared formula guard ({@link SpreadsheetText#safe}). */
  static String csvCell(String value) {
    String v = SpreadsheetText.safe(value);
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  static byte[] xlsx(List<SchoolState> schools, String sheetName) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet(sheetName);
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row head = sheet.createRow(0);
      for (int i = 0; i < HEADINGS.size(); i++) {
        Cell c = head.createCell(i);
        c.setCellValue(HEADINGS.get(i));
        c.setCellStyle(bold);
      }
      int r = 1;
      for (List<String> row : rows(schools)) {
        Row x = sheet.createRow(r++);
        for (int i = 0; i < row.size(); i++) {
          x.createCell(i).setCellValue(row.get(i)); // always text: a school code keeps its leading digits
        }
      }
      for (int i = 0; i < HEADINGS.size(); i++) {
        sheet.setColumnWidth(i, 28 * 256);
      }
      sheet.createFreezePane(0, 1);
      SpreadsheetText.write(book, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
