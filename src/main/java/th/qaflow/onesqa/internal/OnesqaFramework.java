package th.qaflow.onesqa.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import th.qaflow.standards.EducationLevel;
import th.qaflow.standards.Framework;
import th.qaflow.standards.FrameworkPurpose;
import th.qaflow.standards.Standard;
import th.qaflow.standards.StandardsCatalog;

/**
 * ONESQA's framework of a year: {@code qaflow.external.framework} (default {@code onesqa-r5-basic},
 * the file standards/onesqa-r5-basic.json); when that is not loaded, the newest {@code EXTERNAL}
 * basic-education framework whose years include the year, else the newest external one there is.
 */
@Component
class OnesqaFramework {
  private final StandardsCatalog catalog;
  private final String configured;

  OnesqaFramework(
      StandardsCatalog catalog,
      @org.springframework.beans.factory.annotation.Value(
              "${qaflow.external.framework:onesqa-r5-basic}")
          String configured) {
    this.catalog = catalog;
    this.configured = configured;
  }

  /**
   * {@code qaflow.external.framework} when it is loaded and external; otherwise by the year (see
   * the class).
   */
  Optional<Framework> forYear(int academicYear) {
    Optional<Framework> chosen =
        byCode(configured).filter(f -> f.purpose() == FrameworkPurpose.EXTERNAL);
    if (chosen.isPresent()) {
      return chosen;
    }
    List<Framework> external =
        catalog.frameworks().stream()
            .filter(
                f ->
                    f.purpose() == FrameworkPurpose.EXTERNAL
                        && f.educationLevel() == EducationLevel.BASIC)
            .sorted(Comparator.comparingInt(Framework::effectiveFrom).reversed())
            .toList();
    return external.stream()
        .filter(f -> f.appliesTo(academicYear))
        .findFirst()
        .or(() -> external.stream().findFirst());
  }

  Optional<Framework> byCode(String code) {
    return code == null ? Optional.empty() : catalog.framework(code);
  }

  /**
   * One form row per standard: {@code standardCode}, {@code standardLabel}, {@code standardItems}.
   */
  static List<Map<String, Object>> rows(Framework f) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Standard s : f.standards()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("standardCode", s.code());
      row.put("standardLabel", "มาตรฐานที่ " + s.code() + " " + s.nameTh());
      row.put("standardLabelEn", "Standard " + s.code() + ": " + s.nameEn());
      row.put(
          "standardItems",
          s.items().stream()
              .map(i -> i.code() + " " + i.nameTh())
              .collect(Collectors.joining("\n")));
      rows.add(row);
    }
    return rows;
  }

  static List<Map<String, Object>> levelOptions(Framework f) {
    return new ArrayList<>(
        f.levels().stream()
            .map(
                l -> {
                  Map<String, Object> o = new LinkedHashMap<>();
                  o.put("value", l.value());
                  o.put("label", l.nameTh());
                  o.put("label_en", l.nameEn());
                  return o;
                })
            .toList());
  }
}
