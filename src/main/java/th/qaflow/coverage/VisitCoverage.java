package th.qaflow.coverage;

import java.util.List;
import java.util.Set;
import th.qaflow.organisation.School;

/**
 * Which schools of a district had at least one completed district visit in an academic year, and
 * which were not inspected in the last {@value #INSPECTION_YEARS} years.
 */
public interface VisitCoverage {
  /** Every school is inspected at least once in this many academic years (001 L516). */
  int INSPECTION_YEARS = 3;

  /** Rows of the three-year warning list shown on a page; the count says how many there are. */
  int WARNING_ROWS = 100;

  /** The schools with a completed visit in the year. */
  Set<String> covered(String districtCode, int academicYearBE);

  /** The district's schools without a completed visit in the year, by code. */
  List<School> uncovered(String districtCode, int academicYearBE);

  /** What the district dashboard shows. */
  DistrictCoverage district(String districtCode, int academicYearBE);

  /**
   * @param schools the district's schools
   * @param missing the schools without a completed visit this year
   * @param notInspected the first {@link #WARNING_ROWS} schools without a completed visit in the
   *     last three years (this one included), the longest-uninspected first
   * @param notInspectedTotal how many such schools there are
   */
  record DistrictCoverage(
      String districtCode,
      int academicYear,
      int schools,
      List<School> missing,
      List<NotInspected> notInspected,
      int notInspectedTotal) {
    public int covered() {
      return schools - missing.size();
    }
  }

  /**
   * @param lastYear the last academic year with a completed visit, or null when none is recorded
   */
  record NotInspected(School school, Integer lastYear) {}
}
