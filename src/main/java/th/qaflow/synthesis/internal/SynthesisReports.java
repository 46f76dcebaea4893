package th.qaflow.synthesis.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.synthesis.PublishedSynthesis;
import th.qaflow.synthesis.SynthesisSummary;
import th.qaflow.synthesis.SynthesisSummary.AcceptedSar;
import th.qaflow.synthesis.SynthesisSummary.BelowTarget;
import th.qaflow.synthesis.SynthesisSummary.EducationLevelSummary;
import th.qaflow.synthesis.SynthesisSummary.StandardResult;
import th.qaflow.synthesis.SynthesisSummary.Theme;
import th.qaflow.web.ThaiDates;
import th.qaflow.web.SpreadsheetText;

/** The summary (and a published report's narrative) as an XLSX workbook and as a PDF, in the user's language. */
@Component
class SynthesisReports {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final MessageSource messages;
  private final ThaiDates dates;
  private final OrganisationDirectory directory;

  SynthesisReports(MessageSource messages, ThaiDates dates, OrganisationDirectory directory) {
    this.messages = messages;
    this.dates = dates;
    this.directory = directory;
  }

  String fileName(SynthesisSummary s, String extension) {
    return "synthesis-" + s.districtCode() + "-" + s.academicYear() + "." + extension;
  }

  String personName(String userId) {
    return userId == null ? "" : directory.person(userId).map(Person::displayName).orElse(userId);
  }

  // --- XLSX ------------------------------------------------------------------------------------

  byte[] xlsx(SynthesisSummary s, PublishedSynthesis published, Locale locale) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle head = book.createCellStyle();
      Font bold = book.createFont();
      bold.setBold(true);
      head.setFont(bold);
      head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      CellStyle decimal = book.createCellStyle();
      decimal.setDataFormat(book.createDataFormat().getFormat("0.00"));
      CellStyle wrap = book.createCellStyle();
      wrap.setWrapText(true);

      Sheet overview = sheet(book, "synthesis.sheet.overview", locale);
      List<List<Object>> lines = new ArrayList<>();
      lines.add(List.of(msg("synthesis.title", locale)));
      lines.add(List.of(msg("synthesis.col.district", locale), s.districtName() + " (" + s.districtCode() + ")"));
      lines.add(List.of(msg("synthesis.col.year", locale), s.academicYear()));
      lines.add(List.of(msg("synthesis.col.schoolsInDistrict", locale), s.schoolsInDistrict()));
      lines.add(List.of(msg("synthesis.col.cycles", locale), s.cycles()));
      lines.add(List.of(msg("synthesis.col.accepted", locale), s.accepted()));
      lines.add(List.of(msg("synthesis.col.returned", locale), s.returned()));
      lines.add(List.of(msg("synthesis.col.status", locale), published == null ? msg("synthesis.status.draft", locale)
          : msg("synthesis.status.published", locale, personName(published.approvedBy()),
              dates.dateTime(published.approvedAt()))));
      if (published != null) {
        for (String[] n : narrative(published)) {
          lines.add(List.of(msg(n[0], locale), n[1]));
        }
      }
      int r = 0;
      for (List<Object> line : lines) {
        Row row = overview.createRow(r++);
        for (int c = 0; c < line.size(); c++) {
          Object v = line.get(c);
          if (v instanceof Number n) {
            row.createCell(c).setCellValue(n.doubleValue());
          } else {
            row.createCell(c).setCellValue(String.valueOf(v));
            row.getCell(c).setCellStyle(c == 0 ? head : wrap);
          }
        }
      }
      overview.setColumnWidth(0, 40 * 256);
      overview.setColumnWidth(1, 90 * 256);

      Sheet levels = sheet(book, "synthesis.sheet.levels", locale);
      Row h = levels.createRow(0);
      List<String> header = new ArrayList<>(List.of(msg("synthesis.col.educationLevel", locale),
          msg("synthesis.col.standardCode", locale), msg("synthesis.col.standard", locale)));
      s.levels().forEach(l -> header.add(l.name(locale)));
      header.add(msg("synthesis.col.rated", locale));
      header.add(msg("synthesis.col.mean", locale));
      cells(h, header, head);
      r = 1;
      for (EducationLevelSummary level : s.educationLevels()) {
        for (StandardResult st : level.standards()) {
          Row row = levels.createRow(r++);
          row.createCell(0).setCellValue(level.name(locale));
          row.createCell(1).setCellValue(st.standardCode());
          row.createCell(2).setCellValue(st.label(locale));
          int c = 3;
          for (Integer n : st.counts()) {
            row.createCell(c++).setCellValue(n);
          }
          row.createCell(c++).setCellValue(st.rated());
          row.createCell(c).setCellValue(st.mean());
          row.getCell(c).setCellStyle(decimal);
        }
      }
      levels.setColumnWidth(0, 28 * 256);
      levels.setColumnWidth(1, 20 * 256);
      levels.setColumnWidth(2, 60 * 256);

