package th.qaflow.synthesis.internal;

import static th.qaflow.web.export.Table.integer;
import static th.qaflow.web.export.Table.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import th.qaflow.web.export.Table;
import th.qaflow.web.export.Table.Cell;
import th.qaflow.web.export.TableWriter;
import th.qaflow.web.export.ThaiPdf;

/**
 * The summary (and a published report's narrative) as an XLSX workbook and as a PDF, in the user's
 * language.
 */
@Component
class SynthesisReports {
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

  /**
   * Six sheets (overview, levels, lowest, below target, themes, schools) through the one export
   * writer.
   */
  byte[] xlsx(SynthesisSummary s, PublishedSynthesis published, Locale locale) {
    Table.Builder overview =
        Table.of(
            msg("synthesis.sheet.overview", locale),
            List.of(msg("synthesis.col.item", locale), msg("synthesis.col.value", locale)));
    overview.row(text(msg("synthesis.col.report", locale)), text(msg("synthesis.title", locale)));
    overview.row(
        text(msg("synthesis.col.district", locale)),
        text(s.districtName() + " (" + s.districtCode() + ")"));
    overview.row(text(msg("synthesis.col.year", locale)), integer(s.academicYear()));
    overview.row(
        text(msg("synthesis.col.schoolsInDistrict", locale)), integer(s.schoolsInDistrict()));
    overview.row(text(msg("synthesis.col.cycles", locale)), integer(s.cycles()));
    overview.row(text(msg("synthesis.col.accepted", locale)), integer(s.accepted()));
    overview.row(text(msg("synthesis.col.returned", locale)), integer(s.returned()));
    overview.row(
        text(msg("synthesis.col.status", locale)),
        text(
            published == null
                ? msg("synthesis.status.draft", locale)
                : msg(
                    "synthesis.status.published",
                    locale,
                    personName(published.approvedBy()),
                    dates.dateTime(published.approvedAt()))));
    if (published != null) {
      for (String[] n : narrative(published)) {
        overview.row(text(msg(n[0], locale)), text(n[1]));
      }
    }

    List<String> header =
        new ArrayList<>(
            List.of(
                msg("synthesis.col.educationLevel", locale),
                msg("synthesis.col.standardCode", locale),
                msg("synthesis.col.standard", locale)));
    s.levels().forEach(l -> header.add(l.name(locale)));
    header.add(msg("synthesis.col.rated", locale));
    header.add(msg("synthesis.col.mean", locale));
    Table.Builder levels = Table.of(msg("synthesis.sheet.levels", locale), header);
    for (EducationLevelSummary level : s.educationLevels()) {
      for (StandardResult st : level.standards()) {
        List<Cell> row =
            new ArrayList<>(
                List.of(text(level.name(locale)), text(st.standardCode()), text(st.label(locale))));
        st.counts().forEach(n -> row.add(integer(n)));
        row.add(integer(st.rated()));
        row.add(Table.decimal(st.mean()));
        levels.row(row);
      }
    }

    Table.Builder lowest =
        Table.of(
            msg("synthesis.sheet.lowest", locale),
            List.of(
                msg("synthesis.col.standardCode", locale), msg("synthesis.col.standard", locale),
                msg("synthesis.col.rated", locale), msg("synthesis.col.mean", locale)));
    for (StandardResult st : s.lowestRated()) {
      lowest.row(
          text(st.standardCode()),
          text(st.label(locale)),
          integer(st.rated()),
          Table.decimal(st.mean()));
    }

    Table.Builder below =
        Table.of(
            msg("synthesis.sheet.below", locale),
            List.of(
                msg("synthesis.col.schoolCode", locale), msg("synthesis.col.school", locale),
                msg("synthesis.col.standardCode", locale), msg("synthesis.col.standard", locale),
                msg("synthesis.col.target", locale), msg("synthesis.col.achieved", locale)));
    for (BelowTarget b : s.belowTargets()) {
      below.row(
          text(b.schoolCode()),
          text(b.schoolName()),
          text(b.standardCode()),
          text(b.label(locale)),
          text(levelName(s, b.target(), locale)),
          text(levelName(s, b.achieved(), locale)));
    }

    Table.Builder themes =
        Table.of(
            msg("synthesis.sheet.themes", locale),
            List.of(
                msg("synthesis.col.kind", locale),
                msg("synthesis.col.point", locale),
                msg("synthesis.col.schools", locale),
                msg("synthesis.col.standardCode", locale)));
    for (String kind : List.of("synthesis.strengths", "synthesis.improvements")) {
      for (Theme t : kind.equals("synthesis.strengths") ? s.strengths() : s.improvements()) {
        themes.row(
            text(msg(kind, locale)),
            text(t.text()),
            integer(t.schools()),
            text(String.join(", ", t.standardCodes())));
      }
    }

    Table.Builder schools =
        Table.of(
            msg("synthesis.sheet.schools", locale),
            List.of(
                msg("synthesis.col.schoolCode", locale),
                msg("synthesis.col.school", locale),
                msg("synthesis.col.cluster", locale),
                msg("synthesis.col.belowCount", locale),
                msg("synthesis.col.sarLink", locale)));
    for (AcceptedSar a : s.schools()) {
      schools.row(
          text(a.schoolCode()),
          text(a.schoolName()),
          text(a.clusterCode()),
          integer(a.belowTargets()),
          text(a.publicLink()));
    }
    return TableWriter.xlsx(
        List.of(
            overview.build(),
            levels.build(),
            lowest.build(),
            below.build(),
            themes.build(),
            schools.build()),
        locale);
  }

