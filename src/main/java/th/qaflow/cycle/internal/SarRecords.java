package th.qaflow.cycle.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import th.qaflow.cycle.AcceptedSar;
import th.qaflow.cycle.AcceptedSar.AssessmentNote;
import th.qaflow.cycle.AcceptedSar.StandardLevel;
import th.qaflow.cycle.ReportedLevels;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.cycle.SchoolYear;
import th.qaflow.cycle.SubmittedSar;
import th.qaflow.documents.DocumentReference;
import th.qaflow.standards.EducationLevel;
import th.qaflow.standards.StandardsCatalog;

/**
 * Reads a school's SAR from its cycle's variables, which its forms wrote: the one place that knows
 * the forms' keys (SarFormKeysTest checks them against forms/*.form). Pure, no engine.
 */
final class SarRecords {
  // thread-safe once configured; one for every read, not one per SAR
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** The lists of per-standard rows, merged in this order (a later non-blank value wins). */
  static final String TARGETS = "targets"; // SetStandards

  static final String OWN_STANDARDS = "ownStandards"; // SetStandards
  static final String ASSESSMENT = "assessment"; // InternalAssessment
  static final String SAR_LEVELS = "sarLevels"; // DraftSar
  static final List<String> ROW_LISTS = List.of(TARGETS, OWN_STANDARDS, ASSESSMENT, SAR_LEVELS);

  /**
   * The keys of a row: from the forms, except educationLevel and standardLabelEn (pre-filled by
   * standards).
   */
  static final String STANDARD_CODE = "standardCode";

  static final String STANDARD_LABEL = "standardLabel";
  static final String STANDARD_LABEL_EN = "standardLabelEn";
  static final String EDUCATION_LEVEL = "educationLevel";
  static final String TARGET_LEVEL = "targetLevel";
  static final String ACHIEVED_LEVEL = "achievedLevel";
  static final String STRENGTHS = "strengths";
  static final String IMPROVEMENTS = "improvements";
  static final String TARGET_DESCRIPTION = "targetDescription"; // SetStandards
  static final String TARGET_BASELINE = "targetBaseline"; // SetStandards

  /** BoardApproveSar's recommendations for the next year. */
  static final String BOARD_RECOMMENDATIONS = "boardRecommendations";

  /** DraftSar's executive summary. */
  static final String EXECUTIVE_SUMMARY = "sarExecutiveSummary";

  /** PublishSar: "link" (sarPublicLink) or "file" (sarPublishedFile). */
  static final String PUBLISHED_AS = "sarPublishedAs";

  static final String PUBLIC_LINK = "sarPublicLink";
  static final String PUBLISHED_FILE = "sarPublishedFile";

  /** The cycle variables an accepted SAR is read from; nothing else is fetched. */
  static final List<String> VARIABLES =
      List.of(
          TARGETS,
          OWN_STANDARDS,
          ASSESSMENT,
          SAR_LEVELS,
          PUBLISHED_AS,
          PUBLIC_LINK,
          PUBLISHED_FILE,
          SchoolQaCycleProcess.VAR_SAR_APPROVED_VERSION);

  private SarRecords() {}

  static AcceptedSar accepted(
      String schoolCode, String schoolName, String clusterCode, Map<String, Object> v) {
    List<StandardLevel> levels = new ArrayList<>();
    for (Map<String, Object> row : rows(v)) {
      levels.add(
          new StandardLevel(
              text(row.get(STANDARD_CODE)),
              levelOf(row),
              text(row.get(STANDARD_LABEL)),
              text(row.get(STANDARD_LABEL_EN)),
              level(row.get(TARGET_LEVEL)),
              level(row.get(ACHIEVED_LEVEL))));
    }
    List<AssessmentNote> notes = new ArrayList<>();
    for (Map.Entry<String, String[]> e : strengthsAndImprovements(v).entrySet()) {
      notes.add(new AssessmentNote(e.getKey(), e.getValue()[0], e.getValue()[1]));
    }
    String approved = text(v.get(SchoolQaCycleProcess.VAR_SAR_APPROVED_VERSION));
    return new AcceptedSar(
        schoolCode,
        schoolName,
        clusterCode,
        levels,
        notes,
        publicLink(v),
        publishedFile(v),
        approved.isEmpty() ? null : approved);
  }

