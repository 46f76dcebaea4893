package th.qaflow.synthesis.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.documents.DocumentReference;
import th.qaflow.organisation.District;
import th.qaflow.organisation.School;
import th.qaflow.standards.EducationLevel;
import th.qaflow.standards.Framework;
import th.qaflow.standards.Level;
import th.qaflow.standards.Standard;
import th.qaflow.synthesis.SynthesisSummary;
import th.qaflow.synthesis.SynthesisSummary.AcceptedSar;
import th.qaflow.synthesis.SynthesisSummary.BelowTarget;
import th.qaflow.synthesis.SynthesisSummary.EducationLevelSummary;
import th.qaflow.synthesis.SynthesisSummary.QualityLevel;
import th.qaflow.synthesis.SynthesisSummary.StandardResult;
import th.qaflow.synthesis.SynthesisSummary.Theme;

/**
 * Builds the summary from the schools' cycles: pure computation, no engine. A standard's level is the
 * one in the SAR ({@code sarLevels}), else the internal assessment's; its target is the school's own
 * (the row's {@code targetLevel}). Standards of the school's own ({@code SCH-…}) count for "below target"
 * but belong to no education level's table.
 */
final class SummaryBuilder {
  static final int LOWEST = 3;
  static final int THEMES = 10;

  private static final List<QualityLevel> DEFAULT_LEVELS = List.of(
      new QualityLevel("5", "ยอดเยี่ยม", "Excellent"),
      new QualityLevel("4", "ดีเลิศ", "Very good"),
      new QualityLevel("3", "ดี", "Good"),
      new QualityLevel("2", "ปานกลาง", "Fair"),
      new QualityLevel("1", "กำลังพัฒนา", "Developing"));

  private SummaryBuilder() {}

  /**
   * @param frameworks the internal framework of each education level for the year (absent levels left out)
   * @param districtSchools the district's schools (for the count, and the levels they offer)
   * @param cycles every school cycle of the district and year
   */
  static SynthesisSummary build(String districtCode, Optional<District> district, int academicYear,
      Map<EducationLevel, Framework> frameworks, List<School> districtSchools, List<SchoolSar> cycles, Instant now) {
    List<QualityLevel> levels = frameworks.values().stream().findFirst()
        .map(f -> f.levels().stream().sorted(Comparator.comparingInt(Level::rank).reversed())
            .map(l -> new QualityLevel(l.value(), l.nameTh(), l.nameEn())).toList())
        .orElse(DEFAULT_LEVELS);
    List<SchoolSar> accepted = cycles.stream()
        .filter(c -> SchoolQaCycleProcess.SAR_REVIEW_ACCEPTED.equals(c.reviewDecision()))
        .sorted(Comparator.comparing(SchoolSar::schoolCode)).toList();
    int returned = (int) cycles.stream()
        .filter(c -> SchoolQaCycleProcess.SAR_REVIEW_RETURNED.equals(c.reviewDecision())).count();

    List<EducationLevelSummary> educationLevels = new ArrayList<>();
    List<StandardResult> all = new ArrayList<>();
    for (EducationLevel level : EducationLevel.values()) {
      Framework framework = frameworks.get(level);
      boolean offered = districtSchools.stream().anyMatch(s -> level == EducationLevel.BASIC ? s.basic() : s.earlyChildhood());
      boolean rated = accepted.stream().anyMatch(c -> rows(c).stream().anyMatch(r -> level.name().equals(levelOf(r))));
      if (framework == null && !rated || !offered && !rated) {
        continue;
      }
      Map<String, String[]> standards = new LinkedHashMap<>();
      if (framework != null) {
        for (Standard s : framework.standards()) {
          standards.put(level.name() + "-" + s.code(), new String[] {
              "มาตรฐานที่ " + s.code() + " " + s.nameTh(), "Standard " + s.code() + ": " + s.nameEn()});
        }
      }
      int schools = 0;
      Map<String, int[]> counts = new LinkedHashMap<>();
      for (SchoolSar c : accepted) {
        boolean offers = false;
        for (Map<String, Object> row : rows(c)) {
          if (!level.name().equals(levelOf(row))) {
            continue;
          }
          offers = true;
          String code = text(row.get("standardCode"));
          standards.putIfAbsent(code, new String[] {text(row.get("standardLabel")), text(row.get("standardLabelEn"))});
          Integer achieved = levelValue(row.get("achievedLevel"));
          if (achieved != null) {
            int[] perLevel = counts.computeIfAbsent(code, k -> new int[levels.size()]);
            for (int i = 0; i < levels.size(); i++) {
              if (levels.get(i).value().equals(String.valueOf(achieved))) {
                perLevel[i]++;
              }
            }
          }
        }
        schools += offers ? 1 : 0;
      }
      List<StandardResult> results = new ArrayList<>();
      standards.forEach((code, labels) -> {
        int[] perLevel = counts.getOrDefault(code, new int[levels.size()]);
        int n = 0;
        double sum = 0;
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < perLevel.length; i++) {
          list.add(perLevel[i]);
          n += perLevel[i];
          sum += perLevel[i] * Double.parseDouble(levels.get(i).value());
        }
        results.add(new StandardResult(level.name(), code, labels[0], labels[1], list, n, n == 0 ? 0 : sum / n));
      });
      all.addAll(results);
      educationLevels.add(new EducationLevelSummary(level.name(),
          level == EducationLevel.BASIC ? "ระดับการศึกษาขั้นพื้นฐาน" : "ระดับการศึกษาปฐมวัย",
          level == EducationLevel.BASIC ? "Basic education" : "Early childhood education", schools, results));
    }
    List<StandardResult> lowest = all.stream().filter(r -> r.rated() > 0)
        .sorted(Comparator.comparingDouble(StandardResult::mean).thenComparing(StandardResult::standardCode))
        .limit(LOWEST).toList();

