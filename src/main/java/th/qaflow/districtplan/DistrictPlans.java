package th.qaflow.districtplan;

import java.util.List;
import java.util.Optional;

/** The district's plan years (DistrictQaPlan): start one, list them. */
public interface DistrictPlans {

  /**
   * Starts the district's plan year; empty when it runs (or ran) already. The year works under the
   * approved 3-year plan that covers it, or drafts a new one; it reads the previous year's
   * evaluation.
   */
  Optional<String> start(String districtCode, int academicYearBE, String startedBy);

  /** The district's plan years, newest first. */
  List<PlanYear> years(String districtCode);

  Optional<PlanYear> year(String districtCode, int academicYearBE);

  /**
   * A plan year as stored when its steps are published.
   *
   * @param planFirstYear first year of the 3-year plan it works under (null before approval)
   * @param indicatorsTotal the action plan's indicators, evaluated (null before the report)
   */
  record PlanYear(
      String districtCode,
      int academicYear,
      String processInstanceId,
      Integer planFirstYear,
      Integer planLastYear,
      java.time.Instant actionPlanPublishedAt,
      Integer indicatorsTotal,
      Integer indicatorsAchieved,
      java.time.Instant reportPublishedAt) {}
}
