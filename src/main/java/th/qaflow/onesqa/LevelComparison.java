package th.qaflow.onesqa;

import java.util.List;

/**
 * One assessed school's levels per standard: what its own SAR reported (internal QA) beside what
 * ONESQA found (external QA), both on the five-level scale (5 = excellent).
 *
 * @param sarYear the academic year of the SAR compared ({@code null} when none was reported)
 */
public record LevelComparison(
    String schoolCode, String schoolName, Integer sarYear, List<Row> rows) {
  public LevelComparison {
    rows = List.copyOf(rows);
  }

  /**
   * @param sarLevel the level the SAR reported, or {@code null}
   * @param onesqaLevel ONESQA's level in its latest round, or {@code null}
   * @param baselineLevel ONESQA's level in the latest earlier round the district imported, or
   *     {@code null}
   * @param baselineYear that round's academic year, or {@code null}
   */
  public record Row(
      String standardCode,
      String sarLevel,
      String onesqaLevel,
      boolean met,
      String baselineLevel,
      Integer baselineYear) {
    /** SAR minus ONESQA (positive: the school rated itself higher), or {@code null}. */
    public Integer difference() {
      try {
        return Integer.parseInt(sarLevel) - Integer.parseInt(onesqaLevel);
      } catch (NumberFormatException | NullPointerException e) {
        return null;
      }
    }
  }

  /** Standards where the SAR's level is above ONESQA's. */
  public long ratedHigher() {
    return rows.stream().filter(r -> r.difference() != null && r.difference() > 0).count();
  }
}
