package th.qaflow.standards;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A set of standards and levels, e.g. the MoE standards of 2561 for basic education. A framework is
 * data (a JSON file under {@code standards/} or {@code QAFLOW_STANDARDS_DIR}); once loaded it is
 * never changed in place — a revised framework is a new code, so the years assessed with the old
 * one keep it.
 *
 * @param effectiveFrom first academic year (BE) the framework applies to
 * @param effectiveTo last academic year (BE), or {@code null} while it is current
 */
public record Framework(
    String code,
    String nameTh,
    String nameEn,
    EducationLevel educationLevel,
    FrameworkPurpose purpose,
    int effectiveFrom,
    Integer effectiveTo,
    List<Level> levels,
    List<Standard> standards) {

  public Framework {
    levels = List.copyOf(levels);
    standards = List.copyOf(standards);
  }

  public String name(Locale locale) {
    return Standard.localised(nameTh, nameEn, locale);
  }

  public boolean appliesTo(int academicYear) {
    return academicYear >= effectiveFrom && (effectiveTo == null || academicYear <= effectiveTo);
  }

  public Optional<Level> level(String value) {
    return levels.stream().filter(l -> l.value().equals(value)).findFirst();
  }

  /** Items counted over every standard (e.g. 13 for basic education 2561). */
  public int itemCount() {
    return standards.stream().mapToInt(s -> s.items().size()).sum();
  }
}