    List<BelowTarget> below = new ArrayList<>();
    List<AcceptedSar> schools = new ArrayList<>();
    Themes strengths = new Themes();
    Themes improvements = new Themes();
    for (SchoolSar c : accepted) {
      int belowCount = 0;
      for (Map<String, Object> row : rows(c)) {
        Integer achieved = levelValue(row.get("achievedLevel"));
        Integer target = levelValue(row.get("targetLevel"));
        if (achieved != null && target != null && achieved < target) {
          belowCount++;
          below.add(new BelowTarget(c.schoolCode(), c.schoolName(), text(row.get("standardCode")),
              text(row.get("standardLabel")), text(row.get("standardLabelEn")), target, achieved));
        }
      }
      for (Map<String, Object> row : list(c.variables().get("assessment"))) {
        String code = text(row.get("standardCode"));
        strengths.add(text(row.get("strengths")), code, c.schoolCode());
        improvements.add(text(row.get("improvements")), code, c.schoolCode());
      }
      schools.add(new AcceptedSar(c.schoolCode(), c.schoolName(), c.clusterCode(), publicLink(c.variables()),
          sarVersion(c.variables()), belowCount, publishedFile(c.variables()) != null));
    }
    return new SynthesisSummary(districtCode, district.map(District::nameTh).orElse(districtCode), academicYear, now,
        levels, districtSchools.size(), cycles.size(), accepted.size(), returned, educationLevels, lowest, below,
        strengths.common(accepted.size()), improvements.common(accepted.size()), schools);
  }

  /**
   * The rows a school reported a level for: the SAR's {@code sarLevels}, completed by the internal
   * assessment (for a standard the SAR does not list) and by the targets set at the start of the year.
   */
  static List<Map<String, Object>> rows(SchoolSar c) {
    Map<String, Map<String, Object>> byCode = new LinkedHashMap<>();
    for (String source : List.of("targets", "ownStandards", "assessment", "sarLevels")) {
      for (Map<String, Object> row : list(c.variables().get(source))) {
        String code = text(row.get("standardCode"));
        if (code.isEmpty()) {
          continue;
        }
        Map<String, Object> merged = byCode.computeIfAbsent(code, k -> new LinkedHashMap<>());
        row.forEach((k, v) -> {
          if (v != null && !(v instanceof String s && s.isBlank())) {
            merged.put(k, v);
          }
        });
      }
    }
    return byCode.values().stream().filter(r -> r.containsKey("achievedLevel")).toList();
  }

  /** The education level of a row: its {@code educationLevel}, else the prefix of its standard code. */
  static String levelOf(Map<String, Object> row) {
    String level = text(row.get("educationLevel"));
    if (!level.isEmpty()) {
      return level;
    }
    String code = text(row.get("standardCode"));
    for (EducationLevel l : EducationLevel.values()) {
      if (code.startsWith(l.name() + "-")) {
        return l.name();
      }
    }
    return "";
  }

  static Integer levelValue(Object value) {
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
    String link = text(v.get("sarPublicLink"));
    boolean asLink = text(v.get("sarPublishedAs")).isEmpty() || "link".equals(text(v.get("sarPublishedAs")));
    return asLink && (link.startsWith("https://") || link.startsWith("http://")) ? link : null;
  }

  /** The version of the file the school published (PublishSar "file"), or null (a link, or not published). */
  private static String publishedFile(Map<String, Object> v) {
    return "file".equals(text(v.get("sarPublishedAs"))) ? DocumentReference.versionId(v.get("sarPublishedFile")) : null;
  }

  private static String sarVersion(Map<String, Object> v) {
    String published = publishedFile(v);
    if (published != null) {
      return published;
    }
    String approved = text(v.get(SchoolQaCycleProcess.VAR_SAR_APPROVED_VERSION));
    return approved.isEmpty() ? null : approved;
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

  /** Points written by the schools, grouped when two schools wrote the same text. */
  static final class Themes {
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Map<String, Set<String>> standards = new LinkedHashMap<>();
    private final Map<String, Set<String>> schools = new LinkedHashMap<>();

    void add(String text, String standardCode, String schoolCode) {
      for (String line : text.split("\\R")) {
        String point = line.strip().replaceFirst("^([-•*]|\\d+[.)])\\s*", "").replaceAll("\\s+", " ").strip();
        if (point.length() < 3) {
          continue;
        }
        String key = point.toLowerCase(Locale.ROOT);
        texts.putIfAbsent(key, point);
        standards.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(standardCode);
        schools.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(schoolCode);
      }
    }

    /** The points most schools share, at most {@link #THEMES}; only shared ones when any are shared. */
    List<Theme> common(int acceptedSchools) {
      List<Theme> themes = texts.keySet().stream()
          .map(k -> new Theme(texts.get(k), new ArrayList<>(standards.get(k)), new ArrayList<>(schools.get(k))))
          .sorted(Comparator.comparingInt(Theme::schools).reversed())
          .toList();
      boolean shared = acceptedSchools > 1 && themes.stream().anyMatch(t -> t.schools() > 1);
      return themes.stream().filter(t -> !shared || t.schools() > 1).limit(THEMES).toList();
    }
  }
}