  /**
   * Strengths and points to improve per standard code, in the assessment's order: the SAR's own
   * (DraftSar {@code sarLevels}) where it wrote them, else the internal assessment's (every year
   * drafted before the SAR had these fields).
   */
  static Map<String, String[]> strengthsAndImprovements(Map<String, Object> v) {
    Map<String, String[]> notes = new LinkedHashMap<>();
    for (Map<String, Object> row : list(v.get(ASSESSMENT))) {
      String code = text(row.get(STANDARD_CODE));
      notes.put(code, new String[] {text(row.get(STRENGTHS)), text(row.get(IMPROVEMENTS))});
    }
    for (Map<String, Object> row : list(v.get(SAR_LEVELS))) {
      String code = text(row.get(STANDARD_CODE));
      String[] note = notes.computeIfAbsent(code, k -> new String[] {"", ""});
      if (!text(row.get(STRENGTHS)).isEmpty()) {
        note[0] = text(row.get(STRENGTHS));
      }
      if (!text(row.get(IMPROVEMENTS)).isEmpty()) {
        note[1] = text(row.get(IMPROVEMENTS));
      }
    }
    notes.values().removeIf(n -> n[0].isEmpty() && n[1].isEmpty());
    return notes;
  }

  /**
   * A school's year as its next year reads it: every standard it set a target or reported a level
   * for (SetStandards, InternalAssessment, DraftSar merged), and its board's recommendations.
   */
  static SchoolYear year(String schoolCode, int academicYear, Map<String, Object> v) {
    Map<String, String[]> notes = strengthsAndImprovements(v);
    List<SchoolYear.Standard> standards = new ArrayList<>();
    for (Map<String, Object> row : merged(v).values()) {
      String code = text(row.get(STANDARD_CODE));
      String[] note = notes.getOrDefault(code, new String[] {"", ""});
      standards.add(
          new SchoolYear.Standard(
              code,
              text(row.get(STANDARD_LABEL)),
              text(row.get(STANDARD_LABEL_EN)),
              level(row.get(TARGET_LEVEL)),
              text(row.get(TARGET_DESCRIPTION)),
              text(row.get(TARGET_BASELINE)),
              level(row.get(ACHIEVED_LEVEL)),
              note[0],
              note[1]));
    }
    return new SchoolYear(schoolCode, academicYear, standards, text(v.get(BOARD_RECOMMENDATIONS)));
  }

  /** The rows of a SAR's {@code sarLevels} that name a standard and a level. */
  static List<ReportedLevels.Level> reported(Object sarLevels) {
    List<ReportedLevels.Level> levels = new ArrayList<>();
    for (Map<String, Object> row : list(parsed(sarLevels))) {
      String code = text(row.get(STANDARD_CODE));
      String achieved = text(row.get(ACHIEVED_LEVEL));
      if (!code.isEmpty() && !achieved.isBlank()) {
        String label = text(row.get(STANDARD_LABEL));
        levels.add(new ReportedLevels.Level(code, label.isEmpty() ? code : label, achieved));
      }
    }
    return levels;
  }

  /** A list variable as stored, or as JSON text (a value serialised by an older engine setup). */
  private static Object parsed(Object value) {
    if (value instanceof CharSequence json) {
      try {
        return JSON.readValue(json.toString(), List.class);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return List.of();
      }
    }
    return value;
  }

  /**
   * The submitted SAR as the district's review checks it; {@code v} may be empty (the cycle has
   * ended).
   */
  static SubmittedSar submitted(Map<String, Object> v) {
    String approved =
        v.get(SchoolQaCycleProcess.VAR_SAR_APPROVED_VERSION) instanceof String s ? s : null;
    Object summary = v.get(EXECUTIVE_SUMMARY);
    return new SubmittedSar(
        approved,
        DocumentReference.versionId(v.get(SchoolQaCycleProcess.VAR_SAR_SUBMITTED_VERSION)),
        withoutLevel(v.get(StandardsCatalog.VAR_STANDARDS), v.get(SAR_LEVELS)),
        summary == null ? "" : summary.toString());
  }

