package th.qaflow.supervision;

import th.qaflow.kernel.Stage;
import th.qaflow.kernel.StageDates;

/**
 * The stages of the supervision plan (SupervisionPlan) on the district calendar. The plan's fiscal
 * year is kept on the calendar year of the same number: needs, plan and approval at its start,
 * projects report progress from September, the supervision is evaluated, improved and reported in
 * February–March of the next calendar year.
 */
public enum SupervisionStage implements Stage {
  SUPERVISION_NEEDS(StageDates.of(5, 16, 0, 6, 15, 0)),
  SUPERVISION_PLAN(StageDates.of(5, 16, 0, 6, 30, 0)),
  SUPERVISION_APPROVAL(StageDates.of(5, 16, 0, 7, 15, 0)),
  SUPERVISION_PROGRESS(StageDates.of(9, 1, 0, 9, 30, 0)),
  SUPERVISION_EVALUATION(StageDates.of(2, 1, 1, 2, 28, 1)),
  SUPERVISION_IMPROVEMENT(StageDates.of(2, 1, 1, 3, 15, 1)),
  SUPERVISION_REPORT(StageDates.of(3, 1, 1, 3, 31, 1));

  private final StageDates dates;

  SupervisionStage(StageDates dates) {
    this.dates = dates;
  }

  @Override
  public StageDates dates() {
    return dates;
  }
}
