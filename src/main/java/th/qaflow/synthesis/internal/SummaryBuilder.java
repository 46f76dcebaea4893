package th.qaflow.synthesis.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import th.qaflow.cycle.AcceptedSar.AssessmentNote;
import th.qaflow.cycle.AcceptedSar.StandardLevel;
import th.qaflow.cycle.DistrictSars;
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
 * Builds the summary from the district's SARs as the school-cycle module gives them: pure
 * computation, no engine. A standard's level is the one in the SAR, else the internal assessment's;
 * its target is the school's own. Standards of the school's own ({@code SCH-…}) count for "below
 * target" but belong to no education level's table.
 */
final class SummaryBuilder {
  static final int LOWEST = 3;
  static final int THEMES = 10;

  private static final List<QualityLevel> DEFAULT_LEVELS =
      List.of(
          new QualityLevel("5", "ยอดเยี่ยม", "Excellent"),
          new QualityLevel("4", "ดีเลิศ", "Very good"),
          new QualityLevel("3", "ดี", "Good"),
          new QualityLevel("2", "ปานกลาง", "Fair"),
          new QualityLevel("1", "กำลังพัฒนา", "Developing"));

  private SummaryBuilder() {}

  /**
   * @param frameworks the internal framework of each education level for the year (absent levels
   *     left out)
   * @param districtSchools the district's schools (for the count, and the levels they offer)
   * @param sars the district's school cycles of the year: counts and the accepted SARs
   */
  static SynthesisSummary build(
      String districtCode,
      Optional<District> district,
      int academicYear,
      Map<EducationLevel, Framework> frameworks,
      List<School> districtSchools,
      DistrictSars sars,
      Instant now) {
    List<QualityLevel> levels =
        frameworks.values().stream()
            .findFirst()
            .map(
                f ->
                    f.levels().stream()
                        .sorted(Comparator.comparingInt(Level::rank).reversed())
                        .map(l -> new QualityLevel(l.value(), l.nameTh(), l.nameEn()))
                        .toList())
            .orElse(DEFAULT_LEVELS);
    List<th.qaflow.cycle.AcceptedSar> accepted =
        sars.accepted().stream()
            .sorted(Comparator.comparing(th.qaflow.cycle.AcceptedSar::schoolCode))
            .toList();

    List<EducationLevelSummary> educationLevels = new ArrayList<>();
    List<StandardResult> all = new ArrayList<>();
    for (EducationLevel level : EducationLevel.values()) {
      Framework framework = frameworks.get(level);
      boolean offered =
          districtSchools.stream()
              .anyMatch(s -> level == EducationLevel.BASIC ? s.basic() : s.earlyChildhood());
      boolean rated =
          accepted.stream()
              .anyMatch(
                  c -> c.levels().stream().anyMatch(r -> level.name().equals(r.educationLevel())));
      if (framework == null && !rated || !offered && !rated) {
        continue;
      }
      Map<String, String[]> standards = new LinkedHashMap<>();
      if (framework != null) {
        for (Standard s : framework.standards()) {
          standards.put(
              level.name() + "-" + s.code(),
              new String[] {
                "มาตรฐานที่ " + s.code() + " " + s.nameTh(),
                "Standard " + s.code() + ": " + s.nameEn()
              });
        }
      }
      int schools = 0;
      Map<String, int[]> counts = new LinkedHashMap<>();
      for (th.qaflow.cycle.AcceptedSar c : accepted) {
        boolean offers = false;
        for (StandardLevel row : c.levels()) {
          if (!level.name().equals(row.educationLevel())) {
            continue;
          }
          offers = true;
          String code = row.standardCode();
          standards.putIfAbsent(code, new String[] {row.labelTh(), row.labelEn()});
          Integer achieved = row.achieved();
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
      standards.forEach(
          (code, labels) -> {
            int[] perLevel = counts.getOrDefault(code, new int[levels.size()]);
            int n = 0;
            double sum = 0;
            List<Integer> list = new ArrayList<>();
            for (int i = 0; i < perLevel.length; i++) {
              list.add(perLevel[i]);
              n += perLevel[i];
              sum += perLevel[i] * Double.parseDouble(levels.get(i).value());
            }
            results.add(
                new StandardResult(
                    level.name(), code, labels[0], labels[1], list, n, n == 0 ? 0 : sum / n));
          });
      all.addAll(results);
      educationLevels.add(
          new EducationLevelSummary(
              level.name(),
              level == EducationLevel.BASIC ? "ระดับการศึกษาขั้นพื้นฐาน" : "ระดับการศึกษาปฐมวัย",
              level == EducationLevel.BASIC ? "Basic education" : "Early childhood education",
              schools,
              results));
    }
    List<StandardResult> lowest =
        all.stream()
            .filter(r -> r.rated() > 0)
            .sorted(
                Comparator.comparingDouble(StandardResult::mean)
                    .thenComparing(StandardResult::standardCode))
            .limit(LOWEST)
            .toList();

    List<BelowTarget> below = new ArrayList<>();
    List<AcceptedSar> schools = new ArrayList<>();
    Themes strengths = new Themes();
    Themes improvements = new Themes();
    for (th.qaflow.cycle.AcceptedSar c : accepted) {
      int belowCount = 0;
      for (StandardLevel row : c.levels()) {
        Integer achieved = row.achieved();
        Integer target = row.target();
        if (achieved != null && target != null && achieved < target) {
          belowCount++;
          below.add(
              new BelowTarget(
                  c.schoolCode(),
                  c.schoolName(),
                  row.standardCode(),
                  row.labelTh(),
                  row.labelEn(),
                  target,
                  achieved));
        }
      }
      for (AssessmentNote note : c.notes()) {
        strengths.add(note.strengths(), note.standardCode(), c.schoolCode());
        improvements.add(note.improvements(), note.standardCode(), c.schoolCode());
      }
      String published = c.publishedFileVersionId();
      schools.add(
          new AcceptedSar(
              c.schoolCode(),
              c.schoolName(),
              c.clusterCode(),
              c.publicLink(),
              published != null ? published : c.approvedVersionId(),
              belowCount,
              published != null));
    }
    return new SynthesisSummary(
        districtCode,
        district.map(District::nameTh).orElse(districtCode),
        academicYear,
        now,
        levels,
        districtSchools.size(),
        sars.cycles(),
        accepted.size(),
        sars.returned(),
        educationLevels,
        lowest,
        below,
        strengths.common(accepted.size()),
        improvements.common(accepted.size()),
        schools);
  }

  /** A whole number written as text (a year, a level), or null. */
  static Integer levelValue(Object value) {
    String s = value == null ? "" : String.valueOf(value).strip();
    if (s.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(s.contains(".") ? s.substring(0, s.indexOf('.')) : s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Points written by the schools, grouped when two schools wrote the same text. */
  static final class Themes {
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Map<String, Set<String>> standards = new LinkedHashMap<>();
    private final Map<String, Set<String>> schools = new LinkedHashMap<>();

    void add(String text, String standardCode, String schoolCode) {
      for (String line : text.split("\\R")) {
        String point =
            line.strip().replaceFirst("^([-•*]|\\d+[.)])\\s*", "").replaceAll("\\s+", " ").strip();
        if (point.length() < 3) {
          continue;
        }
        String key = point.toLowerCase(Locale.ROOT);
        texts.putIfAbsent(key, point);
        standards.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(standardCode);
        schools.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(schoolCode);
      }
    }

    /**
     * The points most schools share, at most {@link #THEMES}; only shared ones when any are shared.
     */
    List<Theme> common(int acceptedSchools) {
      List<Theme> themes =
          texts.keySet().stream()
              .map(
                  k ->
                      new Theme(
                          texts.get(k),
                          new ArrayList<>(standards.get(k)),
                          new ArrayList<>(schools.get(k))))
              .sorted(Comparator.comparingInt(Theme::schools).reversed())
              .toList();
      boolean shared = acceptedSchools > 1 && themes.stream().anyMatch(t -> t.schools() > 1);
      return themes.stream().filter(t -> !shared || t.schools() > 1).limit(THEMES).toList();
    }
  }
}
