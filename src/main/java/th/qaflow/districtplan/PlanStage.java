package th.qaflow.districtplan;

import th.qaflow.kernel.Stage;
import th.qaflow.kernel.StageDates;

/**
 * The stages of the district's own development plan (DistrictQaPlan): the plans are made at the
 * start of the academic year, the year is evaluated and reported at its end (March–April of the
 * next calendar year), in time for the next year's plan.
 */
public enum PlanStage implements Stage {
  PLAN_DEVELOPMENT(StageDates.of(5, 16, 0, 6, 15, 0)),
  PLAN_DEVELOPMENT_APPROVAL(StageDates.of(5, 16, 0, 6, 30, 0)),
  PLAN_ACTION(StageDates.of(5, 16, 0, 7, 15, 0)),
  PLAN_ACTION_APPROVAL(StageDates.of(5, 16, 0, 7, 31, 0)),
  PLAN_EVALUATION(StageDates.of(3, 1, 1, 3, 31, 1)),
  PLAN_REPORT(StageDates.of(3, 1, 1, 4, 15, 1)),
  PLAN_REPORT_ACKNOWLEDGEMENT(StageDates.of(3, 1, 1, 4, 30, 1));

  private final StageDates dates;

  PlanStage(StageDates dates) {
    this.dates = dates;
  }

  @Override
  public StageDates dates() {
    return dates;
  }
}
