package th.qaflow.onesqa.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import th.qaflow.cycle.ReportedLevels;
import th.qaflow.cycle.SchoolCycles;
import th.qaflow.onesqa.LevelComparison;
import th.qaflow.onesqa.SchoolState;

/**
 * Internal and external QA side by side: for each school ONESQA assessed in a district's year, the
 * levels its SAR reported beside ONESQA's latest results, per standard.
 */
@Component
class LevelComparisons {
  private final ExternalStore store;
  private final SchoolCycles schoolCycles;
  private final OnesqaBaselines baselines;

  LevelComparisons(ExternalStore store, SchoolCycles schoolCycles, OnesqaBaselines baselines) {
    this.store = store;
    this.schoolCycles = schoolCycles;
    this.baselines = baselines;
  }

  List<LevelComparison> of(String district, int year) {
    List<LevelComparison> comparisons = new ArrayList<>();
    Map<String, List<OnesqaBaselines.Baseline>> earlier = baselines.before(district, year);
    for (SchoolState school : store.schools(district, year)) {
      if (school.results().isEmpty()) {
        continue;
      }
      Optional<ReportedLevels> sar = sar(school, year);
      Map<String, String> sarLevels = new LinkedHashMap<>();
      sar.ifPresent(
          s -> s.levels().forEach(l -> sarLevels.put(l.standardCode(), l.achievedLevel())));
      Map<String, SchoolState.StandardResult> onesqa = new LinkedHashMap<>();
      school.latestResults().forEach(r -> onesqa.put(r.standardCode(), r));
      // per standard, the newest earlier round imported (the list is newest first)
      Map<String, OnesqaBaselines.Baseline> baseline = new LinkedHashMap<>();
      earlier
          .getOrDefault(school.schoolCode(), List.of())
          .forEach(b -> baseline.putIfAbsent(b.standardCode(), b));
      TreeSet<String> standards = new TreeSet<>(onesqa.keySet());
      standards.addAll(sarLevels.keySet());
      List<LevelComparison.Row> rows = new ArrayList<>();
      for (String code : standards) {
        SchoolState.StandardResult result = onesqa.get(code);
        OnesqaBaselines.Baseline before = baseline.get(code);
        rows.add(
            new LevelComparison.Row(
                code,
                sarLevels.get(code),
                result == null ? null : result.level(),
                result != null && result.met(),
                before == null ? null : before.level(),
                before == null ? null : before.year()));
      }
      comparisons.add(
          new LevelComparison(
              school.schoolCode(),
              school.schoolName(),
              sar.map(ReportedLevels::academicYear).orElse(null),
              rows));
    }
    return comparisons;
  }

  /**
   * The SAR ONESQA read (the one the coordination recorded), else the school's latest SAR of the
   * year or before.
   */
  private Optional<ReportedLevels> sar(SchoolState school, int year) {
    List<ReportedLevels> reported = schoolCycles.reportedLevels(school.schoolCode());
    if (school.sarYear() != null) {
      Optional<ReportedLevels> recorded =
          reported.stream().filter(r -> r.academicYear() == school.sarYear()).findFirst();
      if (recorded.isPresent()) {
        return recorded;
      }
    }
    return reported.stream()
        .filter(r -> r.academicYear() <= year)
        .max(Comparator.comparingInt(ReportedLevels::academicYear));
  }
}
