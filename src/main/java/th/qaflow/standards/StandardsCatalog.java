package th.qaflow.standards;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import th.qaflow.organisation.School;

/** The loaded frameworks, and the standards a school works with in a year. */
public interface StandardsCatalog {

  /** Process variable: one row (map) per standard of every level the school offers. */
  String VAR_STANDARDS = "standards";

  /**
   * Process variable: the levels as select options ({@code value}, {@code label}, {@code
   * label_en}).
   */
  String VAR_LEVEL_OPTIONS = "levelOptions";

  /** Process variable: the school's standards as select options. */
  String VAR_STANDARD_OPTIONS = "standardOptions";

  List<Framework> frameworks();

  Optional<Framework> framework(String code);

  /** The internal framework of a level for an academic year (BE): the newest one that applies. */
  Optional<Framework> internalFramework(EducationLevel level, int academicYear);

  /** The internal frameworks of the levels the school offers, early childhood first. */
  List<Framework> frameworksFor(School school, int academicYear);

  /**
   * The variables a school's cycle starts with, so its forms show the school's own standards:
   * {@link #VAR_STANDARDS}, {@link #VAR_LEVEL_OPTIONS}, {@link #VAR_STANDARD_OPTIONS}. Each
   * standards row has {@code educationLevel}, {@code frameworkCode}, {@code standardCode} (e.g.
   * {@code BASIC-1}), {@code standardLabel}, {@code standardLabelEn} and {@code standardItems} (the
   * items, one per line).
   */
  Map<String, Object> cycleVariables(School school, int academicYear);
}
