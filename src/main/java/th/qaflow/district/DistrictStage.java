package th.qaflow.district;

import th.qaflow.kernel.Stage;
import th.qaflow.kernel.StageDates;

/** The stages of the district's own QA year (DistrictQaCycle and SarReview). */
public enum DistrictStage implements Stage {
  DISTRICT_GUIDANCE(StageDates.of(5, 16, 0, 5, 31, 0)),
  DISTRICT_COMMITTEE(StageDates.of(5, 16, 0, 6, 15, 0)),
  DISTRICT_LAST_YEAR_REPORT(StageDates.of(5, 16, 0, 6, 30, 0)),
  DISTRICT_VISIT_ROUNDS(StageDates.of(8, 1, 0, 9, 30, 0)),
  DISTRICT_SAR_CHASE(StageDates.of(4, 1, 1, 6, 7, 1)),
  SAR_REVIEW(StageDates.of(4, 1, 1, 6, 20, 1)),
  SYNTHESIS(StageDates.of(4, 1, 1, 6, 20, 1)),
  SYNTHESIS_APPROVAL(StageDates.of(4, 1, 1, 6, 25, 1)),
  DISTRICT_REPORT(StageDates.of(4, 1, 1, 6, 30, 1)),
  DISTRICT_GOOD_PRACTICES(StageDates.of(4, 1, 1, 6, 30, 1));

  private final StageDates dates;

  DistrictStage(StageDates dates) {
    this.dates = dates;
  }

  @Override
  public StageDates dates() {
    return dates;
  }
}