      Sheet lowest = sheet(book, "synthesis.sheet.lowest", locale);
      cells(lowest.createRow(0), List.of(msg("synthesis.col.standardCode", locale), msg("synthesis.col.standard", locale),
          msg("synthesis.col.rated", locale), msg("synthesis.col.mean", locale)), head);
      r = 1;
      for (StandardResult st : s.lowestRated()) {
        Row row = lowest.createRow(r++);
        row.createCell(0).setCellValue(st.standardCode());
        row.createCell(1).setCellValue(st.label(locale));
        row.createCell(2).setCellValue(st.rated());
        row.createCell(3).setCellValue(st.mean());
        row.getCell(3).setCellStyle(decimal);
      }
      lowest.setColumnWidth(1, 60 * 256);

      Sheet below = sheet(book, "synthesis.sheet.below", locale);
      cells(below.createRow(0), List.of(msg("synthesis.col.schoolCode", locale), msg("synthesis.col.school", locale),
          msg("synthesis.col.standardCode", locale), msg("synthesis.col.standard", locale),
          msg("synthesis.col.target", locale), msg("synthesis.col.achieved", locale)), head);
      r = 1;
      for (BelowTarget b : s.belowTargets()) {
        Row row = below.createRow(r++);
        row.createCell(0).setCellValue(b.schoolCode());
        row.createCell(1).setCellValue(b.schoolName());
        row.createCell(2).setCellValue(b.standardCode());
        row.createCell(3).setCellValue(b.label(locale));
        row.createCell(4).setCellValue(levelName(s, b.target(), locale));
        row.createCell(5).setCellValue(levelName(s, b.achieved(), locale));
      }
      below.setColumnWidth(1, 40 * 256);
      below.setColumnWidth(3, 60 * 256);

      Sheet themes = sheet(book, "synthesis.sheet.themes", locale);
      cells(themes.createRow(0), List.of(msg("synthesis.col.kind", locale), msg("synthesis.col.point", locale),
          msg("synthesis.col.schools", locale), msg("synthesis.col.standardCode", locale)), head);
      r = 1;
      for (String kind : List.of("synthesis.strengths", "synthesis.improvements")) {
        for (Theme t : kind.equals("synthesis.strengths") ? s.strengths() : s.improvements()) {
          Row row = themes.createRow(r++);
          row.createCell(0).setCellValue(msg(kind, locale));
          row.createCell(1).setCellValue(t.text());
          row.getCell(1).setCellStyle(wrap);
          row.createCell(2).setCellValue(t.schools());
          row.createCell(3).setCellValue(String.join(", ", t.standardCodes()));
        }
      }
      themes.setColumnWidth(0, 24 * 256);
      themes.setColumnWidth(1, 80 * 256);

