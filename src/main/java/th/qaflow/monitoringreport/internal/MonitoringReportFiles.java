package th.qaflow.monitoringreport.internal;

import static th.qaflow.monitoringreport.MonitoringReportProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import th.qaflow.monitoringreport.MonitoringReports.StandardSummary;
import th.qaflow.monitoringreport.internal.JdbcMonitoringReports.Finding;
import th.qaflow.monitoringreport.internal.JdbcMonitoringReports.Report;
import th.qaflow.web.ThaiDates;
import th.qaflow.web.export.Table;
import th.qaflow.web.export.TableWriter;
import th.qaflow.web.export.ThaiPdf;

/**
 * The report as XLSX (the shared {@link TableWriter}: real date cells, bold frozen header with an
 * autofilter, widths from the text) and as a Thai PDF (the shared {@link ThaiPdf}).
 */
@Component
class MonitoringReportFiles {
  private final MessageSource messages;

  MonitoringReportFiles(MessageSource messages) {
    this.messages = messages;
  }

  /** What the files show of one report. */
  record Content(
      String districtName,
      Report report,
      Map<String, String> texts,
      List<StandardSummary> standards,
      List<Finding> findings) {}

  byte[] xlsx(Content c, Locale locale) {
    List<String> header =
        new ArrayList<>(
            List.of(msg("mr.col.standardCode", locale), msg("mr.col.standard", locale)));
    header.add(msg("mr.col.schools", locale));
    JdbcMonitoringReports.LEVELS.forEach(l -> header.add(msg("mr.level." + l, locale)));
    header.add(msg("mr.col.recommendations", locale));
    Table.Builder standards = Table.of(msg("mr.sheet.standards", locale), header);
    for (StandardSummary s : c.standards()) {
      List<Table.Cell> row =
          new ArrayList<>(
              List.of(Table.text(s.code()), Table.text(s.label()), Table.integer(s.schools())));
      s.levels().values().forEach(n -> row.add(Table.integer(n)));
      row.add(Table.text(String.join("\n", s.recommendations())));
      standards.row(row);
    }
    Table.Builder schools =
        Table.of(
            msg("mr.sheet.schools", locale),
            List.of(
                msg("mr.col.schoolCode", locale),
                msg("mr.col.school", locale),
                msg("mr.col.standardCode", locale),
                msg("mr.col.standard", locale),
                msg("mr.col.level", locale),
                msg("mr.col.findings", locale),
                msg("mr.col.recommendations", locale),
                msg("mr.col.visitCompleted", locale)));
    for (Finding f : c.findings()) {
      schools.row(
          Table.text(f.schoolCode()),
          Table.text(f.schoolName()),
          Table.text(f.standardCode()),
          Table.text(f.standardLabel()),
          Table.text(levelName(f.level(), locale)),
          Table.text(f.findings()),
          Table.text(f.recommendations()),
          Table.date(f.visitCompletedAt()));
    }
    Table.Builder report =
        Table.of(
            msg("mr.sheet.report", locale),
            List.of(msg("mr.col.item", locale), msg("mr.col.text", locale)));
    for (String name : TEXTS) {
      report.row(Table.text(msg("mr.text." + name, locale)), Table.text(c.texts().get(name)));
    }
    return TableWriter.xlsx(List.of(report.build(), standards.build(), schools.build()), locale);
  }

  byte[] pdf(Content c, Locale locale) {
    Report r = c.report();
    String title = msg("mr.title", locale);
    try (ThaiPdf pdf = new ThaiPdf(title, "en".equals(locale.getLanguage()) ? "en" : "th-TH")) {
      pdf.title(title);
      pdf.paragraph(c.districtName() + " (" + r.districtCode() + ")");
      pdf.paragraph(msg("mr.year", locale) + " " + r.academicYear());
      pdf.paragraph(
          r.published()
              ? msg("mr.status.published", locale, ThaiDates.date(r.publishedAt(), locale))
              : msg("mr.status.draft", locale));
      if (r.committeeDate() != null) {
        pdf.paragraph(msg("mr.committeeOn", locale, ThaiDates.date(r.committeeDate(), locale)));
      }
      for (String name : TEXTS) {
        String text = c.texts().get(name);
        if (text != null && !text.isBlank()) {
          pdf.heading(msg("mr.text." + name, locale));
          pdf.paragraph(text);
        }
      }
      pdf.heading(msg("mr.perStandard", locale));
      List<List<String>> rows = new ArrayList<>();
      List<String> header = new ArrayList<>(List.of(msg("mr.col.standard", locale)));
      header.add(msg("mr.col.schools", locale));
      JdbcMonitoringReports.LEVELS.forEach(l -> header.add(msg("mr.level." + l, locale)));
      rows.add(header);
      for (StandardSummary s : c.standards()) {
        List<String> row = new ArrayList<>(List.of(s.label() + " (" + s.code() + ")"));
        row.add(String.valueOf(s.schools()));
        s.levels().values().forEach(n -> row.add(String.valueOf(n)));
        rows.add(row);
      }
      int n = JdbcMonitoringReports.LEVELS.size() + 2;
      float[] widths = new float[n];
      boolean[] numeric = new boolean[n];
      widths[0] = 0.37f;
      for (int i = 1; i < n; i++) {
        widths[i] = 0.63f / (n - 1);
        numeric[i] = true;
      }
      pdf.table(widths, numeric, rows);
      for (StandardSummary s : c.standards()) {
        if (!s.recommendations().isEmpty()) {
          pdf.heading(msg("mr.recommendationsOn", locale, s.label()));
          s.recommendations().forEach(pdf::bullet);
        }
      }
      return pdf.toBytes();
    }
  }

  String levelName(String level, Locale locale) {
    if (level == null) {
      return "";
    }
    return messages.getMessage("mr.level." + level, null, level, locale);
  }

  private String msg(String code, Locale locale, Object... args) {
    return messages.getMessage(code, args, locale);
  }
}
