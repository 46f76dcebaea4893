package th.qaflow.onesqa.internal;

import java.util.List;
import java.util.Locale;
import th.qaflow.onesqa.ExternalAssessmentProcess;
import th.qaflow.onesqa.SchoolState;
import th.qaflow.web.export.Table;
import th.qaflow.web.export.TableWriter;

/**
 * The readiness list a district sends to OBEC: schools grouped by the readiness their supervisor
 * confirmed (ready, ready with support, not ready, not yet confirmed), as CSV (UTF-8 with BOM) or
 * XLSX. Thai headings first, as OBEC's forms are in Thai; the English heading follows in the same
 * cell after " / ".
 */
final class ReadinessExport {
  private static final Locale THAI = Locale.forLanguageTag("th-TH");
  static final List<String> HEADINGS =
      List.of(
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

  /**
   * The rows in group order (ready, support, not ready, unconfirmed), schools by code within a
   * group.
   */
  static List<List<String>> rows(List<SchoolState> schools) {
    List<String> order =
        java.util.Arrays.asList(
            ExternalAssessmentProcess.READY,
            ExternalAssessmentProcess.SUPPORT,
            ExternalAssessmentProcess.NOT_READY,
            null);
    return schools.stream()
        .sorted(
            java.util.Comparator.comparingInt(
                    (SchoolState s) -> {
                      int i = order.indexOf(s.confirmedReadiness());
                      return i < 0 ? order.size() : i;
                    })
                .thenComparing(SchoolState::schoolCode))
        .map(
            s ->
                List.of(
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

  /**
   * The list as one table (bilingual, so the same in either language) for the one export writer.
   */
  static Table table(List<SchoolState> schools, String sheetName) {
    Table.Builder table = Table.of(sheetName, HEADINGS);
    rows(schools)
        .forEach(
            r -> table.row(Table.texts(r))); // all text: a school code keeps its leading digits
    return table.build();
  }

  static byte[] csv(List<SchoolState> schools) {
    return TableWriter.csv(table(schools, "ONESQA"), THAI);
  }

  static byte[] xlsx(List<SchoolState> schools, String sheetName) {
    return TableWriter.xlsx(table(schools, sheetName), THAI);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