      Sheet schools = sheet(book, "synthesis.sheet.schools", locale);
      cells(schools.createRow(0), List.of(msg("synthesis.col.schoolCode", locale), msg("synthesis.col.school", locale),
          msg("synthesis.col.cluster", locale), msg("synthesis.col.belowCount", locale),
          msg("synthesis.col.sarLink", locale)), head);
      r = 1;
      for (AcceptedSar a : s.schools()) {
        Row row = schools.createRow(r++);
        row.createCell(0).setCellValue(a.schoolCode());
        row.createCell(1).setCellValue(a.schoolName());
        row.createCell(2).setCellValue(a.clusterCode());
        row.createCell(3).setCellValue(a.belowTargets());
        row.createCell(4).setCellValue(a.publicLink() == null ? "" : a.publicLink());
      }
      schools.setColumnWidth(1, 40 * 256);
      schools.setColumnWidth(4, 60 * 256);
      SpreadsheetText.write(book, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Sheet sheet(XSSFWorkbook book, String key, Locale locale) {
    return book.createSheet(WorkbookUtil.createSafeSheetName(msg(key, locale)));
  }

  private static void cells(Row row, List<String> values, CellStyle style) {
    for (int c = 0; c < values.size(); c++) {
      row.createCell(c).setCellValue(values.get(c));
      row.getCell(c).setCellStyle(style);
    }
  }

  // --- PDF -------------------------------------------------------------------------------------

  byte[] pdf(SynthesisSummary s, PublishedSynthesis published, Locale locale) {
    try (ThaiPdf pdf = new ThaiPdf(msg("synthesis.title", locale), "en".equals(locale.getLanguage()) ? "en" : "th-TH")) {
      pdf.title(msg("synthesis.title", locale));
      pdf.paragraph(s.districtName() + " (" + s.districtCode() + ")");
      pdf.paragraph(msg("synthesis.col.year", locale) + " " + s.academicYear());
      pdf.paragraph(published == null ? msg("synthesis.status.draft", locale) + " · "
              + msg("synthesis.generatedAt", locale, dates.dateTime(s.generatedAt()))
          : msg("synthesis.status.published", locale, personName(published.approvedBy()),
              dates.dateTime(published.approvedAt())));
      pdf.paragraph(msg("synthesis.counts", locale, s.accepted(), s.schoolsInDistrict(), s.cycles(), s.returned()));
      if (published != null) {
        for (String[] n : narrative(published)) {
          pdf.heading(msg(n[0], locale));
          pdf.paragraph(n[1]);
        }
      }
      for (EducationLevelSummary level : s.educationLevels()) {
        pdf.heading(level.name(locale) + " · " + msg("synthesis.level.schools", locale, level.schools()));
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(msg("synthesis.col.standard", locale)));
        s.levels().forEach(l -> header.add(l.name(locale)));
        header.add(msg("synthesis.col.mean", locale));
        rows.add(header);
        for (StandardResult st : level.standards()) {
          List<String> row = new ArrayList<>(List.of(st.label(locale)));
          st.counts().forEach(n -> row.add(String.valueOf(n)));
          row.add(st.rated() == 0 ? "–" : String.format(Locale.ROOT, "%.2f", st.mean()));
          rows.add(row);
        }
        int n = s.levels().size();
        float[] widths = new float[n + 2];
        boolean[] numeric = new boolean[n + 2];
        widths[0] = 0.34f;
        for (int i = 1; i < n + 2; i++) {
          widths[i] = 0.66f / (n + 1);
          numeric[i] = true;
        }
        pdf.table(widths, numeric, rows);
      }
      pdf.heading(msg("synthesis.lowest", locale));
      if (s.lowestRated().isEmpty()) {
        pdf.paragraph(msg("synthesis.none", locale));
      }
      for (StandardResult st : s.lowestRated()) {
        pdf.bullet(st.label(locale) + " (" + st.standardCode() + ") · " + msg("synthesis.col.mean", locale) + " "
            + String.format(Locale.ROOT, "%.2f", st.mean()));
      }
      pdf.heading(msg("synthesis.below", locale));
      if (s.belowTargets().isEmpty()) {
        pdf.paragraph(msg("synthesis.none", locale));
      } else {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(msg("synthesis.col.school", locale), msg("synthesis.col.standard", locale),
            msg("synthesis.col.target", locale), msg("synthesis.col.achieved", locale)));
        for (BelowTarget b : s.belowTargets()) {
          rows.add(List.of(b.schoolName() + " (" + b.schoolCode() + ")", b.label(locale),
              levelName(s, b.target(), locale), levelName(s, b.achieved(), locale)));
        }
        pdf.table(new float[] {0.3f, 0.4f, 0.15f, 0.15f}, new boolean[4], rows);
      }
      for (String kind : List.of("synthesis.strengths", "synthesis.improvements")) {
        pdf.heading(msg(kind, locale));
        List<Theme> themes = kind.equals("synthesis.strengths") ? s.strengths() : s.improvements();
        if (themes.isEmpty()) {
          pdf.paragraph(msg("synthesis.none", locale));
        }
        for (Theme t : themes) {
          pdf.bullet(t.text() + " (" + msg("synthesis.theme.schools", locale, t.schools()) + ")");
        }
      }
      pdf.heading(msg("synthesis.schools", locale));
      if (s.schools().isEmpty()) {
        pdf.paragraph(msg("synthesis.none", locale));
      } else {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(msg("synthesis.col.school", locale), msg("synthesis.col.belowCount", locale),
            msg("synthesis.col.sarLink", locale)));
        for (AcceptedSar a : s.schools()) {
          rows.add(List.of(a.schoolName() + " (" + a.schoolCode() + ")", String.valueOf(a.belowTargets()),
              a.publicLink() == null ? "" : a.publicLink()));
        }
        pdf.table(new float[] {0.4f, 0.15f, 0.45f}, new boolean[] {false, true, false}, rows);
      }
      return pdf.toBytes();
    }
  }

  /** The narrative of a published report: message key of each part and its text, parts left empty skipped. */
  static List<String[]> narrative(PublishedSynthesis p) {
    List<String[]> parts = new ArrayList<>();
    String[][] all = {{"synthesis.narrative.overview", p.overview()}, {"synthesis.narrative.strengths", p.strengths()},
        {"synthesis.narrative.weaknesses", p.weaknesses()}, {"synthesis.narrative.recommendations", p.recommendations()}};
    for (String[] part : all) {
      if (part[1] != null && !part[1].isBlank()) {
        parts.add(part);
      }
    }
    return parts;
  }

  static String levelName(SynthesisSummary s, int value, Locale locale) {
    return s.levelName(value, locale);
  }

  private String msg(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