  // --- PDF -------------------------------------------------------------------------------------

  byte[] pdf(SynthesisSummary s, PublishedSynthesis published, Locale locale) {
    try (ThaiPdf pdf =
        new ThaiPdf(
            msg("synthesis.title", locale), "en".equals(locale.getLanguage()) ? "en" : "th-TH")) {
      pdf.title(msg("synthesis.title", locale));
      pdf.paragraph(s.districtName() + " (" + s.districtCode() + ")");
      pdf.paragraph(msg("synthesis.col.year", locale) + " " + s.academicYear());
      pdf.paragraph(
          published == null
              ? msg("synthesis.status.draft", locale)
                  + " · "
                  + msg("synthesis.generatedAt", locale, dates.dateTime(s.generatedAt()))
              : msg(
                  "synthesis.status.published",
                  locale,
                  personName(published.approvedBy()),
                  dates.dateTime(published.approvedAt())));
      pdf.paragraph(
          msg(
              "synthesis.counts",
              locale,
              s.accepted(),
              s.schoolsInDistrict(),
              s.cycles(),
              s.returned()));
      if (published != null) {
        for (String[] n : narrative(published)) {
          pdf.heading(msg(n[0], locale));
          pdf.paragraph(n[1]);
        }
      }
      for (EducationLevelSummary level : s.educationLevels()) {
        pdf.heading(
            level.name(locale) + " · " + msg("synthesis.level.schools", locale, level.schools()));
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
        pdf.bullet(
            st.label(locale)
                + " ("
                + st.standardCode()
                + ") · "
                + msg("synthesis.col.mean", locale)
                + " "
                + String.format(Locale.ROOT, "%.2f", st.mean()));
      }
      pdf.heading(msg("synthesis.below", locale));
      if (s.belowTargets().isEmpty()) {
        pdf.paragraph(msg("synthesis.none", locale));
      } else {
        List<List<String>> rows = new ArrayList<>();
        rows.add(
            List.of(
                msg("synthesis.col.school", locale),
                msg("synthesis.col.standard", locale),
                msg("synthesis.col.target", locale),
                msg("synthesis.col.achieved", locale)));
        for (BelowTarget b : s.belowTargets()) {
          rows.add(
              List.of(
                  b.schoolName() + " (" + b.schoolCode() + ")",
                  b.label(locale),
                  levelName(s, b.target(), locale),
                  levelName(s, b.achieved(), locale)));
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
        rows.add(
            List.of(
                msg("synthesis.col.school", locale),
                msg("synthesis.col.belowCount", locale),
                msg("synthesis.col.sarLink", locale)));
        for (AcceptedSar a : s.schools()) {
          rows.add(
              List.of(
                  a.schoolName() + " (" + a.schoolCode() + ")",
                  String.valueOf(a.belowTargets()),
                  a.publicLink() == null ? "" : a.publicLink()));
        }
        pdf.table(new float[] {0.4f, 0.15f, 0.45f}, new boolean[] {false, true, false}, rows);
      }
      return pdf.toBytes();
    }
  }

  /**
   * The narrative of a published report: message key of each part and its text, parts left empty
   * skipped.
   */
  static List<String[]> narrative(PublishedSynthesis p) {
    List<String[]> parts = new ArrayList<>();
    String[][] all = {
      {"synthesis.narrative.overview", p.overview()},
      {"synthesis.narrative.strengths", p.strengths()},
      {"synthesis.narrative.weaknesses", p.weaknesses()},
      {"synthesis.narrative.recommendations", p.recommendations()}
    };
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
