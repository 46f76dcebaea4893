package th.qaflow.visit;

import th.qaflow.kernel.Stage;
import th.qaflow.kernel.StageDates;

/** The stages of a district supervision visit to a school (DistrictVisit). */
public enum VisitStage implements Stage {
  VISIT_PLAN(StageDates.of(8, 1, 0, 8, 10, 0)),
  VISIT_COMMITTEE(StageDates.of(8, 1, 0, 8, 15, 0)),
  VISIT_EVIDENCE(StageDates.of(8, 1, 0, 8, 31, 0)),
  VISIT_FINDINGS(StageDates.of(8, 1, 0, 9, 15, 0)),
  VISIT_REPORT_APPROVAL(StageDates.of(8, 1, 0, 9, 22, 0)),
  VISIT_ACKNOWLEDGEMENT(StageDates.of(8, 1, 0, 9, 30, 0));

  private final StageDates dates;

  VisitStage(StageDates dates) {
    this.dates = dates;
  }

  @Override
  public StageDates dates() {
    return dates;
  }
}