  /**
   * The standards of the school (its cycle's {@code standards} rows) that have no achieved level in
   * the SAR.
   */
  static List<String> withoutLevel(Object standards, Object sarLevels) {
    Map<String, String> levels = new LinkedHashMap<>();
    if (sarLevels instanceof List<?> rows) {
      for (Object row : rows) {
        if (row instanceof Map<?, ?> m && m.get(STANDARD_CODE) != null) {
          Object level = m.get(ACHIEVED_LEVEL);
          levels.put(
              String.valueOf(m.get(STANDARD_CODE)),
              level == null ? "" : String.valueOf(level).strip());
        }
      }
    }
    List<String> missing = new ArrayList<>();
    if (standards instanceof List<?> rows) {
      for (Object row : rows) {
        if (row instanceof Map<?, ?> m && m.get(STANDARD_CODE) != null) {
          String standard = String.valueOf(m.get(STANDARD_CODE));
          if (levels.getOrDefault(standard, "").isEmpty()) {
            missing.add(
                m.get(STANDARD_LABEL) != null ? String.valueOf(m.get(STANDARD_LABEL)) : standard);
          }
        }
      }
    } else if (levels.isEmpty()) {
      missing.add("-");
    }
    return missing;
  }

  /**
   * The rows a school reported a level for: the SAR's {@code sarLevels}, completed by the internal
   * assessment (for a standard the SAR does not list) and by the targets set at the start of the
   * year.
   */
  static List<Map<String, Object>> rows(Map<String, Object> v) {
    return merged(v).values().stream().filter(r -> r.containsKey(ACHIEVED_LEVEL)).toList();
  }

  /** Every standard's row of {@link #ROW_LISTS} merged, by code, in the order first listed. */
  static Map<String, Map<String, Object>> merged(Map<String, Object> v) {
    Map<String, Map<String, Object>> byCode = new LinkedHashMap<>();
    for (String source : ROW_LISTS) {
      for (Map<String, Object> row : list(v.get(source))) {
        String code = text(row.get(STANDARD_CODE));
        if (code.isEmpty()) {
          continue;
        }
        Map<String, Object> merged = byCode.computeIfAbsent(code, k -> new LinkedHashMap<>());
        row.forEach(
            (k, value) -> {
              if (value != null && !(value instanceof String s && s.isBlank())) {
                merged.put(k, value);
              }
            });
      }
    }
    return byCode;
  }

  /**
   * The education level of a row: its {@code educationLevel}, else the prefix of its standard code.
   */
  static String levelOf(Map<String, Object> row) {
    String level = text(row.get(EDUCATION_LEVEL));
    if (!level.isEmpty()) {
      return level;
    }
    String code = text(row.get(STANDARD_CODE));
    for (EducationLevel l : EducationLevel.values()) {
      if (code.startsWith(l.name() + "-")) {
        return l.name();
      }
    }
    return "";
  }

  /** A quality level as the forms' selects write it ("4", or "4.0" from older JSON), or null. */
  static Integer level(Object value) {
    String s = text(value);
    if (s.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(s.contains(".") ? s.substring(0, s.indexOf('.')) : s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String publicLink(Map<String, Object> v) {
    String link = text(v.get(PUBLIC_LINK));
    boolean asLink =
        text(v.get(PUBLISHED_AS)).isEmpty() || "link".equals(text(v.get(PUBLISHED_AS)));
    return asLink && (link.startsWith("https://") || link.startsWith("http://")) ? link : null;
  }

  /**
   * The version of the file the school published (PublishSar "file"), or null (a link, or not
   * published).
   */
  private static String publishedFile(Map<String, Object> v) {
    return "file".equals(text(v.get(PUBLISHED_AS)))
        ? DocumentReference.versionId(v.get(PUBLISHED_FILE))
        : null;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object value) {
    if (!(value instanceof Collection<?> rows)) {
      return List.of();
    }
    List<Map<String, Object>> result = new ArrayList<>();
    for (Object row : rows) {
      if (row instanceof Map<?, ?> m) {
        result.add((Map<String, Object>) m);
      }
    }
    return result;
  }

  static String text(Object value) {
    return value == null ? "" : String.valueOf(value).strip();
  }
}
